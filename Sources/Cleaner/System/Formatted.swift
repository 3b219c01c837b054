#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `printf`-style formatting of numbers for reports (`"%.3f"`), in place of Foundation's
/// `String(format:)`, which FoundationEssentials does not have. Always the C locale's decimal point.
public func formatted(_ format: String, _ arguments: any CVarArg...) -> String {
    // A va_list is used up once read: each attempt formats from a fresh one.
    func attempt(capacity: Int) -> (text: String, needed: Int) {
        withVaList(arguments) { list in
            var buffer = [CChar](repeating: 0, count: capacity)
            let needed = Int(buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, list) })
            let written = buffer.prefix(max(0, min(needed, capacity - 1))).map { UInt8(bitPattern: $0) }
            return (String(decoding: written, as: UTF8.self), needed)
        }
    }
    let first = attempt(capacity: 64)
    return first.needed < 64 ? first.text : attempt(capacity: first.needed + 1).text
}
