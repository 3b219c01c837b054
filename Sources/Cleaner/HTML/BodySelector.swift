/// ftr's `body: XPATH`: the first expression that selects something gives the article's elements.
/// Without one, the whole `<body>` goes on to the serializer (and the generic extraction).
enum BodySelector {
    static func select(_ rules: [RuleSet.XPathRule], in document: HTMLDocument) -> [Node]? {
        for rule in rules {
            let nodes = rule.xpath.evaluate(in: document).nodes
            if !nodes.isEmpty { return outermost(nodes) }
        }
        return nil
    }

    /// Drops nodes inside another selected node, so no text comes out twice.
    private static func outermost(_ nodes: [Node]) -> [Node] {
        let selected = Set(nodes.map(\.pointer))
        return nodes.filter { node in
            var ancestor = node.parent
            while let current = ancestor {
                if selected.contains(current.pointer) { return false }
                ancestor = current.parent
            }
            return true
        }
    }

    /// The `<body>` element, or the root when the parser made none.
    static func pageBody(of document: HTMLDocument) -> Node? {
        guard let root = document.root else { return nil }
        var child = root.firstChild
        while let node = child {
            if node.hasName("body") { return node }
            child = node.nextSibling
        }
        return root
    }
}
