/// ftr's `prune: yes`: inside the selected body, removes containers that are mostly links or
/// hold too little text to be article (share bars, tag lists, related links), as Readability's clean-up does.
enum Pruner {
    /// Containers examined: the elements that wrap boilerplate lists and bars.
    static let containers: Set<String> = ["div", "ul", "ol", "table", "section", "aside", "form", "nav", "dl"]
    /// Share of a container's text inside links above which it is navigation, not prose.
    static let maxLinkDensity = 0.5
    /// Text shorter than this (characters) with any link is a link cluster, not a paragraph.
    static let minTextWithLinks = 25

    static func apply(to root: Node, in document: HTMLDocument, log: inout RemovalLog) {
        var doomed: [Node] = []
        document.walk(from: root, enter: { node in
            guard node.isElement, !(node == root), containers.contains(node.name) else { return .descend }
            let text = TextNormalizer.normalizeLine(node.textContent)
            let linkText = linkTextLength(node, in: document)
            let total = max(text.count, 1)
            let density = Double(linkText) / Double(total)
            if density > maxLinkDensity || (linkText > 0 && text.count < minTextWithLinks) {
                doomed.append(node)
                return .skip
            }
            return .descend
        })
        let reason = RemovalReason.heuristic(name: "prune", category: .navigation, detail: "link density")
        for node in doomed { log.record(node, reason) }
        document.remove(doomed)
    }

    private static func linkTextLength(_ node: Node, in document: HTMLDocument) -> Int {
        var length = 0
        document.walk(from: node, enter: { inner in
            if inner.hasName("a") {
                length += TextNormalizer.normalizeLine(inner.textContent).count
                return .skip
            }
            return .descend
        })
        return length
    }
}
