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
        let bytes = Array(content.utf8)
        return String(simhash(tokens(of: bytes).map { bytes[$0] }), radix: 16)
    }

    static func simhash(_ tokens: [ArraySlice<UInt8>]) -> UInt64 {
        var vector = [Int](repeating: 0, count: bits)
        for token in tokens {
            let value = Blake2b.hash64(token)
            for i in 0..<bits { vector[i] += Int(value >> UInt64(i) & 1) * 2 - 1 }
        }
        var hash: UInt64 = 0
        for i in 0..<bits where vector[i] >= 0 { hash |= 1 << UInt64(i) }
        return hash
    }

    /// trafilatura's `sample_tokens` over UTF-8 `bytes`: whitespace-separated tokens stripped of
    /// ASCII punctuation at both ends that are then all letters and digits (or, when none is, the
    /// text split at any Unicode punctuation, for scripts such as Chinese that write 。 between
    /// words); then only the tokens longer than 4 code points if there are at least half of `bits`
    /// of them, else longer than 3, 2, 1, else all.
    static func tokens(of bytes: [UInt8]) -> [Range<Int>] {
        var tokens = alphanumericPieces(of: bytes, splitAtPunctuation: false)
        if tokens.isEmpty { tokens = alphanumericPieces(of: bytes, splitAtPunctuation: true) }
        for longer in stride(from: 4, to: 0, by: -1) {
            let sample = tokens.filter { $0.length > longer }
            if sample.count * 2 >= bits { return sample.map(\.range) }
        }
        return tokens.map(\.range)
    }

    /// The pieces between runs of Python whitespace (and of Unicode punctuation when
    /// `splitAtPunctuation`), stripped of ASCII punctuation at both ends (when not), that are all
    /// letters and digits; with their lengths in code points.
    private static func alphanumericPieces(of bytes: [UInt8], splitAtPunctuation: Bool) -> [(range: Range<Int>, length: Int)] {
        var pieces: [(range: Range<Int>, length: Int)] = []
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            var index = 0
            func close() {
                var lower = start
                var upper = index
                if !splitAtPunctuation {
                    while lower < upper, pythonPunctuation.contains(bytes[lower]) { lower += 1 }
                    while upper > lower, pythonPunctuation.contains(bytes[upper - 1]) { upper -= 1 }
                }
                guard lower < upper else { return }
                var length = 0
                var at = lower
                while at < upper {
                    let byte = bytes[at]
                    if byte < 0x80 {
                        guard asciiAlphanumeric.contains(byte) else { return }
                        at += 1
                    } else {
                        let (scalar, width) = decode(bytes, at: at)
                        // Curly quotes, dashes and ellipses (General Punctuation) are common and
                        // never letters or numbers: no property lookup for them.
                        guard !(0x2000...0x206F).contains(scalar.value),
                            scalar.properties.generalCategory.isLetter || scalar.properties.numericType != nil
                        else { return }
                        at += width
                    }
                    length += 1
                }
                pieces.append((lower..<upper, length))
            }
            while index < bytes.count {
                let separates: Bool
                var width = 1
                if bytes[index] < 0x80 && !splitAtPunctuation {
                    separates = asciiPythonSpace.contains(bytes[index])
                } else {
                    let scalar: Unicode.Scalar
                    (scalar, width) = decode(bytes, at: index)
                    separates = isPythonSpace(scalar) || (splitAtPunctuation && scalar.properties.generalCategory.isPunctuation)
                }
                if separates {
                    close()
                    start = index + width
                }
                index += width
            }
            close()
        }
        return pieces
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
