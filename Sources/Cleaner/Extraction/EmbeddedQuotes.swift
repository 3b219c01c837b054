/// Posts embedded in an article (a tweet, a forum reply quoted in full) come as a `<blockquote>`
/// inside a box whose class says "social" or "embed" and whose text is half links (the post's
/// address, its date). The quotation is the article's, so the box is judged as its quote.
enum EmbeddedQuotes {
    /// A wrapper whose content is one quotation (an embedded post: a `<blockquote>` inside a
    /// "social-embed" box, its links and all) is quoted text of the article, not a widget.
    static func wrapsOnlyAQuote(_ node: Node) -> Bool {
        var current = node
        for _ in 0..<3 {
            guard let only = onlyElement(of: current) else { return false }
            if only.hasName("blockquote") { return true }
            current = only
        }
        return false
    }

    /// The one element child, when there is no other and no text beside it.
    private static func onlyElement(of node: Node) -> Node? {
        var found: Node?
        var child = node.firstChild
        while let current = child {
            if current.isElement {
                if TagTable.entry(for: current.packedName).skipped { child = current.nextSibling; continue }
                if found != nil { return nil }
                found = current
            } else if current.hasTextCharacters {
                return nil
            }
            child = current.nextSibling
        }
        return found
    }
}
