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
        // Skip a UTF-8 BOM and leading whitespace: a page that starts with '<' is HTML.
        if limit >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < limit, bytes[start] == 32 || (bytes[start] >= 9 && bytes[start] <= 13) { start += 1 }
        if start < limit, bytes[start] == UInt8(ascii: "<"), start + 1 < limit,
            bytes[start + 1] == UInt8(ascii: "!") || (lowered(bytes[start + 1]) >= 97 && lowered(bytes[start + 1]) <= 122)
        {
            return .html
        }
        guard holdsTag(markers, bytes, limit: limit) else { return .text }
        return holdsTag(pageTags, bytes, limit: limit, wholeName: true) || markupLinesShare(bytes, limit: limit) > markupLineShare ? .html : .text
    }

    /// Tags that only a page has: a document that holds one is HTML even when it does not
    /// start with markup (a stray line before the doctype).
    private static let pageTags: [[UInt8]] = ["<!doctype", "<html", "<head", "<body"].map { Array($0.utf8) }

    /// A document that does not start with markup yet holds some is HTML when the lines with
    /// markup hold more than this share of the window's text: a page's lines are tags around
    /// text, while a text scrape that kept raw markup (an ad's `<a href><img></a>` or `<script
    /// src>`, a tutorial's example) has most of its text on lines with none.
    static let markupLineShare = 0.5

    /// Whether the window holds one of `tags` (each starts with '<'), compared without case;
    /// `wholeName`: only as a whole tag name ("<header" is no "<head").
    private static func holdsTag(_ tags: [[UInt8]], _ bytes: UnsafeRawBufferPointer, limit: Int, wholeName: Bool = false) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var position = 0
        while position < limit, let found = memchr(base + position, Int32(UInt8(ascii: "<")), limit - position) {
            let index = base.distance(to: UnsafeRawPointer(found))
            for tag in tags where index + tag.count <= limit && matches(tag, bytes, at: index) {
                let end = index + tag.count
                if !wholeName || end == limit || !isNameByte(bytes[end]) { return true }
            }
            position = index + 1
        }
        return false
    }

    /// The share of the window's non-blank bytes that lie on lines with a tag: '<' then a
    /// letter, '/' or '!'.
    static func markupLinesShare(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Double {
        var total = 0
        var tagged = 0
        var line = 0
        var lineHasTag = false
        for index in 0..<limit {
            let byte = bytes[index]
            if byte == 10 {
                if lineHasTag { tagged += line }
                total += line
                line = 0
                lineHasTag = false
                continue
            }
            if byte > 32 { line += 1 }
            if byte == UInt8(ascii: "<"), index + 1 < limit {
                let next = lowered(bytes[index + 1])
                if (next >= 97 && next <= 122) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { lineHasTag = true }
            }
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
