/// A block that opens with a heading whose class or id names what sits beside an article
/// ("related-posts-title", "widget-title", "recommended_articles-heading") is that kind of block,
/// whatever the block's own class says: a list of related posts marked up as full posts inside
/// an `<article class="hentry">`, a sidebar widget in a plain `<div>`. The heading's markup is
/// read, not its words, so it holds in every language.
enum AsideSections {
    static func isLedByAsideHeading(_ node: Node) -> Bool {
        guard let first = firstElement(of: node) else { return false }
        if isAsideHeading(first) { return true }
        // One wrapper around the heading ("section-header"), with nothing before it.
        if !ExtractionTables.headings.contains(first.name), let inner = firstElement(of: first) { return isAsideHeading(inner) }
        return false
    }

    private static func isAsideHeading(_ node: Node) -> Bool {
        guard ExtractionTables.traits(node.packedName).heading, node.hasAttributes else { return false }
        return ClassWords.withMatchBytes(node, ClassWords.asideHeading.matches) ?? false
    }

    /// The first element child, when no text comes before it.
    private static func firstElement(of node: Node) -> Node? {
        var child = node.firstChild
        while let current = child {
            if current.isElement { return current }
            if current.hasTextCharacters { return nil }
            child = current.nextSibling
        }
        return nil
    }
}
