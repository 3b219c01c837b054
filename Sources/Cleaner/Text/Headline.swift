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
        if let answer = endsSentenceASCII(line) { return answer }
        if let answer = endsSentenceByScalars(line) { return answer }
        return endsSentenceByCharacters(line)
    }

    /// `endsSentence` of `line`, whose bytes are `bytes`: read off the bytes without the `String`
    /// views, as `endsSentenceByScalars` reads them (an ASCII byte is its own scalar), the sets
    /// asked without hashing; by `Character` when a scalar in the way may join a neighbour.
    static func endsSentence(_ line: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        endsSentenceOfBytes(bytes) ?? endsSentenceByCharacters(line)
    }

    /// `endsSentenceByScalars` of a line's bytes, its sets read as `ASCIISet`s and short arrays.
    private static func endsSentenceOfBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end = bytes.count
        while end > 0 {
            let last = bytes[end - 1]
            // An ASCII byte after an ASCII byte (or none), answered as `endsSentenceASCII` does.
            if last < 0x80, end == 1 || bytes[end - 2] < 0x80 {
                if asciiClosers.contains(last) {
                    end -= 1
                    continue
                }
                return asciiSentenceEnds.contains(last)
            }
            guard let (scalar, start) = scalar(before: end, in: bytes), ScalarCharacters.standsAlone(scalar) else { return nil }
            if start > 0 {
                guard let (previous, _) = Self.scalar(before: start, in: bytes), ScalarCharacters.standsAlone(previous) else { return nil }
            }
            if scalar < 0x80 {
                if asciiClosers.contains(UInt8(scalar)) {
                    end = start
                    continue
                }
                return asciiSentenceEnds.contains(UInt8(scalar))
            }
            guard nonASCIICloserScalars.contains(scalar) else { return nonASCIISentenceEndScalars.contains(scalar) }
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

    /// `endsSentence` read from the last bytes, when they are ASCII: an ASCII byte preceded by an
    /// ASCII byte (or by nothing) is a character of its own (only "\r\n" pairs, and neither is a
    /// closer or a sentence end). Nil when a non-ASCII byte is in the way.
    private static func endsSentenceASCII(_ line: String) -> Bool? {
        let bytes = line.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let lastIndex = bytes.index(before: end)
            let last = bytes[lastIndex]
            guard last < 0x80 else { return nil }
            if lastIndex > bytes.startIndex, bytes[bytes.index(before: lastIndex)] >= 0x80 { return nil }
            if asciiClosers.contains(last) {
                end = lastIndex
                continue
            }
            return asciiSentenceEnds.contains(last)
        }
        return false
    }

    /// `endsSentence` read from the last scalars, when each character it looks at is one scalar
    /// that stands alone between two such (see `ScalarCharacters`): a character of its own, equal
    /// to a set's character exactly when it is that character's scalar. Nil otherwise.
    private static func endsSentenceByScalars(_ line: String) -> Bool? {
        var line = line
        return line.withUTF8 { bytes -> Bool? in
            var end = bytes.count
            while end > 0 {
                guard let (scalar, start) = scalar(before: end, in: bytes), ScalarCharacters.standsAlone(scalar) else { return nil }
                if start > 0 {
                    guard let (previous, _) = Self.scalar(before: start, in: bytes), ScalarCharacters.standsAlone(previous) else { return nil }
                }
                guard closerScalars.contains(scalar) else { return sentenceEndScalars.contains(scalar) }
                end = start
            }
            return false
        }
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

    private static let closerScalars = ScalarCharacters.scalars(of: closers)
    private static let sentenceEndScalars = ScalarCharacters.scalars(of: sentenceEnds)

    /// `closerScalars` and `sentenceEndScalars` beyond ASCII: three and four, searched in order.
    private static let nonASCIICloserScalars = closerScalars.filter { $0 >= 0x80 }.sorted()
    private static let nonASCIISentenceEndScalars = sentenceEndScalars.filter { $0 >= 0x80 }.sorted()

    private static let asciiClosers = ASCIISet(closers.compactMap { $0.isASCII ? $0.asciiValue : nil })
    private static let asciiSentenceEnds = ASCIISet(sentenceEnds.compactMap { $0.isASCII ? $0.asciiValue : nil })
}
