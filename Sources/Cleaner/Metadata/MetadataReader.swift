/// Title, author, date, description, site name, language and the rest: from the site's rules
/// first, then from the page's own tags (meta tags, JSON-LD, `<html lang>`, `<time>`).
///
/// Title, author and date come from a few tags on every page (the title is what the line filters
/// compare with); the other fields, and more sources for author and date, only when asked for
/// (`CleanOptions.metadata`: JSON output and records), so that plain text costs what it did.
enum MetadataReader {
    /// The page's own tags, most reliable first. XPaths compiled once.
    private static let fallbackTitle = compile(["//meta[@property='og:title']/@content", "//h1", "//title"])
    private static let fallbackAuthor = compile(["//meta[@name='author']/@content", "//*[@rel='author']", "//meta[@property='article:author']/@content"])
    private static let fallbackDate = compile([
        "//meta[@property='article:published_time']/@content", "//time/@datetime", "//meta[@name='date']/@content",
    ])
    private static let canonical = compile(["//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"])
    private static let metaElements = compile(["//meta"])
    private static let jsonLD = compile(["//script[@type='application/ld+json']"])
    private static let licenseLinks = compile(["//a[@rel='license']"])

    private static func compile(_ sources: [String]) -> [XPathExpression] {
        sources.compactMap { XPathExpression($0) }
    }

    static func read(_ rules: RuleSet, from document: HTMLDocument, full: Bool) -> Metadata {
        var metadata = Metadata()
        metadata.title = first(rules.title.map(\.xpath) + fallbackTitle, in: document)
        metadata.author = first(rules.author.map(\.xpath), in: document) ?? AuthorName.clean(first(fallbackAuthor, in: document))
        let ruledDate = first(rules.date.map(\.xpath), in: document)
        // The site rule's date as written when it holds no date a reader can tell (the rule's author chose that text).
        metadata.date = ruledDate.map { DateNormalizer.normalize($0) ?? $0 } ?? first(fallbackDate, in: document, DateNormalizer.normalize)
        guard full else { return metadata }

        let meta = MetaTags(document.nodes(metaElements))
        let linked = LinkedData(document.nodes(jsonLD).map(\.textContent))
        if metadata.title == nil {
            metadata.alternativeTitle = linked.headline ?? meta.first(MetadataTables.titleKeys)
        }
        metadata.author = metadata.author ?? AuthorName.clean(linked.author) ?? AuthorName.clean(meta.first(MetadataTables.authorKeys))
        if metadata.date == nil {
            let candidates = [linked.datePublished].compactMap { $0 } + meta.all(MetadataTables.publishedDateKeys)
                + [linked.dateModified].compactMap { $0 } + meta.all(MetadataTables.modifiedDateKeys)
            metadata.date = candidates.lazy.compactMap(DateNormalizer.normalize).first
        }
        metadata.description = meta.first(MetadataTables.descriptionKeys) ?? linked.description
        metadata.sitename = meta.first(MetadataTables.sitenameKeys).map(siteName) ?? linked.publisher
        metadata.image = meta.first(MetadataTables.imageKeys) ?? linked.image
        metadata.pagetype = meta.first(["og:type"])
        metadata.categories = unique(meta.all(MetadataTables.sectionKeys) + linked.sections)
        metadata.tags = unique((meta.all(MetadataTables.tagKeys) + linked.keywords).flatMap(splitKeywords))
        metadata.license = first(licenseLinks, in: document)
        metadata.declaredLanguage = LanguageTag.code(of: document.root?.attribute("lang") ?? document.root?.attribute("xml:lang"))
            ?? LanguageTag.code(of: meta.first(MetadataTables.localeKeys))
            ?? LanguageTag.code(of: linked.language)
        return metadata
    }

    /// The page's canonical or og:url address, used to choose a site file when no `--url` is given.
    static func canonicalURL(of document: HTMLDocument) -> String? {
        first(canonical, in: document)
    }

    /// `@handle` (twitter:site) without its `@`.
    private static func siteName(_ name: String) -> String {
        name.hasPrefix("@") && name.count > 1 ? String(name.dropFirst()) : name
    }

    private static func splitKeywords(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { TextNormalizer.normalizeLine($0) }.filter { !$0.isEmpty }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// The first non-empty value the expressions give, in order, that `accept` takes (as it returns it).
    private static func first(
        _ expressions: [XPathExpression], in document: HTMLDocument, _ accept: (String) -> String? = { $0 }
    ) -> String? {
        for expression in expressions {
            for value in expression.evaluate(in: document).strings {
                let text = TextNormalizer.normalizeLine(value)
                if !text.isEmpty, let accepted = accept(text) { return accepted }
            }
        }
        return nil
    }
}

extension HTMLDocument {
    fileprivate func nodes(_ expressions: [XPathExpression]) -> [Node] {
        expressions.flatMap { $0.evaluate(in: self).nodes }
    }
}

/// The page's `<meta>` tags by key (`property`, `name`, `itemprop` or `http-equiv`, lower case),
/// values normalized, in page order.
struct MetaTags {
    private var values: [String: [String]] = [:]

    init(_ elements: [Node]) {
        for element in elements {
            guard let content = element.attribute("content") else { continue }
            let value = TextNormalizer.normalizeLine(content)
            guard !value.isEmpty else { continue }
            for attribute in ["property", "name", "itemprop", "http-equiv"] {
                if let key = element.attribute(attribute) {
                    values[key.lowercased(), default: []].append(value)
                }
            }
        }
    }

    /// The first value of the first key that has one.
    func first(_ keys: [String]) -> String? {
        for key in keys {
            if let value = values[key]?.first { return value }
        }
        return nil
    }

    /// Every value of every key, keys in the order given.
    func all(_ keys: [String]) -> [String] {
        keys.flatMap { values[$0] ?? [] }
    }
}

/// Author names as trafilatura gives them: without a "By " in front, never an address, several
/// joined by "; ".
enum AuthorName {
    static func clean(_ text: String?) -> String? {
        guard var name = text.map({ TextNormalizer.normalizeLine($0) }), !name.isEmpty else { return nil }
        let lower = name.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") || lower.hasPrefix("/") { return nil }
        for prefix in ["by ", "von ", "par ", "por ", "di "] where lower.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        return name.isEmpty ? nil : name
    }
}
