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
        // Every marker starts with '<': look at each '<' in the window, comparing without case.
        guard let base = bytes.baseAddress else { return .text }
        var position = 0
        while position < limit, let found = memchr(base + position, Int32(UInt8(ascii: "<")), limit - position) {
            let index = base.distance(to: UnsafeRawPointer(found))
            for marker in markers where index + marker.count <= limit && matches(marker, bytes, at: index) {
                return .html
            }
            position = index + 1
        }
        return .text
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }

    private static func matches(_ marker: [UInt8], _ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        for offset in 1..<marker.count where lowered(bytes[index + offset]) != marker[offset] { return false }
        return true
    }
}
