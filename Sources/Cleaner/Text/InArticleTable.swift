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
        var lastWords: [Substring] = []
        for case let line? in block {
            let words = line.split(whereSeparator: \.isWhitespace)
            guard words.count >= 2, let last = words.last else { continue }
            lastWords.append(last)
        }
        guard lastWords.count >= minRepeatedRows else { return false }
        var counts: [Substring: Int] = [:]
        for word in lastWords { counts[word, default: 0] += 1 }
        let repeated = lastWords.filter { (counts[$0] ?? 0) >= 2 }.count
        return repeated >= minRepeatedRows && Double(repeated) >= minRepeatedShare * Double(lastWords.count)
    }

    /// Where the table before `end` begins, when the lines back from `end` to the last
    /// paragraph before it read as a table's rows; nil otherwise.
    static func start(before end: Int, weights: [Double], lines: [String?]) -> Int? {
        let paragraph = Double(MainText.proseCharacters)
        var start = end
        while start > 0, weights[start - 1] < paragraph { start -= 1 }
        guard start > 0, start < end, isTable(lines[start..<end]) else { return nil }
        return start
    }

    /// Lines of prose (weighing for the article) that end a sentence.
    static func sentences(in lines: ArraySlice<String?>, weights: ArraySlice<Double>) -> Int {
        zip(lines, weights).filter { line, weight in weight > 0 && (line.map(Headline.endsSentence) ?? true) }.count
    }
}
