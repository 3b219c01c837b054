/// Where a page says its own encoding: a byte order mark, or (HTML) `<meta charset>`, a
/// `<meta http-equiv="Content-Type" content="...; charset=...">` or an XML declaration near the top.
enum CharsetDeclaration {
    /// A byte order mark: the encoding and the mark's length.
    static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> (encoding: String, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (CharsetLabel.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("UTF-16LE", 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// How far into a page to look for its declaration. Browsers look at the first 1,024 bytes;
    /// real pages often put a long `<script>` first, and a declaration that late is still meant.
    static let window = 16 * 1024

    /// The label a page's markup declares, as written (`iso-8859-1`), or nil.
    static func declaredInMarkup(_ bytes: UnsafeRawBufferPointer) -> String? {
        let limit = min(bytes.count, window)
        var lowered = [UInt8](repeating: 0, count: limit)
        for index in 0..<limit {
            let byte = bytes[index]
            lowered[index] = (byte >= 65 && byte <= 90) ? byte + 32 : byte
        }
        if let label = xmlDeclaration(lowered) { return label }
        var index = 0
        let meta = Array("<meta".utf8)
        let charset = Array("charset".utf8)
        while let start = find(meta, in: lowered, from: index) {
            let end = lowered[start...].firstIndex(of: UInt8(ascii: ">")) ?? limit
            // Every form names a charset: the many other meta tags (og:, twitter:) are passed over unparsed.
            if find(charset, in: lowered, from: start, to: end) != nil {
                let tag = String(decoding: lowered[start..<end], as: UTF8.self)
                if let label = label(inMetaTag: tag) { return label }
            }
            index = end
        }
        return nil
    }

    /// `<meta charset=...>`, or `<meta http-equiv=content-type content="...charset=...">`.
    static func label(inMetaTag tag: String) -> String? {
        let attributes = Self.attributes(tag)
        if let charset = attributes["charset"], !charset.isEmpty { return charset }
        if attributes["http-equiv"] == "content-type", let content = attributes["content"] {
            return CharsetLabel.parameter(inContentType: content)
        }
        // Pages without http-equiv but with a charset in content are common enough to honour.
        if let content = attributes["content"], attributes["name"] == nil, attributes["property"] == nil {
            return CharsetLabel.parameter(inContentType: content)
        }
        return nil
    }

    private static func xmlDeclaration(_ lowered: [UInt8]) -> String? {
        guard lowered.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: lowered, from: 0) else { return nil }
        return attributes(String(decoding: lowered[5..<end], as: UTF8.self))["encoding"]
    }

    /// Attributes of a tag, names lower-cased, values without quotes.
    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        let characters = Array(tag.unicodeScalars)
        var index = 0
        func skipSpace() {
            while index < characters.count, characters[index].properties.isWhitespace || characters[index] == "/" { index += 1 }
        }
        while index < characters.count {
            skipSpace()
            var name = ""
            while index < characters.count, !characters[index].properties.isWhitespace, characters[index] != "=", characters[index] != "/" {
                name.unicodeScalars.append(characters[index])
                index += 1
            }
            if name.isEmpty {
                index += 1
                continue
            }
            while index < characters.count, characters[index].properties.isWhitespace { index += 1 }
            guard index < characters.count, characters[index] == "=" else { continue }
            index += 1
            while index < characters.count, characters[index].properties.isWhitespace { index += 1 }
            var value = ""
            if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                let quote = characters[index]
                index += 1
                while index < characters.count, characters[index] != quote {
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                index += 1
            } else {
                while index < characters.count, !characters[index].properties.isWhitespace {
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
            }
            if result[name] == nil { result[name] = String(value.trimmingWhitespace()) }
        }
        return result
    }

    /// Where `needle` first starts in `haystack[start..<end]` (`end` defaults to the end).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        let end = min(end ?? haystack.count, haystack.count)
        guard let first = needle.first, end >= needle.count, start <= end - needle.count else { return nil }
        var index = start
        let last = end - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
