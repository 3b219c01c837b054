/// The rest of a scrape under a heading of links to other pages ("Related stories:", "Recent
/// articles"), when nothing after it reads as an article. Past the article, such a heading opens
/// the page's boxes of teasers and its sidebars: titles with a summary, a byline, a source or a
/// date under each, box after box, to the scrape's end. `HeadedTitles` takes one box of a few
/// titles; a box of teasers with their bylines (a title, a summary, "Canadian Press, January 26")
/// is no strict alternation of titles and summaries, and a list of twenty is longer than one box.
/// All of it goes when no two lines of prose follow one another anywhere after the heading (an
/// article's paragraphs do; a teaser's summary stands alone between its title and the next) and
/// the heading closes an article: paragraphs directly after one another before it, as many as
/// `TeaserStream` asks of an article's run. A listing's entries under a search form's heading
/// are title, details and summary too, but no article stands before them. Teasers come with
/// summaries, more than one: a single paragraph after a box of titles ("More on this:", two
/// titles, the article's last paragraph) is the article going on, and only the box goes.
enum TeaserTail {
    /// Lines after the heading at least: a heading with a title or two is `HeadedTitles`' box.
    static let minLinesAfter = 3
    /// Lines of prose after the heading at least: the summaries of two teasers.
    static let minSummaries = 2

    /// Whether the heading at `position`, among `count` kept lines, opens the scrape's tail of
    /// teasers. `isProse(position)`: whether the kept line there weighs as prose.
    static func opens(at position: Int, count: Int, isProse: (Int) -> Bool) -> Bool {
        guard count - position - 1 >= minLinesAfter else { return false }
        var previousIsProse = false
        var summaries = 0
        for index in (position + 1)..<count {
            let prose = isProse(index)
            if prose, previousIsProse { return false }
            if prose { summaries += 1 }
            previousIsProse = prose
        }
        guard summaries >= minSummaries else { return false }
        var pairs = 0
        var nextIsProse = false
        for index in (0..<position).reversed() {
            let prose = isProse(index)
            if prose, nextIsProse {
                pairs += 1
                if pairs >= TeaserStream.minParagraphPairs { return true }
            }
            nextIsProse = prose
        }
        return false
    }
}
