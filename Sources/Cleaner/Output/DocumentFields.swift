/// The metadata fields a document's JSON gives, completed from what cleaning found: the address's
/// host, a site name from the host when the page names none, the language of the kept text, and
/// for a text scrape its headline as title. Made only for output: nothing here changes what is kept.
public struct DocumentFields: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var date: String?
    public var url: String?
    public var hostname: String?
    public var sitename: String?
    public var description: String?
    public var language: String?
    public var categories: [String]
    public var tags: [String]
    public var image: String?
    public var pagetype: String?
    public var license: String?

    /// `text` is `result.text` when the caller has it already.
    public init(_ result: CleanResult, text: String? = nil) {
        let metadata = result.document.metadata
        let text = text ?? result.text
        title = metadata.title ?? metadata.alternativeTitle ?? Self.headline(of: result.document)
        author = metadata.author
        date = metadata.date
        url = metadata.url
        hostname = metadata.url.flatMap(URLHost.host(of:)).map(Self.withoutWWW)
        sitename = metadata.sitename ?? hostname
        description = metadata.description
        language = LanguageIdentifier.language(of: text, declared: metadata.declaredLanguage)
        categories = metadata.categories
        tags = metadata.tags
        image = metadata.image
        pagetype = metadata.pagetype
        license = metadata.license
    }

    /// A text scrape's first kept block when it reads as a headline (one short line that ends no
    /// sentence) and more text follows it.
    static func headline(of document: Document) -> String? {
        guard document.origin == .text else { return nil }
        let kept = document.blocks.lazy.filter(\.isKept)
        guard let first = kept.first, kept.dropFirst().first != nil, Headline.isHeadlineLike(first) else { return nil }
        return first.keptText
    }

    /// The host as trafilatura's `hostname` gives it: without a leading `www.` (or `www2.`, ...).
    static func withoutWWW(_ host: String) -> String {
        guard host.hasPrefix("www") else { return host }
        let rest = host.dropFirst(3).drop { $0.isASCII && $0.isNumber }
        guard rest.hasPrefix("."), rest.count > 1 else { return host }
        return String(rest.dropFirst())
    }
}
