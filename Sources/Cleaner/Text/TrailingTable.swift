/// A table right after the article: tour dates, a list of results or of qualified teams
/// ("June 9 -- Arena, City, FL", "England (Group A): 10th appearance"), under a heading or none.
/// A scrape puts each row on a line of its own, and rows without a sentence end cost as menu
/// items, so the article's run ends before its own table. The rows are told from a menu or a
/// teaser list as `InArticleTable` tells them (a column's values come back row after row: many
/// rows end in a word other rows end in), and by their numbers: nearly every row holds one (a
/// date, a score, a rank), which a footer's menu items do not. A list of references or notes is
/// prose row by row, and stays out.
enum TrailingTable {
    /// Lines without a number between the run and the first row: the table's heading.
    static let maxHeadingLines = 2
    /// Rows the table has at least.
    static let minRows = 6
    /// Share of its rows that hold an ASCII digit, at least.
    static let minNumberedShare = 0.8
    /// Share of its rows that weigh as paragraphs, at most.
    static let maxParagraphShare = 0.2

    /// `run`, carried to the end of the table that follows it, if any. `lines` holds each unit's
    /// text (nil for a block of wrapped prose, which no table holds); `weights` are the units'
    /// own weights.
    static func extend(_ run: Range<Int>, lines: MainText.UnitTexts, weights: [Double]) -> Range<Int> {
        var index = run.upperBound
        var headings = 0
        while index < lines.count, headings < maxHeadingLines, let line = lines[index], !hasDigit(line) {
            index += 1
            headings += 1
        }
        // The rows: lines of two words or more with a number, a row without one (a team with
        // "Zero appearances") passed over when the next has one again.
        let start = index
        var end = index
        var misses = 0
        while index < lines.count, let line = lines[index] {
            if hasDigit(line), MainText.wordCount(line, limit: 2) >= 2 {
                misses = 0
                end = index + 1
            } else {
                misses += 1
                if misses > 1 { break }
            }
            index += 1
        }
        let rows = start..<end
        guard rows.count >= minRows else { return run }
        let numbered = rows.filter { lines[$0].map(hasDigit) ?? false }.count
        guard Double(numbered) >= minNumberedShare * Double(rows.count) else { return run }
        let paragraphs = rows.filter { weights[$0] >= Double(MainText.proseCharacters) }.count
        guard Double(paragraphs) <= maxParagraphShare * Double(rows.count) else { return run }
        guard InArticleTable.isTable(ArraySlice(rows.map { lines[$0] })) else { return run }
        return run.lowerBound..<end
    }

    /// Whether the line holds an ASCII digit.
    static func hasDigit(_ line: String) -> Bool {
        line.utf8.contains { $0 &- 0x30 < 10 }
    }
}
