/// A `<noscript>` is a fallback for browsers without scripts, and its text is skipped. But an
/// element opened inside one and never closed (`<noscript><div id="content"></noscript>`) makes
/// libxml2 nest the rest of the page in it: a `<noscript>` holding most of the page's text is such
/// a case, and is unwrapped so that its content reads as the page it is.
enum NoscriptRepair {
    /// A `<noscript>` with more than this share of the body's visible text is the page, not a fallback.
    static let pageShare = 0.5

    private static let anyNoscript = XPathExpression("//noscript")
    private static let noscript = PackedName("noscript")

    static func apply(to document: HTMLDocument, body: Node) {
        // Most pages have none: the element index answers without a walk.
        guard let noscripts = anyNoscript?.evaluate(in: document).nodes, !noscripts.isEmpty else { return }
        // Most of the others hold an image or a frame and no text: then none is the page, and
        // the body's text need not be counted.
        guard noscripts.contains(where: { document.visibleCharacters(under: $0, reading: noscript) > 0 }) else { return }
        var total = 0
        var outermost: [(node: Node, characters: Int)] = []
        var depth = 0
        document.walk(
            from: body,
            enter: { node in
                if node.isText {
                    let characters = node.textMetrics.characters
                    total += characters
                    if depth > 0 { outermost[outermost.count - 1].characters += characters }
                    return .skip
                }
                guard node.isElement else { return .skip }
                if node.hasName("noscript") {
                    if depth == 0 { outermost.append((node, 0)) }
                    depth += 1
                    return .descend
                }
                return TagTable.skipped.contains(node.name) ? .skip : .descend
            },
            leave: { node in
                if node.hasName("noscript") { depth -= 1 }
            })
        guard total > 0 else { return }
        for (node, characters) in outermost where Double(characters) > Double(total) * pageShare {
            node.replaceWithChildren()
        }
    }
}
