/// A text's lines found on its bytes eight at a time, with whether `TextNormalizer.normalizeLine`
/// would leave each as it is. Most bytes of a scrape are printable ASCII, single spaces between
/// words and the continuation bytes of longer characters, which neither end a line nor change
/// under normalizing: only the other bytes (line ends, controls, a space after a space, the lead
/// bytes of non-ASCII characters) are looked at one by one.
enum LineScan {
    /// One line's bytes, without its line end, and whether it is normalized already: no control
    /// character, and no whitespace but single ASCII spaces between words.
    struct LineRange {
        let start: Int
        let end: Int
        let isNormalized: Bool
        /// No byte past ASCII (a normalized ASCII line becomes a `String` without UTF-8 validation).
        let isASCII: Bool
    }

    /// The lines of `bytes`, in order. Lines end at "\n", "\r\n" or "\r"; the last line runs to
    /// the end (it may be empty). `bytes` are a valid String's: a scalar's length is read off its
    /// lead byte, and only leads C2 (NEL, NBSP, C1 controls), E1, E2, E3 (the other spaces) and
    /// EF (the BOM) need decoding.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [LineRange] {
        var scan = Scan()
        // Room for lines of 40 bytes on average (scrapes' lines, blank ones included, run 35 to
        // 90), not grown a few lines at a time; a large text's growth costs little per line.
        scan.lines.reserveCapacity(min(bytes.count / 40, 1 << 16) + 1)
        guard let base = bytes.baseAddress else {
            scan.endLine(at: 0, next: 0, in: bytes)
            return scan.lines
        }
        let raw = UnsafeRawPointer(base)
        var index = 0
        // The high bit of the last byte of the word before, when it was a space.
        var spaceBefore: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let spaces = ByteLanes.equal(word, 0x20)
            // A space after a space, in this word or across from the last one.
            let doubled = spaces & (spaces << 8 | spaceBefore)
            spaceBefore = spaces >> 56
            // Most words are printable ASCII throughout: then only a doubled space needs a look.
            if mayHoldOthers(word) == 0, doubled == 0 {
                index += 8
                continue
            }
            var others = otherBytes(word) | doubled
            while others != 0 {
                scan.look(at: index + others.trailingZeroBitCount >> 3, in: bytes)
                others &= others &- 1
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            let isOther = byte &- 0x20 >= 0x5F && byte & 0xC0 != 0x80
            if isOther || (byte == 0x20 && index > 0 && bytes[index - 1] == 0x20) { scan.look(at: index, in: bytes) }
            index += 1
        }
        scan.endLine(at: bytes.count, next: bytes.count, in: bytes)
        return scan.lines
    }

    /// Nonzero when `word` may hold a byte that is not printable ASCII (below 0x20, 0x7F, or past
    /// ASCII), zero only when it holds none: a byte below 0x20 borrows its high bit in `word - 0x20`
    /// whatever borrows into it, 0x7F reaches it in `word + 1`, and a byte past ASCII has it (a
    /// borrow or carry across bytes can flag a printable byte too, never hide one of the others).
    @inline(__always)
    static func mayHoldOthers(_ word: UInt64) -> UInt64 {
        (word | (word &- 0x2020_2020_2020_2020) | (word &+ 0x0101_0101_0101_0101)) & ByteLanes.highBits
    }

    /// The high bit of each byte of `word` that is neither printable ASCII (the space included,
    /// 0x20 to 0x7E) nor a continuation byte (10xxxxxx), computed per byte without carries.
    @inline(__always)
    static func otherBytes(_ word: UInt64) -> UInt64 {
        let low = ByteLanes.low7(word)
        let printable = ByteLanes.atLeast(0x20, low) & ~ByteLanes.atLeast(0x7F, low) & ~word
        let continuation = word & ~(word << 1) & ByteLanes.highBits
        return ~printable & ~continuation & ByteLanes.highBits
    }

    /// The state of the scan: the current line, and the bytes already accounted for.
    private struct Scan {
        var lines: [LineRange] = []
        var lineStart = 0
        var normalized = true
        var ascii = true
        /// Bytes before this are done: the "\n" of "\r\n".
        var skipUntil = 0

        /// Ends the line at `end`; a space at either end of it is one normalizing drops.
        @inline(__always)
        mutating func endLine(at end: Int, next: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            let spaceAtEnds = end > lineStart && (bytes[lineStart] == 0x20 || bytes[end - 1] == 0x20)
            lines.append(LineRange(start: lineStart, end: end, isNormalized: normalized && !spaceAtEnds, isASCII: ascii))
            lineStart = next
            skipUntil = next
            normalized = true
            ascii = true
        }

        /// A byte other than printable ASCII and single spaces: a second space, a line end, a
        /// control or a scalar's lead byte.
        @inline(__always)
        mutating func look(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            guard position >= skipUntil else { return }
            let byte = bytes[position]
            switch byte {
            case 0x20:
                // Only a space right after another comes here.
                normalized = false
            case 0x0A:
                endLine(at: position, next: position + 1, in: bytes)
            case 0x0D:
                endLine(at: position, next: position + 1 < bytes.count && bytes[position + 1] == 0x0A ? position + 2 : position + 1, in: bytes)
            case 0xC2...0xF4:
                ascii = false
                if byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) || byte == 0xEF {
                    if let (scalar, _) = UTF8Scalar.decode(bytes, at: position) {
                        if UnicodeWhitespace.isSpaceOrControl(scalar) { normalized = false }
                    } else {
                        normalized = false
                    }
                }
            default:
                // Controls, DEL, and bytes no valid scalar starts with.
                normalized = false
                ascii = ascii && byte < 0x80
            }
        }
    }
}
