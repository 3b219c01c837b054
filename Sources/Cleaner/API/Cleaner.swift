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
        var kind = options.input
        if kind == .auto {
            kind = bytes.withUnsafeBytes { InputSniffer.detect($0) }
        }
        var document: Document
        var site: String?
        if kind == .html {
            (document, site) = HTMLPipeline.run(bytes, library: library, options: options)
        } else {
            let text = bytes.withUnsafeBytes { TextDecoder.decode($0) }
            document = Document(blocks: TextReader.blocks(from: text))
            if let url = options.url, let host = URLHost.host(of: url) {
                site = library.siteName(forHost: host)
                document.metadata.url = url
            }
            if site == nil {
                site = library.siteName(forLines: document.blocks.flatMap { $0.lines.map { Substring($0.text) } })
            }
            document.metadata.site = site
        }
        let rules = library.rules(forSite: site).removingCategories(options.keep)
        LineFilterChain.apply(rules.lineRules, to: &document)
        return CleanResult(document: document, inputKind: kind, site: site)
    }

    public func clean(_ text: String, options: CleanOptions = CleanOptions()) -> CleanResult {
        clean(Array(text.utf8), options: options)
    }
}
