/// Rules that remove a block because of the block after it.
enum Neighbours {
    /// `drop_before`: the headline-like block just before a matching block (a photo's title
    /// before its "(Photo : ...)" caption). The matching block itself is left to other rules.
    static func dropBefore(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let kept = document.keptBlockIndices
        for (position, index) in kept.enumerated() where position > 0 && matcher.hasKeptLine(document, block: index) {
            let previous = kept[position - 1]
            if Headline.isHeadlineLike(document.blocks[previous]) {
                document.blocks[previous].remove(reason)
            }
        }
    }

    /// `teaser`: a block with a matching line (a time stamp such as "16 hours ago") is a teaser
    /// and goes, with the headline-like block before it.
    static func teasers(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let kept = document.keptBlockIndices
        for (position, index) in kept.enumerated() where matcher.hasKeptLine(document, block: index) {
            document.blocks[index].remove(reason)
            if position > 0 {
                let previous = kept[position - 1]
                if Headline.isHeadlineLike(document.blocks[previous]) {
                    document.blocks[previous].remove(reason)
                }
            }
        }
    }
}
