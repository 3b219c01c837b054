/// Title, author, date and canonical URL: from the site's rules first, then from the page's own tags.
enum MetadataReader {
    /// The page's own tags, most reliable first. XPaths compiled once.
    private static let fallbackTitle = compile(["//meta[@property='og:title']/@content", "//h1", "//title"])
    private static let fallbackAuthor = compile(["//meta[@name='author']/@content", "//*[@rel='author']", "//meta[@property='article:author']/@content"])
    private static let fallbackDate = compile([
        "//meta[@property='article:published_time']/@content", "//time/@datetime", "//meta[@name='date']/@content",
    ])
    private static let canonical = compile(["//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"])

    private static func compile(_ sources: [String]) -> [XPathExpression] {
        sources.compactMap { XPathExpression($0) }
    }

    static func read(_ rules: RuleSet, from document: HTMLDocument) -> Metadata {
        var metadata = Metadata()
        metadata.title = first(rules.title.map(\.xpath) + fallbackTitle, in: document)
        metadata.author = first(rules.author.map(\.xpath) + fallbackAuthor, in: document)
        metadata.date = first(rules.date.map(\.xpath) + fallbackDate, in: document)
        return metadata
    }

    /// The page's canonical or og:url address, used to choose a site file when no `--url` is given.
    static func canonicalURL(of document: HTMLDocument) -> String? {
        first(canonical, in: document)
    }

    private static func first(_ expressions: [XPathExpression], in document: HTMLDocument) -> String? {
        for expression in expressions {
            for value in expression.evaluate(in: document).strings {
                let text = TextNormalizer.normalizeLine(value)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }
}
