/// A table inside the article, between its first paragraphs and the rest: a scrape puts each
/// row on a line of its own, short lines that cost as a menu's, so the article's run begins
/// after the table and its first paragraphs are lost. A table differs from a menu by its
/// columns: a column holds few distinct values (an owner's name, a "yes", a "?", a unit) that
/// come back row after row, so many rows end in a word that other rows end in too, while a
/// menu's items are all different. The run is carried back across such a block when the prose
/// before it reads as the run's own (`RunExtension`'s tests of prose share and paragraph length).
enum InArticleTable {
    /// Rows (lines of at least two words) that end in a word another row ends in, at least: a
    /// menu may have a pair or two of items that share their last word ("Sound settings",
    /// "Other settings").
    static let minRepeatedRows = 6
    /// ...and the share of the block's rows they make at least.
    static let minRepeatedShare = 0.4

    /// Whether the lines of `block` (nil for a block of wrapped prose) read as a table's rows.
    static func isTable(_ block: ArraySlice<String?>) -> Bool {
        guard block.count >= minRepeatedRows else { return false }
        // Rows as they differ: a scrape often holds a menu twice (one for small screens), and
        // each item's copy would make its last word look like a column's value. Rows told apart
        // only for a block that passes with its copies: removing rows that repeat never raises
        // the count or the share, and most blocks fail at once.
        guard readsAsColumns(block.compactMap { $0.flatMap(lastOfWords) }) else { return false }
        var rows = Set<String>()
        return readsAsColumns(block.compactMap { line in line.flatMap { rows.insert($0).inserted ? lastOfWords($0) : nil } })
    }

    /// Whether enough rows end in a word another row ends in (`minRepeatedRows`, `minRepeatedShare`).
    private static func readsAsColumns(_ lastWords: [Substring]) -> Bool {
        guard lastWords.count >= minRepeatedRows else { return false }
        var counts: [Substring: Int] = [:]
        for word in lastWords { counts[word, default: 0] += 1 }
        let repeated = lastWords.filter { (counts[$0] ?? 0) >= 2 }.count
        return repeated >= minRepeatedRows && Double(repeated) >= minRepeatedShare * Double(lastWords.count)
    }

    /// The last word of a line of two words or more (words as `split(whereSeparator: \.isWhitespace)`
    /// makes them), else nil. Read backwards from the line's end, up to the word before: the
    /// split walks every `Character` of every short line before the article, over 7% of a
    /// plain-text scrape's instructions. An ASCII line is read on its bytes, any other by its
    /// `Character`s, whose boundaries are the same read backwards.
    static func lastOfWords(_ line: String) -> Substring? {
        guard ASCIIText.isASCII(line) else { return lastOfWordsByCharacters(line) }
        let isSpace = ASCIIText.isWhitespace
        var copy = line
        let word: Range<Int>? = copy.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
            var start = end
            while start > 0, !isSpace(bytes[start - 1]) { start -= 1 }
            var before = start
            while before > 0, isSpace(bytes[before - 1]) { before -= 1 }
            return start < end && before > 0 ? start..<end : nil
        }
        guard let word else { return nil }
        let utf8 = line.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: word.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: word.upperBound)])
    }

    /// `lastOfWords` of a line that is not ASCII.
    private static func lastOfWordsByCharacters(_ line: String) -> Substring? {
        let first = line.startIndex
        var end = line.endIndex
        while end > first, line[line.index(before: end)].isWhitespace { end = line.index(before: end) }
        var start = end
        while start > first, !line[line.index(before: start)].isWhitespace { start = line.index(before: start) }
        var before = start
        while before > first, line[line.index(before: before)].isWhitespace { before = line.index(before: before) }
        return start < end && before > first ? line[start..<end] : nil
    }

    /// Where the block of lines shorter than a paragraph right before `end` begins, when there
    /// is one and a paragraph before it (nil otherwise): the table's place, if its rows read as
    /// one (`isTable`, asked last, once the cheaper tests of the prose before it pass).
    static func blockStart(before end: Int, weights: [Double]) -> Int? {
        let paragraph = Double(MainText.proseCharacters)
        var start = end
        while start > 0, weights[start - 1] < paragraph { start -= 1 }
        return start > 0 && start < end ? start : nil
    }

    /// Lines of prose (weighing for the article) that end a sentence.
    static func sentences(in lines: ArraySlice<String?>, weights: ArraySlice<Double>) -> Int {
        zip(lines, weights).filter { line, weight in weight > 0 && (line.map(Headline.endsSentence) ?? true) }.count
    }
}
