/// `drop_with_titles`: a line that heads links to other pages ("Related", "More from Sport",
/// "Don't miss") goes together with the headline-like lines right after it, the titles it heads.
/// A heading alone says little; the titles after it say nothing in sentences, and together they
/// are the container's teaser box, in the middle of an article as well as at its end. They stay
/// when more than `maxTitles` titles follow: a box of related links holds a few, while a longer
/// run of short lines is a list or a table of the page itself, which the heading only happens to
/// open.
enum HeadedTitles {
    /// The most titles a box of related links holds.
    static let maxTitles = 10

    static func drop(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let headings = matcher.matchingKeptLines(in: document)
        guard !headings.isEmpty else { return }
        // Kept lines in document order, so that a box may run across blocks.
        var kept: [(block: Int, line: Int)] = []
        var positions: [Int: Int] = [:]
        for block in document.blocks.indices {
            for line in document.blocks[block].lines.indices where document.blocks[block].lines[line].isKept {
                positions[block << 32 | line] = kept.count
                kept.append((block, line))
            }
        }
        var removed: [(block: Int, line: Int)] = []
        var next = 0
        for heading in headings {
            guard let position = positions[heading.block << 32 | heading.line], position >= next else { continue }
            var end = position + 1
            while end < kept.count, end - position <= maxTitles + 1,
                  Headline.isHeadlineLike(document.blocks[kept[end].block].lines[kept[end].line].text) {
                end += 1
            }
            let titles = end - position - 1
            guard titles >= 1, titles <= maxTitles else { continue }
            removed.append(contentsOf: kept[position..<end])
            next = end
        }
        for (block, line) in removed {
            document.blocks[block].lines[line].removedBy = reason
        }
    }
}
