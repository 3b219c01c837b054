internal import CLibXML

#if canImport(Glibc)
import Glibc
#endif

/// An element name packed into two integers, compared and hashed without a `String`: the hot
/// walks look names up in tables once per element. Names longer than 16 bytes (custom elements)
/// pack to `.long`, which no table holds.
struct PackedName: Hashable, Sendable {
    let low: UInt64
    let high: UInt64

    static let long = PackedName(low: .max, high: .max)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(_ name: String) {
        self.init(bytes: Array(name.utf8))
    }

    init(bytes: [UInt8]) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        guard bytes.count <= 16 else {
            self = .long
            return
        }
        for (index, byte) in bytes.enumerated() {
            if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
        }
        self.init(low: low, high: high)
    }

    /// Packs `bytes` with ASCII capitals made small, as libxml2's HTML parser spells names.
    init(lowercasing bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else {
            self = .long
            return
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
        }
        self.init(low: low, high: high)
    }

    /// `init(lowercasing:)` for the `count` bytes at `start` (16 or fewer), where 16 bytes can be
    /// read: a word of eight bytes at a time, its capitals found and made small together.
    init(lowercasingWordsAt start: UnsafeRawPointer, count: Int) {
        let low = Self.lowercased(UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)), keeping: min(count, 8))
        let high = count > 8 ? Self.lowercased(UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), keeping: count - 8) : 0
        self.init(low: low, high: high)
    }

    /// The first `count` bytes of `word` (first byte lowest), "A" to "Z" made small; zeros after.
    @inline(__always)
    private static func lowercased(_ word: UInt64, keeping count: Int) -> UInt64 {
        let kept = count >= 8 ? word : word & ((1 << UInt64(count * 8)) - 1)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs = ones &* 0x80
        // With each byte's top bit set, subtracting never borrows from the next byte: the top bit
        // stays where the byte is at least "A", and where it is at least "[" (past "Z").
        let raised = kept | highs
        let capitals = (raised &- ones &* 0x41) & ~(raised &- ones &* 0x5B) & ~kept & highs
        return kept | (capitals >> 2)
    }

    /// Packs a NUL-terminated name.
    init(cString name: UnsafePointer<UInt8>) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var index = 0
        while index < 16 {
            let byte = name[index]
            if byte == 0 {
                self.init(low: low, high: high)
                return
            }
            if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            index += 1
        }
        self = name[16] == 0 ? PackedName(low: low, high: high) : .long
    }
}

extension Node {
    /// The element's name, packed (`.long` for non-elements too, which match nothing).
    var packedName: PackedName {
        guard isElement, let name = pointer.pointee.name else { return .long }
        return PackedName(cString: name)
    }

    /// Appends a text node's bytes to `buffer` as they are (nothing for other nodes), without a `String`.
    func appendContent(to buffer: inout [UInt8]) {
        guard isText, let content = pointer.pointee.content else { return }
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        buffer.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
    }

    /// Calls `body` with a text node's bytes in place; nil for other nodes.
    func withContent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard isText, let content = pointer.pointee.content else { return nil }
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        return body(UnsafeBufferPointer(start: content, count: length))
    }

    /// True when the element has an attribute named `name` (exactly, as `xmlGetProp` compares).
    func hasAttribute(_ name: StaticString) -> Bool {
        attributeNode(name) != nil
    }

    /// Calls `body` with the bytes of the attribute's value; nil when there is no such attribute.
    func withAttribute<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        withAttribute(attributeNode(name), body)
    }

    /// True when the attribute's value contains `needle` as bytes (false without the attribute).
    func attribute(_ name: StaticString, contains needle: String) -> Bool {
        withAttribute(name) { value in
            var needle = needle
            return needle.withUTF8 { ByteSearch.contains(value, $0) }
        } ?? false
    }

    /// Calls `body` with the `class` and `id` values joined by a space, as
    /// `(attribute("class") ?? "") + " " + (attribute("id") ?? "")` would spell them, without a
    /// `String`; nil when the element has neither.
    func withClassAndID<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let classes = attributeNode("class")
        let id = attributeNode("id")
        if classes == nil && id == nil { return nil }
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        return withAttribute(classes) { classBytes in
            withAttribute(id) { idBytes in Self.joined(classBytes, idBytes, body) } ?? Self.joined(classBytes, empty, body)
        } ?? withAttribute(id) { idBytes in Self.joined(empty, idBytes, body) }
    }

    private static func joined<R>(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: first.count + 1 + second.count) { buffer in
            guard let base = buffer.baseAddress else { return body(UnsafeBufferPointer(buffer)) }
            if let start = first.baseAddress { base.initialize(from: start, count: first.count) }
            (base + first.count).initialize(to: 0x20)
            if let start = second.baseAddress { (base + first.count + 1).initialize(from: start, count: second.count) }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// The value of `attribute` as `xmlGetProp` gives it: one text child is read in place, other
    /// children are put together by libxml2.
    func withAttribute<R>(_ attribute: xmlAttrPtr?, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        RawNode.withAttribute(attribute, in: document.pointer, body)
    }

    /// The attribute named `name` in no namespace: `xmlGetProp`'s look-up.
    func attributeNode(_ name: StaticString) -> xmlAttrPtr? {
        guard isElement else { return nil }
        return name.withUTF8Buffer { RawNode.attribute($0, of: pointer) }
    }

    func attributeNode(_ name: [UInt8]) -> xmlAttrPtr? {
        guard isElement else { return nil }
        return name.withUnsafeBufferPointer { RawNode.attribute($0, of: pointer) }
    }
}

/// The same reads on bare node pointers, for walks that look at every element and should not make
/// a handle (and retain the document) for each.
enum RawNode {
    static func attribute(_ name: UnsafeBufferPointer<UInt8>, of element: xmlNodePtr) -> xmlAttrPtr? {
        var attribute = element.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, let attributeName = current.pointee.name, equals(attributeName, name) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    static func withAttribute<R>(_ attribute: xmlAttrPtr?, in document: htmlDocPtr, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let attribute else { return nil }
        if let child = attribute.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE
        {
            guard let content = child.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }
        guard let value = xmlNodeListGetString(document, attribute.pointee.children, 1) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { clean_xmlFree(value) }
        return body(UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))))
    }

    /// True when the NUL-terminated `cString` is `name`.
    static func equals(_ cString: UnsafePointer<UInt8>, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < name.count {
            if cString[index] != name[index] { return false }
            index += 1
        }
        return cString[index] == 0
    }
}

/// Byte-string search.
enum ByteSearch {
    /// True when both hold the same bytes.
    static func equals(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        guard let a = first.baseAddress, let b = second.baseAddress else { return true }
        return memcmp(a, b, first.count) == 0
    }

    /// True when `byte` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, byte: UInt8) -> Bool {
        guard let base = haystack.baseAddress else { return false }
        return memchr(base, Int32(byte), haystack.count) != nil
    }

    /// True when `needle` occurs in `haystack`; an empty needle occurs nowhere, as with Foundation's `contains`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, needle.count > 0, haystack.count >= needle.count else {
            return false
        }
        // memchr to each candidate first byte, then compare the rest.
        let first = Int32(needleBase.pointee)
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let found = memchr(base + offset, first, last - offset + 1) else { return false }
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if memcmp(base + position, needleBase, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// `contains`, with the ASCII letters of `needle` (lower case) also matching their capitals.
    /// memchr runs to each place of the needle's first byte that is not a letter (the same in
    /// either case: the `_` of a rule directive's name), and the bytes around it are compared.
    static func containsIgnoringASCIICase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, !needle.isEmpty, haystack.count >= needle.count else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
        func matches(at start: Int) -> Bool {
            for (index, byte) in needle.enumerated() {
                let other = haystack[start + index]
                // `| 0x20` folds an ASCII capital to its small letter.
                guard isLetter(byte) ? other | 0x20 == byte | 0x20 : other == byte else { return false }
            }
            return true
        }
        let last = haystack.count - needle.count
        guard let anchor = needle.firstIndex(where: { !isLetter($0) }) else { return (0...last).contains(where: matches) }
        var from = 0
        while from <= last {
            guard let found = memchr(base + from + anchor, Int32(needle[anchor]), last - from + 1) else { return false }
            let start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - anchor
            if matches(at: start) { return true }
            from = start + 1
        }
        return false
    }
}
