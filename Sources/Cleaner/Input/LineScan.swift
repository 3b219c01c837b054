/// A text's lines found on its bytes sixteen at a time, with whether `TextNormalizer.normalizeLine`
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
        // Room for lines of 16 bytes on average, not grown: a page's lines, blank ones included,
        // average under 32 bytes in half the page scrapes of one bench set and under 20 in a
        // tenth (with room for 40, two in three grew the array). A large text's growth costs
        // little per line.
        scan.lines.reserveCapacity(min(bytes.count / 16, 1 << 16) + 1)
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            scan.endLine(at: 0, next: 0, in: bytes)
            return scan.lines
        }
        let raw = UnsafeRawPointer(base)
        // The first byte on its own: each block of sixteen after it is read with the byte before it.
        if isOther(bytes[0]) { scan.look(at: 0, in: bytes) }
        var index = 1
        while index + 16 <= bytes.count {
            // Most blocks are printable ASCII throughout, with single spaces: nothing to look at.
            let others = otherBytes(raw, at: index)
            if others.low | others.high == 0 {
                index += 16
                continue
            }
            // The commonest bytes to look at are told apart here, without a call of `look`: a
            // lead byte that only ends the line's ASCII (most of them in text past ASCII), and a
            // "\n". The two words in one loop, the low one first.
            var half = 0
            var word = others.low
            while true {
                while word != 0 {
                    let position = index + half + word.trailingZeroBitCount >> 3
                    let byte = bytes[position]
                    if onlyEndsASCII(byte) {
                        scan.ascii = false
                    } else if byte == 0x0A, position >= scan.skipUntil {
                        scan.endLine(at: position, next: position + 1, in: bytes)
                    } else {
                        scan.look(at: position, in: bytes)
                    }
                    word &= word &- 1
                }
                guard half == 0 else { break }
                half = 8
                word = others.high
            }
            index += 16
        }
        while index < bytes.count {
            if isOther(bytes[index]) || (bytes[index] == 0x20 && bytes[index - 1] == 0x20) { scan.look(at: index, in: bytes) }
            index += 1
        }
        scan.endLine(at: bytes.count, next: bytes.count, in: bytes)
        return scan.lines
    }

    /// A lead byte that `look` only takes as the end of the line's ASCII: one of a scalar that is
    /// no space or control, C3 to F4 but for E1 to E3 and EF.
    @inline(__always)
    static func onlyEndsASCII(_ byte: UInt8) -> Bool {
        byte >= 0xC3 && byte <= 0xF4 && byte != 0xEF && byte &- 0xE1 >= 3
    }

    /// Neither printable ASCII (the space included, 0x20 to 0x7E) nor a continuation byte (10xxxxxx).
    @inline(__always)
    static func isOther(_ byte: UInt8) -> Bool {
        byte &- 0x20 >= 0x5F && byte & 0xC0 != 0x80
    }

    /// The sixteen bytes at `index` (which must be 1 or more, with sixteen bytes from it) that need
    /// a look: each byte that `isOther` holds for, or a space after a space (the byte before
    /// `index` included), as the high bit of its byte in `low` (bytes 0 to 7) or `high` (8 to 15).
    /// Compared sixteen lanes at once: a handful of vector instructions a block.
    @inline(__always)
    static func otherBytes(_ raw: UnsafeRawPointer, at index: Int) -> (low: UInt64, high: UInt64) {
        let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let before = raw.loadUnaligned(fromByteOffset: index - 1, as: SIMD16<UInt8>.self)
        let space = SIMD16<UInt8>(repeating: 0x20)
        let unprintable = (block .< space) .| (block .>= SIMD16<UInt8>(repeating: 0x7F))
        let continuation = (block & SIMD16<UInt8>(repeating: 0xC0)) .== SIMD16<UInt8>(repeating: 0x80)
        let others = (unprintable .& .!continuation) .| ((block .== space) .& (before .== space))
        // A lane of the mask is all ones or all zeros: its high bit says which.
        let words = unsafeBitCast(others, to: SIMD2<UInt64>.self)
        return (words[0] & ByteLanes.highBits, words[1] & ByteLanes.highBits)
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
