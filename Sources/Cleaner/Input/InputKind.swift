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
        var lowered = [UInt8](repeating: 0, count: limit)
        for index in 0..<limit {
            let byte = bytes[index]
            lowered[index] = (byte >= 65 && byte <= 90) ? byte + 32 : byte
        }
        var start = 0
        // Skip a UTF-8 BOM and leading whitespace: a page that starts with '<' is HTML.
        if limit >= 3, lowered[0] == 0xEF, lowered[1] == 0xBB, lowered[2] == 0xBF { start = 3 }
        while start < limit, lowered[start] == 32 || (lowered[start] >= 9 && lowered[start] <= 13) { start += 1 }
        if start < limit, lowered[start] == UInt8(ascii: "<"), start + 1 < limit,
            lowered[start + 1] == UInt8(ascii: "!") || (lowered[start + 1] >= 97 && lowered[start + 1] <= 122)
        {
            return .html
        }
        for marker in markers where contains(lowered, marker) {
            return .html
        }
        return .text
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
