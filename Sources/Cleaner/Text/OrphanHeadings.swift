/// `drop_orphan_headings`: a heading whose section the rules emptied ("More from the city" over a
/// removed teaser list, "Comments" over removed comments) goes too. A heading counts as orphaned
/// when the next kept block is a heading of the same or a higher level, or there is none, and
/// something was removed in between (by a line rule, or by the page's extraction: see
/// `Block.removedAfter`): a page made of headings alone keeps them.
/// Runs back to front, so a heading over only orphaned subheadings is itself an orphan.
enum OrphanHeadings {
    static func drop(_ reason: RemovalReason, in document: inout Document) {
        var nextLevel: Int? = nil  // level of the next kept block when it is a heading; nil for text or the end
        var nextIsEnd = true
        var removedSince = false  // a removed line lies between this block and the next kept one
        for index in document.blocks.indices.reversed() {
            let block = document.blocks[index]
            if block.removedAfter { removedSince = true }
            guard block.isKept else {
                removedSince = true
                continue
            }
            if block.lines.contains(where: { !$0.isKept }) { removedSince = true }
            guard case .heading(let level) = block.kind else {
                nextLevel = nil
                nextIsEnd = false
                removedSince = false
                continue
            }
            if removedSince, nextIsEnd || (nextLevel.map { $0 <= level } ?? false) {
                document.blocks[index].remove(reason)
                continue
            }
            nextLevel = level
            nextIsEnd = false
            removedSince = false
        }
    }
}
