#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `printf`-style formatting of numbers for reports (`"%.3f"`), in place of Foundation's
/// `String(format:)`, which FoundationEssentials does not have. Always the C locale's decimal point.
public func formatted(_ format: String, _ arguments: any CVarArg...) -> String {
    withVaList(arguments) { list in
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, list) })
        guard needed >= buffer.count else { return String(decoding: buffer.prefix(max(0, needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        // Too long for the first buffer: a va_list is used up once read, so format again from a fresh one.
        return withVaList(arguments) { again in
            buffer = [CChar](repeating: 0, count: needed + 1)
            let written = Int(buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, again) })
            return String(decoding: buffer.prefix(max(0, min(written, needed))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
