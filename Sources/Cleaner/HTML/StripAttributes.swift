/// ftr's `strip_id_or_class: TEXT` (an element whose class or id contains TEXT),
/// `strip_class: WORD` (an element with WORD among its classes) and `strip_image_src: TEXT`
/// (an image whose src contains TEXT): all rules in one walk of the tree.
/// ASCII attribute values (nearly all) are searched as bytes where they lie in the tree.
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
            if !imageSrc.isEmpty, node.hasName("img"), node.hasAttribute("src") {
                for rule in imageSrc where contains(node, "src", rule.needle) {
                    return .remove
                }
            }
            return .descend
        })
    }

    private static func match(_ node: Node, idOrClass: [RuleSet.SubstringRule], classWords: [RuleSet.SubstringRule]) -> RuleSet.SubstringRule? {
        guard !idOrClass.isEmpty || !classWords.isEmpty else { return nil }
        if !idOrClass.isEmpty, node.hasAttribute("class") || node.hasAttribute("id"),
            let rule = idOrClass.first(where: { contains(node, "class", $0.needle) || contains(node, "id", $0.needle) })
        {
            return rule
        }
        guard !classWords.isEmpty else { return nil }
        return node.withAttribute("class") { classes in classWords.first { hasClass(classes, $0.needle) } } ?? nil
    }

    /// The attribute's value contains `needle`: bytes for ASCII, the string search otherwise.
    private static func contains(_ node: Node, _ attribute: StaticString, _ needle: String) -> Bool {
        node.withAttribute(attribute) { value in
            if isASCII(value), needle.utf8.allSatisfy({ $0 < 0x80 }) {
                var needle = needle
                return needle.withUTF8 { ByteSearch.contains(value, $0) }
            }
            return String(decoding: value, as: UTF8.self).contains(needle)
        } ?? false
    }

    /// `word` is one of the whitespace-separated classes (compared as strings compare).
    private static func hasClass(_ classes: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
        guard isASCII(classes), word.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: classes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).contains { $0 == word }
        }
        var start = 0
        for index in 0...classes.count where index == classes.count || isASCIISpace(classes[index]) {
            if index > start, UnsafeBufferPointer(rebasing: classes[start..<index]).elementsEqual(word.utf8) { return true }
            start = index + 1
        }
        return false
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// ASCII's whitespace characters: tab, newline, vertical tab, form feed, carriage return, space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
