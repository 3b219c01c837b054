/// Cleans raw scrapes: an HTML page or a plain-text scrape in, the article's own text out.
/// Thread-safe: one `Cleaner` serves any number of concurrent `clean` calls.
public final class Cleaner: Sendable {
    public let library: RuleLibrary

    public init(library: RuleLibrary) {
        self.library = library
    }

    /// A cleaner with the built-in rules only.
    public convenience init() throws {
        self.init(library: try RuleLibrary.builtin())
    }

    public func clean(_ bytes: [UInt8], options: CleanOptions = CleanOptions()) -> CleanResult {
        guard bytes.count <= InputLimits.maxBytes else {
            return CleanResult(
                document: Document(blocks: []), inputKind: options.input, site: nil,
                encoding: DetectedEncoding(name: CharsetLabel.utf8, source: .utf8),
                failure: .tooLarge(bytes: bytes.count, limit: InputLimits.maxBytes))
        }
        var kind = options.input
        // Sniffed on the raw bytes to know where to look for a declaration, and again on UTF-8
        // for inputs (UTF-16) whose raw bytes hide their markup.
        let rawKind = kind == .auto ? bytes.withUnsafeBytes { InputSniffer.detect($0) } : kind
        let decoded = InputDecoder.decode(bytes, kind: rawKind, declared: options.encoding)
        if kind == .auto {
            kind = decoded.encoding.name.hasPrefix("UTF-16") ? decoded.utf8.withUnsafeBytes { InputSniffer.detect($0) } : rawKind
        }
        var document: Document
        var site: String?
        var readLines: DocumentLines?
        if kind == .html {
            // libxml2's allocations for the page come from a per-thread arena, emptied when it is done.
            (document, site) = DocumentArena.scope { HTMLPipeline.run(decoded.utf8, library: library, options: options) }
        } else {
            let url = options.url.flatMap { url in URLHost.host(of: url).map { (url, $0) } }
            site = url.flatMap { library.siteName(forHost: $0.1) }
            // The site's signature lines are read from their files while the scrape is read.
            if site == nil { library.scanSignaturesAhead() }
            // A scrape once misread as a CJK encoding is read as it was written.
            let reading = Self.read(MojibakeRepair.repaired(decoded))
            readLines = reading.lines
            document = Document(blocks: reading.blocks)
            if let url { document.metadata.url = url.0 }
            if site == nil {
                if let lines = reading.lines {
                    site = library.siteName(forJoined: lines)
                } else {
                    site = library.siteName(forLines: document.blocks.flatMap { $0.lines.map { Substring($0.text) } })
                }
            }
            document.metadata.site = site
        }
        var kept = options.keptCategories
        if document.keptComments { kept.insert(.comments) }
        let rules = library.rules(forSite: site).removingCategories(kept)
        LineFilterChain.apply(rules.lineRules, to: &document, read: readLines)
        return CleanResult(document: document, inputKind: kind, site: site, encoding: decoded.encoding, failure: nil)
    }

    /// A scrape's lines, read from its UTF-8 as it lies when the decoder checked it (as
    /// `String(decoding:)` reads it otherwise: each bad sequence a U+FFFD).
    private static func read(_ decoded: InputDecoder.Decoded) -> TextReader.Reading {
        if decoded.isValidUTF8 {
            return decoded.utf8.withUnsafeBufferPointer { TextReader.read(validUTF8: $0) }
        }
        var text = String(decoding: decoded.utf8, as: UTF8.self)
        return text.withUTF8 { TextReader.read(validUTF8: $0) }
    }

    /// Whether cleaning `bytes` with `options` looks for a site's signature lines: a plain-text
    /// scrape (as sniffed) without an address. A caller that knows this before the rules are
    /// loaded can have them scanned while the rest of the start-up goes on (`scanSignaturesAhead`).
    public static func looksForSignatures(_ bytes: [UInt8], options: CleanOptions) -> Bool {
        let kind = options.input == .auto ? InputKind.detect(bytes) : options.input
        return kind == .text && options.url.flatMap(URLHost.host(of:)) == nil
    }

    public func clean(_ text: String, options: CleanOptions = CleanOptions()) -> CleanResult {
        clean(Array(text.utf8), options: options)
    }
}
