/// ftr's `strip_id_or_class: TEXT` (an element whose class or id contains TEXT),
/// `strip_class: WORD` (an element with WORD among its classes) and `strip_image_src: TEXT`
/// (an image whose src contains TEXT): all rules in one walk of the tree.
enum StripAttributes {
    static func apply(_ rules: RuleSet, to document: HTMLDocument, log: inout RemovalLog) {
        let idOrClass = rules.stripIdOrClass
        let classWords = rules.stripClass
        let imageSrc = rules.stripImageSrc
        guard !idOrClass.isEmpty || !classWords.isEmpty || !imageSrc.isEmpty else { return }
        document.walk(enter: { node in
            // The page's own frame is never boilerplate, whatever words its classes carry.
            guard node.hasAttributes, !node.hasName("html"), !node.hasName("body") else { return .descend }
            if let rule = match(node, idOrClass: idOrClass, classWords: classWords) {
                log.record(node, .rule(rule.source))
                return .remove
            }
            if !imageSrc.isEmpty, node.hasName("img"), let src = node.attribute("src") {
                for rule in imageSrc where src.contains(rule.needle) {
                    return .remove
                }
            }
            return .descend
        })
    }

    private static func match(_ node: Node, idOrClass: [RuleSet.SubstringRule], classWords: [RuleSet.SubstringRule]) -> RuleSet.SubstringRule? {
        guard !idOrClass.isEmpty || !classWords.isEmpty else { return nil }
        let classes = node.attribute("class")
        if !idOrClass.isEmpty {
            let id = node.attribute("id")
            if let rule = idOrClass.first(where: { classes?.contains($0.needle) == true || id?.contains($0.needle) == true }) {
                return rule
            }
        }
        guard !classWords.isEmpty, let classes else { return nil }
        let words = classes.split(whereSeparator: { $0.isWhitespace })
        return classWords.first { rule in words.contains { $0 == rule.needle } }
    }
}
