/// ftr's `strip_id_or_class: TEXT` (an element whose class or id contains TEXT),
/// `strip_class: WORD` (an element with WORD among its classes) and `strip_image_src: TEXT`
/// (an image whose src contains TEXT): all rules in one walk of the tree.
/// Attribute values are read once per element, in place, and ASCII values (nearly all) are
/// searched as bytes; others as strings, as the rules are written.
enum StripAttributes {
    static func apply(_ rules: RuleSet, to document: HTMLDocument, log: inout RemovalLog) {
        let idOrClass = rules.stripIdOrClass.map(Needle.init)
        let classWords = rules.stripClass.map(Needle.init)
        let classTable = ClassTable(classWords)
        let imageSrc = rules.stripImageSrc.map(Needle.init)
        guard !idOrClass.isEmpty || !classWords.isEmpty || !imageSrc.isEmpty else { return }
        let openings = idOrClass.allSatisfy(\.isASCII) ? OpeningPairs(idOrClass.map(\.bytes), foldingCase: false) : nil
        document.walk(enter: { node in
            // The page's own frame is never boilerplate, whatever words its classes carry.
            guard node.hasAttributes, !node.hasName("html"), !node.hasName("body") else { return .descend }
            if let index = match(node, idOrClass: idOrClass, openings: openings, classWords: classWords, classTable: classTable) {
                let source = index < idOrClass.count ? rules.stripIdOrClass[index].source : rules.stripClass[index - idOrClass.count].source
                log.record(node, .rule(source))
                return .remove
            }
            if !imageSrc.isEmpty, node.hasName("img"),
                node.withAttribute("src", { source in imageSrc.contains { $0.isContained(in: Value(source)) } }) == true
            {
                return .remove
            }
            return .descend
        })
    }

    /// The first rule that matches: an index into `idOrClass`, or past it into `classWords`.
    /// `openings`, when every `idOrClass` text is ASCII and two bytes or more: their first two bytes.
    private static func match(_ node: Node, idOrClass: [Needle], openings: OpeningPairs?, classWords: [Needle], classTable: ClassTable) -> Int? {
        guard !idOrClass.isEmpty || !classWords.isEmpty else { return nil }
        /// An ASCII value without any text's first two bytes holds none of them.
        func mayHold(_ value: Value?) -> Bool {
            guard let value else { return false }
            guard let openings, value.isASCII else { return true }
            return openings.mayOccur(in: value.bytes)
        }
        return withAttributeOrNil(node, "class") { classBytes in
            let classes = classBytes.map(Value.init)
            if !idOrClass.isEmpty {
                let found = withAttributeOrNil(node, "id") { idBytes -> Int? in
                    let id = idBytes.map(Value.init)
                    guard mayHold(classes) || mayHold(id) else { return nil }
                    return idOrClass.firstIndex { $0.isContained(in: classes) || $0.isContained(in: id) }
                }
                if let found { return found }
            }
            guard !classWords.isEmpty, let classes else { return nil }
            let found = classes.isASCII ? classTable.firstRule(in: classes.bytes) : classWords.firstIndex { $0.isClass(in: classes) }
            return found.map { idOrClass.count + $0 }
        }
    }

    /// The `strip_class` words by length, to look each class of an ASCII value up once instead of
    /// searching the value for each word (a dozen built-in words, asked of every element with a class).
    /// For an ASCII value it gives what `Needle.isClass` gives: only an ASCII word can equal one
    /// of its classes, split at the same ASCII whitespace bytes.
    private struct ClassTable {
        /// `words[length]`: the indices of the ASCII words of that length, in rule order.
        private var words: [[Int]] = []
        private let needles: [Needle]

        init(_ needles: [Needle]) {
            self.needles = needles
            for (index, needle) in needles.enumerated() where needle.isASCII && !needle.bytes.isEmpty {
                let length = needle.bytes.count
                if words.count <= length { words += Array(repeating: [], count: length + 1 - words.count) }
                words[length].append(index)
            }
        }

        /// The first rule (in rule order) whose word is one of the ASCII `classes`.
        func firstRule(in classes: UnsafeBufferPointer<UInt8>) -> Int? {
            var best: Int?
            var start = 0
            var index = 0
            while index <= classes.count {
                if index == classes.count || ASCIIText.isWhitespace(classes[index]) {
                    let length = index - start
                    if length < words.count {
                        let token = UnsafeBufferPointer(rebasing: classes[start..<index])
                        for rule in words[length] where best.map({ rule < $0 }) ?? true {
                            if needles[rule].bytes.withUnsafeBufferPointer({ ByteSearch.equals(token, $0) }) {
                                best = rule
                                break
                            }
                        }
                    }
                    start = index + 1
                }
                index += 1
            }
            return best
        }
    }

    /// An attribute value as it lies in the tree, and whether it is ASCII (looked at once).
    private struct Value {
        let bytes: UnsafeBufferPointer<UInt8>
        let isASCII: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            isASCII = StripAttributes.isASCII(bytes)
        }
    }

    /// `Node.withAttribute` for an attribute that may be absent: `body` gets nil then.
    private static func withAttributeOrNil<R>(_ node: Node, _ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        node.withAttribute(name) { body($0) } ?? body(nil)
    }

    /// A rule's text, as bytes once per page instead of once per element.
    private struct Needle {
        let text: String
        let bytes: [UInt8]
        let isASCII: Bool

        init(_ rule: RuleSet.SubstringRule) {
            text = rule.needle
            bytes = Array(rule.needle.utf8)
            isASCII = bytes.allSatisfy { $0 < 0x80 }
        }

        /// The attribute value contains this text (false without the attribute).
        func isContained(in value: Value?) -> Bool {
            guard let value else { return false }
            if isASCII, value.isASCII {
                return bytes.withUnsafeBufferPointer { ByteSearch.contains(value.bytes, $0) }
            }
            return String(decoding: value.bytes, as: UTF8.self).contains(text)
        }

        /// This text is one of the whitespace-separated classes (compared as strings compare).
        func isClass(in value: Value) -> Bool {
            let classes = value.bytes
            guard isASCII, value.isASCII else {
                return String(decoding: classes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).contains { $0 == text }
            }
            // A class must hold the word's bytes somewhere before it can be one of its words.
            guard bytes.withUnsafeBufferPointer({ ByteSearch.contains(classes, $0) }) else { return false }
            return bytes.withUnsafeBufferPointer { expected in
                var start = 0
                var index = 0
                while index <= classes.count {
                    if index == classes.count || ASCIIText.isWhitespace(classes[index]) {
                        if index - start == expected.count, ByteSearch.equals(UnsafeBufferPointer(rebasing: classes[start..<index]), expected) {
                            return true
                        }
                        start = index + 1
                    }
                    index += 1
                }
                return false
            }
        }
    }

    fileprivate static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes))
    }
}
