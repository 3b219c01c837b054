/// Rules that remove a block because of the block after it.
enum Neighbours {
    /// `drop_before`: the headline-like block just before a matching block (a photo's title
    /// before its "(Photo : ...)" caption). The matching block itself is left to other rules.
    static func dropBefore(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let kept = document.keptBlockIndices
        // A block's own lines decide whether it matches, and only other blocks are removed here.
        var matching = matcher.matchingKeptBlocks(in: document)[...]
        for (position, index) in kept.enumerated() where Self.takeFirst(index, from: &matching) && position > 0 {
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
        // A block's own lines decide whether it matches: removing one leaves the next as it was.
        var matching = matcher.matchingKeptBlocks(in: document)[...]
        for (position, index) in kept.enumerated() where Self.takeFirst(index, from: &matching) {
            document.blocks[index].remove(reason)
            if position > 0 {
                let previous = kept[position - 1]
                if Headline.isHeadlineLike(document.blocks[previous]) {
                    document.blocks[previous].remove(reason)
                }
            }
        }
    }

    /// True when `block` opens `blocks` (sorted block indices, met in order), which then lose it.
    private static func takeFirst(_ block: Int, from blocks: inout ArraySlice<Int>) -> Bool {
        guard blocks.first == block else { return false }
        blocks.removeFirst()
        return true
    }
}
