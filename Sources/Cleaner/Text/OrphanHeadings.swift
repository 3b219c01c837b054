/// `drop_orphan_headings`: a heading whose section the rules emptied ("More from the city" over a
/// removed teaser list, "Comments" over removed comments) goes too. A heading counts as orphaned
/// when the next kept block is a heading of the same or a higher level, or there is none, and
/// something was removed in between (by a line rule, or by the page's extraction: see
/// `Block.removedAfter`): a page made of headings alone keeps them. The last kept block of an
/// HTML page, when it is a heading after text and not a sentence, heads nothing either (the
/// section it opened lay outside the article).
/// A heading block that holds a paragraph is no heading here: pages that set their text in
/// heading tags keep it.
/// Runs back to front, so a heading over only orphaned subheadings is itself an orphan.
enum OrphanHeadings {
    static func drop(_ reason: RemovalReason, in document: inout Document) {
        var nextLevel: Int? = nil  // level of the next kept block when it is a heading; nil for text or the end
        var nextIsEnd = true
        var removedSince = false  // a removed line lies between this block and the next kept one
        var lastKept = true  // this block is the last kept one
        let firstText = document.blocks.firstIndex { block in
            guard block.isKept else { return false }
            if case .heading = block.kind { return false }
            return true
        }
        for index in document.blocks.indices.reversed() {
            let block = document.blocks[index]
            if block.removedAfter { removedSince = true }
            guard block.isKept else {
                removedSince = true
                continue
            }
            defer { lastKept = false }
            if block.lines.contains(where: { !$0.isKept }) { removedSince = true }
            // A "heading" that holds a paragraph (pages that set their whole text in heading
            // tags) is text: it neither goes as an orphan nor orphans the heading above it.
            guard case .heading(let level) = block.kind, !holdsProse(block) else {
                nextLevel = nil
                nextIsEnd = false
                removedSince = false
                continue
            }
            if removedSince && (nextIsEnd || (nextLevel.map { $0 <= level } ?? false)) || (lastKept && document.origin == .html && firstText.map { $0 < index } == true && !block.keptLines.contains(where: closesASentence)) {
                document.blocks[index].remove(reason)
                continue
            }
            nextLevel = level
            nextIsEnd = false
            removedSince = false
        }
    }

    /// A line too long for a headline (`Headline.maxWords`) that weighs as prose.
    private static func holdsProse(_ block: Block) -> Bool {
        block.lines.contains { line in
            line.isKept && MainText.wordCount(line.text, limit: Headline.maxWords + 1) > Headline.maxWords
                && MainText.weight(line.text) > 0
        }
    }

    /// A last heading that is a sentence ("All items may be returned!") says something itself;
    /// one that ends in a colon announces what is not there.
    private static func closesASentence(_ line: String) -> Bool {
        Headline.endsSentence(line) && !line.hasSuffix(":") && !line.hasSuffix("：")
    }
}
