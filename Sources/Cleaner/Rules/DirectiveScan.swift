#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Whether a rule file's bytes can hold a directive, without parsing the file: a directive's name
/// is ASCII and read in any letter case (`RuleParser.split` lowercases it), so a file whose bytes
/// do not hold the name in some letter case has no such directive. A plain-text scrape without an
/// address needs the `signature_line`s of every file of a `--rules-lenient` collection, and
/// ftr-site-config's 2,000 files hold none: parsing them all cost 300 million instructions.
enum DirectiveScan {
    static let signatureLine = Array("signature_line".utf8)

    /// `name` (lowercase ASCII, holding a `_`) occurs in `bytes` in some ASCII letter case. Found by
    /// memchr on the name's first `_`, then comparing the bytes around it.
    static func mentions(_ name: [UInt8], in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let anchor = name.firstIndex(of: UInt8(ascii: "_")), buffer.count >= name.count,
              let base = buffer.baseAddress
        else { return false }
        do {
            // The last position where the anchor can stand with the whole name inside the buffer.
            let last = buffer.count - (name.count - anchor)
            var from = anchor
            while from <= last {
                guard let found = memchr(base + from, Int32(UInt8(ascii: "_")), last - from + 1) else { return false }
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let start = position - anchor
                var index = 0
                // `| 0x20` folds ASCII capitals to small letters; `_` stands in the same place on both sides.
                while index < name.count, buffer[start + index] | 0x20 == name[index] | 0x20 { index += 1 }
                if index == name.count { return true }
                from = position + 1
            }
        }
        return false
    }
}
