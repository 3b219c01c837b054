#if canImport(Glibc)
import Glibc
#endif

/// Whether a document is an HTML page or a plain-text scrape.
public enum InputKind: String, Sendable, CaseIterable {
    case auto
    case html
    case text

    /// What `auto` reads `bytes` as: `html` or `text`.
    public static func detect(_ bytes: [UInt8]) -> InputKind {
        bytes.withUnsafeBytes { InputSniffer.detect($0) }
    }
}

enum InputSniffer {
    /// Tags whose presence near the start means markup, not prose that mentions a '<'.
    private static let markers: [[UInt8]] = ["<!doctype", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<title", "<article", "<script", "<table", "<span", "<a "].map { Array($0.utf8) }

    /// How far into the input to look: markup shows up in the first few kilobytes of any real page.
    private static let window = 4096

    static func detect(_ bytes: UnsafeRawBufferPointer) -> InputKind {
        let limit = min(bytes.count, window)
        var start = 0
        // Skip a UTF-8 BOM and leading whitespace: a page that starts with '<' is HTML, unless that
        // tag's line is an ad the scraper kept and no markup follows it.
        if limit >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < limit, bytes[start] == 32 || (bytes[start] >= 9 && bytes[start] <= 13) { start += 1 }
        if start < limit, bytes[start] == UInt8(ascii: "<"), start + 1 < limit,
            bytes[start + 1] == UInt8(ascii: "!") || (lowered(bytes[start + 1]) >= 97 && lowered(bytes[start + 1]) <= 122),
            !isKeptAdLine(bytes, from: start, limit: limit)
        {
            return .html
        }
        guard firstTag(markers, bytes, limit: limit) != nil else { return .text }
        if let page = firstTag(pageTags, bytes, limit: limit, wholeName: true), visibleBytes(bytes, before: page) <= strayTextBeforePage {
            return .html
        }
        return markupLinesShare(bytes, limit: limit) > markupLineShare ? .html : .text
    }

    /// How much text (non-blank bytes) may come before a page's doctype, <html>, <head> or <body>
    /// for it to be the page's own: a server's warning or two printed before the page. A text
    /// scrape of a tutorial holds the same tags in an example, after paragraphs of prose.
    static let strayTextBeforePage = 512

    /// Elements that have no end tag, so a line of markup that opens one is still closed.
    private static let voidElements: Set<[UInt8]> = Set(["img", "br", "hr", "meta", "input", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"].map { Array($0.utf8) })

    /// Whether the line at `from` is nothing but markup that closes every element it opens (an
    /// ad's `<a href><img></a>` or `<script src></script>`, kept by the scraper above its text),
    /// with text after it and no other markup in the window: then the document is a text scrape.
    /// A page's first line opens what its next lines fill (`<pre>`, `<div>`) or is followed by more.
    private static func isKeptAdLine(_ bytes: UnsafeRawBufferPointer, from start: Int, limit: Int) -> Bool {
        var open: [[UInt8]] = []
        var index = start
        while index < limit, bytes[index] != 10 {
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 13 { index += 1; continue }
            // Text outside tags, a comment or a declaration: not an ad's bare markup.
            guard byte == UInt8(ascii: "<"), index + 1 < limit, bytes[index + 1] != UInt8(ascii: "!") else { return false }
            let closing = bytes[index + 1] == UInt8(ascii: "/")
            var end = index + (closing ? 2 : 1)
            var name: [UInt8] = []
            while end < limit, isNameByte(bytes[end]) { name.append(lowered(bytes[end])); end += 1 }
            guard !name.isEmpty else { return false }
            while end < limit, bytes[end] != UInt8(ascii: ">"), bytes[end] != 10 { end += 1 }
            guard end < limit, bytes[end] == UInt8(ascii: ">") else { return false }
            let selfClosing = bytes[end - 1] == UInt8(ascii: "/")
            if closing {
                guard open.last == name else { return false }
                open.removeLast()
            } else if !selfClosing && !voidElements.contains(name) {
                open.append(name)
            }
            index = end + 1
        }
        guard open.isEmpty, index < limit else { return false }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<limit])
        return visibleBytes(rest, before: rest.count) > 0 && firstTag(markers, rest, limit: rest.count) == nil
    }

    /// Non-blank bytes in the first `count` bytes.
    private static func visibleBytes(_ bytes: UnsafeRawBufferPointer, before count: Int) -> Int {
        var visible = 0
        for index in 0..<count where bytes[index] > 32 { visible += 1 }
        return visible
    }

    /// Tags that only a page has: a document that holds one is HTML even when it does not
    /// start with markup (a stray line before the doctype).
    private static let pageTags: [[UInt8]] = ["<!doctype", "<html", "<head", "<body"].map { Array($0.utf8) }

    /// A document that does not start with markup yet holds some is HTML when the lines with
    /// markup hold more than this share of the window's text: a page's lines are tags around
    /// text, while a text scrape that kept raw markup (an ad's `<a href><img></a>` or `<script
    /// src>`, a tutorial's example) has most of its text on lines with none.
    static let markupLineShare = 0.5

    /// Where the window first holds one of `tags` (each starts with '<'), compared without case;
    /// `wholeName`: only as a whole tag name ("<header" is no "<head").
    private static func firstTag(_ tags: [[UInt8]], _ bytes: UnsafeRawBufferPointer, limit: Int, wholeName: Bool = false) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = 0
        while position < limit, let found = memchr(base + position, Int32(UInt8(ascii: "<")), limit - position) {
            let index = base.distance(to: UnsafeRawPointer(found))
            for tag in tags where index + tag.count <= limit && matches(tag, bytes, at: index) {
                let end = index + tag.count
                if !wholeName || end == limit || !isNameByte(bytes[end]) { return index }
            }
            position = index + 1
        }
        return nil
    }

    /// The share of the window's text (non-blank bytes outside tags) that lies on lines with a
    /// tag: '<' then a letter, '/' or '!'. A page's tagged lines hold its text between the tags;
    /// the raw markup a text scrape kept (an ad's link and image) holds none, however long its URLs.
    static func markupLinesShare(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Double {
        var total = 0
        var tagged = 0
        var line = 0
        var lineHasTag = false
        var inTag = false
        for index in 0..<limit {
            let byte = bytes[index]
            if byte == 10 {
                if lineHasTag { tagged += line }
                total += line
                line = 0
                lineHasTag = inTag
                continue
            }
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            if byte == UInt8(ascii: "<"), index + 1 < limit {
                let next = lowered(bytes[index + 1])
                if (next >= 97 && next <= 122) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") {
                    lineHasTag = true
                    inTag = true
                    continue
                }
            }
            if byte > 32 { line += 1 }
        }
        if lineHasTag { tagged += line }
        total += line
        return total == 0 ? 0 : Double(tagged) / Double(total)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        let byte = lowered(byte)
        return (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }

    private static func matches(_ marker: [UInt8], _ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        for offset in 1..<marker.count where lowered(bytes[index + offset]) != marker[offset] { return false }
        return true
    }
}
