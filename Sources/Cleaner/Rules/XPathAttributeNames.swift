/// The attribute names an XPath expression reads, for `RuleSet.readAttributes`.
enum XPathAttributeNames {
    /// Every name after an `@` outside string literals, in lower case (libxml2's HTML parser
    /// lower-cases attribute names, so that is the one a kept attribute has). Nil when the
    /// expression may read an attribute not named so: `@*`, the `attribute` axis, or an `@` not
    /// followed by a name.
    static func names(in source: String) -> Set<String>? {
        let bytes = Array(source.utf8)
        var names: Set<String> = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x27 {  // a string literal: up to the same quote
                index += 1
                while index < bytes.count, bytes[index] != byte { index += 1 }
                index += 1
                continue
            }
            if byte == 0x40 {  // "@"
                index += 1
                while index < bytes.count, isBlank(bytes[index]) { index += 1 }
                let start = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                guard index > start, !isDigitOrMark(bytes[start]) else { return nil }
                names.insert(String(decoding: bytes[start..<index], as: UTF8.self).lowercased())
                continue
            }
            if isNameByte(byte) {  // a name: the `attribute` axis reads attributes without an "@"
                let start = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                let axis = Array("attribute".utf8)
                if index - start >= axis.count, bytes[start..<(start + axis.count)].elementsEqual(axis), index - start == axis.count || bytes[start + axis.count] == 0x3A {
                    return nil
                }
                continue
            }
            index += 1
        }
        return names
    }

    /// Bytes of an XPath name: ASCII letters, digits, `_`, `-`, `.`, `:` (prefixed names), and
    /// every byte of a non-ASCII character.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D || byte == 0x2E
            || byte == 0x3A || byte >= 0x80
    }

    private static func isDigitOrMark(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E || byte == 0x3A
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
