/// A 64-bit Charikar simhash of a document's title and text, as trafilatura computes its
/// `fingerprint` (`content_fingerprint(str(title) + " " + raw_text)`, deduplication.py): the same
/// tokens, the same BLAKE2b token hashes, the same hex. Near-duplicate pages get fingerprints a few
/// bits apart, so a pipeline can deduplicate on it, and fingerprints from clean and trafilatura
/// compare with trafilatura's `Simhash.similarity`.
public enum ContentFingerprint {
    /// Bits of the hash (trafilatura's `Simhash.length`).
    static let bits = 64

    /// The fingerprint as lower-case hex without leading zeros (Python's `f"{hash:x}"`). A missing
    /// title is written "None", as trafilatura's `str(None)` writes it.
    public static func of(title: String?, text: String) -> String {
        hex(of: (title ?? "None") + " " + text)
    }

    /// trafilatura's `content_fingerprint(content)`.
    static func hex(of content: String) -> String {
        var content = content
        return String(content.withUTF8 { simhash(of: $0) }, radix: 16)
    }

    /// trafilatura's `Simhash(content).hash` over UTF-8 `bytes`: each sampled token's BLAKE2b hash
    /// votes +1 for the bits it has set and -1 for the others; the bits with a sum of at least 0 are
    /// set. The sum of bit i over n tokens is 2 * (tokens with bit i) - n, so only set bits are counted.
    static func simhash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let tokens = self.tokens(of: bytes)
        var hashes = TokenHashes(of: UnsafeRawBufferPointer(bytes), tokens: tokens.pieces.count)
        var counter = BitCounter()
        for token in tokens.pieces where token.length > tokens.shorterThan {
            counter.add(hashes.hash(from: token.start, to: token.end))
        }
        return counter.majority()
    }

    /// A token: its bytes and its length in code points.
    struct Piece {
        let start: Int
        let end: Int
        let length: Int
    }

    /// trafilatura's `sample_tokens` over UTF-8 `bytes`: whitespace-separated tokens stripped of
    /// ASCII punctuation at both ends that are then all letters and digits (or, when none is, the
    /// text split at any Unicode punctuation, for scripts such as Chinese that write 。 between
    /// words); then only the tokens longer than 4 code points if there are at least half of `bits`
    /// of them, else longer than 3, 2, 1, else all. The sample is the pieces longer than `shorterThan`.
    static func tokens(of bytes: UnsafeBufferPointer<UInt8>) -> (pieces: [Piece], shorterThan: Int) {
        var pieces = alphanumericPieces(of: bytes, splitAtPunctuation: false)
        if pieces.isEmpty { pieces = alphanumericPieces(of: bytes, splitAtPunctuation: true) }
        // Tokens longer than 1, 2, 3 and 4 code points, counted in one pass.
        var longer = (0, 0, 0, 0)
        for piece in pieces {
            if piece.length > 1 { longer.0 += 1 }
            if piece.length > 2 { longer.1 += 1 }
            if piece.length > 3 { longer.2 += 1 }
            if piece.length > 4 { longer.3 += 1 }
        }
        if longer.3 * 2 >= bits { return (pieces, 4) }
        if longer.2 * 2 >= bits { return (pieces, 3) }
        if longer.1 * 2 >= bits { return (pieces, 2) }
        if longer.0 * 2 >= bits { return (pieces, 1) }
        return (pieces, 0)
    }

    /// The pieces between runs of Python whitespace (and of Unicode punctuation when
    /// `splitAtPunctuation`), stripped of ASCII punctuation at both ends (when not), that are all
    /// letters and digits; with their lengths in code points.
    private static func alphanumericPieces(of bytes: UnsafeBufferPointer<UInt8>, splitAtPunctuation: Bool) -> [Piece] {
        if splitAtPunctuation { return piecesBetweenPunctuation(of: bytes) }
        // Locals: the tables are read for every byte.
        let space = asciiPythonSpace
        let punctuation = pythonPunctuation
        let alphanumeric = asciiAlphanumeric
        var pieces: [Piece] = []
        pieces.reserveCapacity(bytes.count / 8)
        // The run from `start` so far: all ASCII, and then its shape (`AsciiRun`) with the
        // bounds of its letters and digits; other runs are read again by `piece`.
        var start = 0
        var index = 0
        var ascii = true
        var shape = AsciiRun.punctuation
        var lower = 0
        var upper = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                    switch shape {
                    case .punctuation: (shape, lower) = (.word, index - 1)
                    case .word: break
                    case .closed, .other: shape = .other
                    }
                    // The rest of the letters and digits at once.
                    while index < bytes.count, bytes[index] &- 0x30 < 10 || (bytes[index] | 0x20) &- 0x61 < 26 { index += 1 }
                    upper = index
                } else if punctuation.contains(byte) {
                    if shape == .word { shape = .closed }
                } else if space.contains(byte) {
                    if ascii {
                        if shape == .word || shape == .closed { pieces.append(Piece(start: lower, end: upper, length: upper - lower)) }
                    } else if let piece = piece(of: bytes, from: start, to: index - 1, stripping: punctuation, alphanumeric: alphanumeric) {
                        pieces.append(piece)
                    }
                    (start, ascii, shape) = (index, true, .punctuation)
                } else {
                    shape = .other
                }
            } else {
                // Valid UTF-8: the lead byte gives the length. The non-ASCII spaces are U+0085 and
                // U+00A0 (lead C2) and a few of three bytes (leads E1 to E3): others need no decoding.
                let width = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let separates =
                    byte == 0xC2 ? bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0
                    : (0xE1...0xE3).contains(byte) && isPythonSpace(decode(bytes, at: index).0)
                if separates {
                    if ascii {
                        if shape == .word || shape == .closed { pieces.append(Piece(start: lower, end: upper, length: upper - lower)) }
                    } else if let piece = piece(of: bytes, from: start, to: index, stripping: punctuation, alphanumeric: alphanumeric) {
                        pieces.append(piece)
                    }
                    (start, ascii, shape) = (index + width, true, .punctuation)
                } else {
                    ascii = false
                }
                index += width
            }
        }
        if ascii {
            if shape == .word || shape == .closed { pieces.append(Piece(start: lower, end: upper, length: upper - lower)) }
        } else if let piece = piece(of: bytes, from: start, to: index, stripping: punctuation, alphanumeric: alphanumeric) {
            pieces.append(piece)
        }
        return pieces
    }

    /// What an ASCII run between spaces has been so far: a token is punctuation, letters and
    /// digits, punctuation; anything else is no token.
    private enum AsciiRun {
        case punctuation, word, closed, other
    }

    /// The pieces between runs of whitespace and Unicode punctuation that are all letters and digits.
    private static func piecesBetweenPunctuation(of bytes: UnsafeBufferPointer<UInt8>) -> [Piece] {
        let alphanumeric = asciiAlphanumeric
        var pieces: [Piece] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let (scalar, width) = decode(bytes, at: index)
            if isPythonSpace(scalar) || scalar.properties.generalCategory.isPunctuation {
                if let piece = piece(of: bytes, from: start, to: index, stripping: ASCIISet(), alphanumeric: alphanumeric) { pieces.append(piece) }
                start = index + width
            }
            index += width
        }
        if let piece = piece(of: bytes, from: start, to: index, stripping: ASCIISet(), alphanumeric: alphanumeric) { pieces.append(piece) }
        return pieces
    }

    /// The bytes from `start` to `end`, stripped of the `punctuation` at both ends, as a piece if
    /// they are then all letters and digits (`alphanumeric` in ASCII).
    @inline(__always)
    private static func piece(
        of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, stripping punctuation: ASCIISet, alphanumeric: ASCIISet
    ) -> Piece? {
        var lower = start
        var upper = end
        while lower < upper, punctuation.contains(bytes[lower]) { lower += 1 }
        while upper > lower, punctuation.contains(bytes[upper - 1]) { upper -= 1 }
        guard lower < upper else { return nil }
        var length = 0
        var at = lower
        while at < upper {
            let byte = bytes[at]
            if byte < 0x80 {
                guard alphanumeric.contains(byte) else { return nil }
                at += 1
            } else {
                let (scalar, width) = decode(bytes, at: at)
                // Curly quotes, dashes and ellipses (General Punctuation) are common and
                // never letters or numbers; the common alphabets' blocks are all letters: no
                // property lookup for them.
                guard !(0x2000...0x206F).contains(scalar.value),
                    CommonLetters.lowercase(scalar.value) != nil || scalar.properties.generalCategory.isLetter
                        || scalar.properties.numericType != nil
                else { return nil }
                at += width
            }
            length += 1
        }
        return Piece(start: lower, end: upper, length: length)
    }

    /// Python's `str.isspace`: White_Space, plus the four ASCII separators U+001C to U+001F.
    static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return asciiPythonSpace.contains(UInt8(scalar.value)) }
        // The non-ASCII White_Space code points (a stable list of 19), without a property lookup
        // for every accented letter and curly quote.
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The scalar at `index` of valid UTF-8 (the bytes of a String) and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = width == 1 ? lead : lead & (0x7F >> UInt32(width))
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// Python's `str.isalnum` is every code point a letter (general category L) or numeric (any
    /// Numeric_Type); for ASCII, these.
    private static let asciiAlphanumeric = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    /// Python's `string.punctuation`: the 32 ASCII punctuation and symbol characters.
    private static let pythonPunctuation = ASCIISet(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.utf8)
    private static let asciiPythonSpace = ASCIISet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20])
}

extension Unicode.GeneralCategory {
    fileprivate var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
