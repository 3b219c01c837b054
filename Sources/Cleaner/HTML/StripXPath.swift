/// ftr's `strip: XPATH`: removes every element the expression selects.
enum StripXPath {
    static func apply(_ rules: [RuleSet.XPathRule], to document: HTMLDocument, log: inout RemovalLog) {
        for rule in rules {
            let nodes = rule.xpath.evaluate(in: document).nodes
            guard !nodes.isEmpty else { continue }
            for node in nodes { log.record(node, .rule(rule.source)) }
            document.remove(nodes)
        }
    }
}
