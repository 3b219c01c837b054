/// ftr's `strip_id_or_class: TEXT` (an element whose class or id contains TEXT) and
/// `strip_image_src: TEXT` (an image whose src contains TEXT), all rules in one walk of the tree.
enum StripAttributes {
    static func apply(idOrClass: [RuleSet.SubstringRule], imageSrc: [RuleSet.SubstringRule], to document: HTMLDocument, log: inout RemovalLog) {
        guard !idOrClass.isEmpty || !imageSrc.isEmpty else { return }
        document.walk(enter: { node in
            // The page's own frame is never boilerplate, whatever words its classes carry.
            guard node.hasAttributes, !node.hasName("html"), !node.hasName("body") else { return .descend }
            if !idOrClass.isEmpty {
                let classes = node.attribute("class")
                let id = node.attribute("id")
                if classes != nil || id != nil {
                    for rule in idOrClass where classes?.contains(rule.needle) == true || id?.contains(rule.needle) == true {
                        log.record(node, .rule(rule.source))
                        return .remove
                    }
                }
            }
            if !imageSrc.isEmpty, node.hasName("img"), let src = node.attribute("src") {
                for rule in imageSrc where src.contains(rule.needle) {
                    return .remove
                }
            }
            return .descend
        })
    }
}
