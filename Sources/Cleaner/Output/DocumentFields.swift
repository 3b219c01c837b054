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

    /// A text scrape's first kept block when it reads as a headline: one line of `titleWords` to
    /// `Headline.maxWords` words that ends no sentence, no byline ("By ..."), starts with a capital (or a letter of a script without case), is not all capitals
    /// (a "SIGN UP" bar), and is followed by prose (a block of at least `proseWords` words that
    /// ends a sentence). Nil otherwise: a scrape's first line is often a leftover bar, not a title.
    static func headline(of document: Document) -> String? {
        guard document.origin == .text else { return nil }
        let kept = document.blocks.lazy.filter(\.isKept)
        guard let first = kept.first, let next = kept.dropFirst().first, Headline.isHeadlineLike(first) else { return nil }
        let title = first.keptText
        guard let initial = title.first(where: { $0.isLetter }), title.first == initial, !initial.isLowercase,
            !(title.contains { $0.isLowercase } == false && title.filter(\.isUppercase).count >= 4)
        else { return nil }
        // A byline or dateline ("Posted on March 30, 2015 by Admin"), a breadcrumb, a caption or tag line.
        guard hasWords(title, atLeast: titleWords),
            AuthorName.clean(title) == title, DateNormalizer.normalize(title) == nil, !Self.notTitleMarks.contains(where: { title.contains($0) }), title.last != ")" else { return nil }
        let prose = next.keptText
        guard hasWords(prose, atLeast: proseWords),
            Headline.endsSentence(prose)
        else { return nil }
        return title
    }

    /// At least `count` words, or written in a script without spaces between words (CJK and
    /// beyond: no scalar below U+3000), where words cannot be counted by spaces.
    private static func hasWords(_ text: String, atLeast count: Int) -> Bool {
        MainText.wordCount(text, limit: count) >= count
            || !text.unicodeScalars.contains(where: { $0.value < 0x3000 })
    }

    /// Words a headline has at least: shorter lines are bars ("Subscribe", "Share Tweet Submit").
    static let titleWords = 4
    /// Words of the block after a headline: prose, not another bar.
    static let proseWords = 10
    /// Marks of what only looks like a headline: breadcrumb separators ("Home » Archives"),
    /// column bars ("September 10 | by Catherine"), hashtags and handles.
    static let notTitleMarks = ["»", "›", " > ", "|", "#", "@"]

    /// The host as trafilatura's `hostname` gives it: without a leading `www.` (or `www2.`, ...).
    static func withoutWWW(_ host: String) -> String {
        guard host.hasPrefix("www") else { return host }
        let rest = host.dropFirst(3).drop { $0.isASCII && $0.isNumber }
        guard rest.hasPrefix("."), rest.count > 1 else { return host }
        return String(rest.dropFirst())
    }
}
