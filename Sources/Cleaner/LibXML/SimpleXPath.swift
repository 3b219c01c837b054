internal import CLibXML

/// The XPath forms that rules and the metadata fallbacks use most, evaluated by one walk of the
/// tree instead of libxml2's XPath machine (which builds and merges a node set per step and is
/// several times slower on the same question):
///
///     //name  //*  with any of  [@attr='value']  [@attr]  [contains(@attr,'value')]  then optionally  /@attr
///
/// The answers are libxml2's: elements in document order, names compared exactly and only in no
/// namespace, an attribute's value read as `xmlGetProp` reads it. Anything else is left to libxml2.
struct SimpleXPath: Sendable {
    enum Predicate: Sendable {
        case equals(attribute: [UInt8], value: [UInt8])
        case exists(attribute: [UInt8])
        case contains(attribute: [UInt8], value: [UInt8])
    }

    /// Nil for `*`.
    let element: [UInt8]?
    let predicates: [Predicate]
    /// The trailing `/@attr`: the result is the attribute's values, not elements.
    let attribute: [UInt8]?

    init?(_ source: String) {
        var scanner = Scanner(Array(source.utf8))
        guard scanner.take("//") else { return nil }
        if scanner.take("*") {
            element = nil
        } else {
            guard let name = scanner.name() else { return nil }
            element = name
        }
        var predicates: [Predicate] = []
        while scanner.take("[") {
            guard let predicate = scanner.predicate(), scanner.take("]") else { return nil }
            predicates.append(predicate)
        }
        self.predicates = predicates
        if scanner.take("/@") {
            guard let name = scanner.name() else { return nil }
            attribute = name
        } else {
            attribute = nil
        }
        guard scanner.atEnd else { return nil }
    }

    func evaluate(in document: HTMLDocument) -> XPathExpression.Result {
        var result = XPathExpression.Result()
        let index = document.elementIndex
        let candidates = element.map { index.elements(packed: PackedName(bytes: $0)) } ?? index.all
        for node in candidates where matches(node, in: document) {
            // A handle (which holds the document) only for the elements that match.
            let handle = Node(node, in: document)
            if let attribute {
                if let value = Self.value(of: attribute, on: handle) { result.strings.append(value) }
            } else {
                result.nodes.append(handle)
                result.strings.append(handle.textContent)
            }
        }
        return result
    }

    private func matches(_ element: xmlNodePtr, in document: HTMLDocument) -> Bool {
        if let name = self.element {
            guard element.pointee.ns == nil, let elementName = element.pointee.name, Self.equals(elementName, name) else { return false }
        }
        for predicate in predicates {
            switch predicate {
            case .exists(let attribute):
                guard Self.attribute(attribute, of: element) != nil else { return false }
            case .equals(let attribute, let value):
                let equal = RawNode.withAttribute(Self.attribute(attribute, of: element), in: document.pointer) { $0.elementsEqual(value) }
                guard equal == true else { return false }
            case .contains(let attribute, let value):
                // contains() of an absent attribute reads it as "": only an empty value is contained in it.
                let found = value.withUnsafeBufferPointer { needle in
                    RawNode.withAttribute(Self.attribute(attribute, of: element), in: document.pointer) { needle.isEmpty || ByteSearch.contains($0, needle) }
                }
                guard found ?? value.isEmpty else { return false }
            }
        }
        return true
    }

    private static func attribute(_ name: [UInt8], of element: xmlNodePtr) -> xmlAttrPtr? {
        name.withUnsafeBufferPointer { RawNode.attribute($0, of: element) }
    }

    private static func value(of attribute: [UInt8], on node: Node) -> String? {
        node.withAttribute(node.attributeNode(attribute)) { String(decoding: $0, as: UTF8.self) }
    }

    private static func equals(_ cString: UnsafePointer<UInt8>, _ name: [UInt8]) -> Bool {
        name.withUnsafeBufferPointer { RawNode.equals(cString, $0) }
    }
}

extension SimpleXPath {
    /// Reads the supported forms; every `nil` means "not this form", never "wrong".
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// An XML name without a prefix, ASCII only: letters, digits, '-', '_', '.'.
        mutating func name() -> [UInt8]? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
                let isOther = (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
                guard isLetter || (isOther && index > start) else { break }
                index += 1
            }
            return index > start ? Array(bytes[start..<index]) : nil
        }

        /// A string literal in single or double quotes (XPath 1.0 has no escapes).
        mutating func literal() -> [UInt8]? {
            guard index < bytes.count, bytes[index] == 0x27 || bytes[index] == 0x22 else { return nil }
            let quote = bytes[index]
            guard let end = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
            let value = Array(bytes[(index + 1)..<end])
            index = end + 1
            return value
        }

        mutating func predicate() -> Predicate? {
            if take("@") {
                guard let attribute = name() else { return nil }
                guard take("=") else { return .exists(attribute: attribute) }
                guard let value = literal() else { return nil }
                return .equals(attribute: attribute, value: value)
            }
            guard take("contains(@"), let attribute = name(), take(",") else { return nil }
            _ = take(" ")
            guard let value = literal(), take(")") else { return nil }
            return .contains(attribute: attribute, value: value)
        }
    }
}
