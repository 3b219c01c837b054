/// `drop_orphan_headings`: a heading whose section the rules emptied ("More from the city" over a
/// removed teaser list, "Comments" over removed comments) goes too. Runs back to front, so a
/// heading over only orphaned subheadings is itself an orphan.
enum OrphanHeadings {
    static func drop(_ reason: RemovalReason, in document: inout Document) {
        var nextLevel: Int? = nil  // level of the next kept block when it is a heading; nil for text or the end
        var nextIsEnd = true
        for index in document.blocks.indices.reversed() where document.blocks[index].isKept {
            guard case .heading(let level) = document.blocks[index].kind else {
                nextLevel = nil
                nextIsEnd = false
                continue
            }
            if nextIsEnd || (nextLevel.map { $0 <= level } ?? false) {
                document.blocks[index].remove(reason)
                continue
            }
            nextLevel = level
            nextIsEnd = false
        }
    }
}
