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
        let words = MainText.wordCount(line, ascii: ASCIIText.isASCII(line), limit: maxWords + 1)
        guard words > 0, words <= maxWords else { return false }
        return !endsSentence(line)
    }

    static func endsSentence(_ line: String) -> Bool {
        if let answer = endsSentenceASCII(line) { return answer }
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

    private static let asciiClosers = ASCIISet(closers.compactMap { $0.isASCII ? $0.asciiValue : nil })
    private static let asciiSentenceEnds = ASCIISet(sentenceEnds.compactMap { $0.isASCII ? $0.asciiValue : nil })
}
