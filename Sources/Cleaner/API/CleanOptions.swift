/// Per-document settings.
public struct CleanOptions: Sendable {
    /// `auto` sniffs the bytes; `html` or `text` overrides.
    public var input: InputKind = .auto
    /// The page's address: chooses the site's rule file (else the page's canonical link or og:url).
    public var url: String?
    /// Categories whose rules are switched off.
    public var keep: Set<Category> = []
    /// Keep the text of what HTML filters remove, for `--explain`.
    public var explain = false
    /// The encoding of the bytes when something outside the page says it (an HTTP header, a JSON
    /// Lines record's `charset`, `--charset`; UTF-8 for a page taken out of JSON). It takes precedence
    /// over the page's own declaration; bytes it does not fit are detected (see `InputDecoder`).
    public var encoding: String?
    /// Keep readers' comment sections (HTML pages without a site rule), after the article; by
    /// default they are removed, but on a discussion page, where they dwarf the post.
    public var comments = false
    /// Record each block's Markdown (`Block.markup`) for `MarkdownWriter`; off, the blocks are the
    /// same and nothing is spent on it.
    public var markdown = false
    /// Read every metadata field (description, site name, declared language, image, tags, and
    /// JSON-LD and more meta tags for author and date) for JSON output; off, only title, author
    /// and date are read, from a few tags.
    public var metadata = false

    /// The categories whose rules are off: `keep`, and with `comments` the rules that remove
    /// comment lists, which would otherwise drop the comments the extraction kept.
    public var keptCategories: Set<Category> {
        comments ? keep.union([.comments]) : keep
    }

    public init(input: InputKind = .auto, url: String? = nil, keep: Set<Category> = [], explain: Bool = false, encoding: String? = nil, comments: Bool = false) {
        self.input = input
        self.url = url
        self.keep = keep
        self.explain = explain
        self.encoding = encoding
        self.comments = comments
    }
}
