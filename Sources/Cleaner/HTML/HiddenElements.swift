/// Elements a reader never sees: `hidden`, `aria-hidden="true"`, inline `display:none` or
/// `visibility:hidden`. Their text is not part of the article.
enum HiddenElements {
    static func isHidden(_ node: Node) -> Bool {
        guard node.hasAttributes else { return false }
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style") {
            let compact = style.lowercased().filter { !$0.isWhitespace }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }
}
