/// What a headline-like block looks like: one short line that does not end a sentence.
/// Teasers and photo titles are such blocks; article paragraphs are not.
enum Headline {
    /// A headline has at most this many words (long enough for any real headline, short for prose).
    static let maxWords = 20
    /// Characters that end a sentence (ASCII and full-width/CJK forms): a line ending in one is prose.
    static let sentenceEnds: Set<Character> = [".", "!", "?", "…", "。", "！", "？", ":", ";"]
    /// Closing quotes and brackets looked through to find the sentence end.
    static let closers: Set<Character> = ["\"", "'", "”", "’", "»", ")", "]"]

    static func isHeadlineLike(_ block: Block) -> Bool {
        let kept = block.keptLines
        guard kept.count == 1, let line = kept.first else { return false }
        return isHeadlineLike(line)
    }

    static func isHeadlineLike(_ line: String) -> Bool {
        let words = MainText.wordCount(line, limit: maxWords + 1)
        guard words > 0, words <= maxWords else { return false }
        return !endsSentence(line)
    }

    static func endsSentence(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { endsSentence(line, bytes: $0) }
    }

    /// `endsSentence` of `line`, whose bytes are `bytes`: read off the bytes without the `String`
    /// views (an ASCII byte after an ASCII byte is a character of its own; a scalar that stands
    /// alone between two such is one too), the sets asked without hashing; by `Character` when a
    /// scalar in the way may join a neighbour.
    static func endsSentence(_ line: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        endsSentenceOfBytes(bytes) ?? endsSentenceByCharacters(line)
    }

    /// `endsSentence` read from the last scalars, when each character it looks at is one scalar
    /// that stands alone between two such (see `ScalarCharacters`). Nil otherwise.
    private static func endsSentenceOfBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end = bytes.count
        while end > 0 {
            let scalar: UInt32
            let start: Int
            // An ASCII byte after an ASCII byte (or none) is a character of its own (only "\r\n"
            // pairs, and neither is a closer or a sentence end): no decoding.
            if bytes[end - 1] < 0x80, end == 1 || bytes[end - 2] < 0x80 {
                (scalar, start) = (UInt32(bytes[end - 1]), end - 1)
            } else {
                guard let (decoded, decodedStart) = Self.scalar(before: end, in: bytes), ScalarCharacters.standsAlone(decoded) else { return nil }
                if decodedStart > 0 {
                    guard let (previous, _) = Self.scalar(before: decodedStart, in: bytes), ScalarCharacters.standsAlone(previous) else { return nil }
                }
                (scalar, start) = (decoded, decodedStart)
            }
            if scalar < 0x80 {
                guard asciiClosers.contains(UInt8(scalar)) else { return asciiSentenceEnds.contains(UInt8(scalar)) }
            } else {
                guard nonASCIICloserScalars.contains(scalar) else { return nonASCIISentenceEndScalars.contains(scalar) }
            }
            end = start
        }
        return false
    }

    /// `endsSentence` by `Character`.
    private static func endsSentenceByCharacters(_ line: String) -> Bool {
        var last = line.last
        var rest = Substring(line)
        while let character = last, closers.contains(character) {
            rest = rest.dropLast()
            last = rest.last
        }
        guard let last else { return false }
        return sentenceEnds.contains(last)
    }

    /// The scalar that ends at byte `end`, and where it starts; nil for invalid UTF-8.
    private static func scalar(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let (scalar, length) = UTF8Scalar.decode(bytes, at: start), start + length == end else {
            return bytes[start] < 0x80 && start + 1 == end ? (UInt32(bytes[start]), start) : nil
        }
        return (scalar, start)
    }

    /// The sets' scalars beyond ASCII: three and four, searched in order.
    private static let nonASCIICloserScalars = ScalarCharacters.nonASCIIScalars(of: closers)
    private static let nonASCIISentenceEndScalars = ScalarCharacters.nonASCIIScalars(of: sentenceEnds)

    private static let asciiClosers = ASCIISet(closers.compactMap { $0.isASCII ? $0.asciiValue : nil })
    private static let asciiSentenceEnds = ASCIISet(sentenceEnds.compactMap { $0.isASCII ? $0.asciiValue : nil })
}
