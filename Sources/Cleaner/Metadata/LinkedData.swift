/// What the page's JSON-LD (`<script type="application/ld+json">`, schema.org) says about its
/// article: headline, author, dates, publisher, section, keywords, image, language. Only nodes
/// whose `@type` is an article or page type count (a graph also lists people, logos, breadcrumbs);
/// the first such node that has a field gives it.
struct LinkedData {
    private(set) var headline: String?
    private(set) var author: String?
    private(set) var datePublished: String?
    private(set) var dateModified: String?
    private(set) var publisher: String?
    private(set) var description: String?
    private(set) var image: String?
    private(set) var language: String?
    private(set) var sections: [String] = []
    private(set) var keywords: [String] = []

    /// Nodes looked at per page: enough for any real graph, bounded against a hostile one.
    private static let maxNodes = 2_000

    init(_ scripts: [String]) {
        var budget = Self.maxNodes
        for script in scripts {
            guard let value = Self.parse(script) else { continue }
            visit(value, budget: &budget)
        }
    }

    /// Strict JSON, after the wrappers pages put around it (`<!-- -->`, `<![CDATA[ ]]>`, a final `;`).
    private static func parse(_ script: String) -> JSONValue? {
        var text = Substring(script.trimmingWhitespace())
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] where text.hasPrefix(open) && text.hasSuffix(close) {
            text = text.dropFirst(open.count).dropLast(close.count)
        }
        text = Substring(text.trimmingWhitespace())
        while text.hasSuffix(";") { text = text.dropLast() }
        return try? JSONParser.parse(Array(text.utf8))
    }

    private mutating func visit(_ value: JSONValue, budget: inout Int) {
        // Depth-first with an explicit stack: nesting is bounded by the parser, the count here.
        var stack = [value]
        while let current = stack.popLast(), budget > 0 {
            budget -= 1
            switch current {
            case .array(let elements):
                stack.append(contentsOf: elements.reversed())
            case .object:
                if Self.isArticle(current) { read(current) }
                if let graph = current["@graph"] { stack.append(graph) }
                if let main = current["mainEntity"], case .object = main { stack.append(main) }
            default:
                break
            }
        }
    }

    private static func isArticle(_ node: JSONValue) -> Bool {
        let types: [JSONValue]
        switch node["@type"] {
        case .array(let elements)?: types = elements
        case let single?: types = [single]
        case nil: return false
        }
        return types.contains { $0.string.map { MetadataTables.articleTypes.contains($0.lowercased()) } ?? false }
    }

    private mutating func read(_ node: JSONValue) {
        headline = headline ?? Self.text(node["headline"]) ?? Self.text(node["name"])
        author = author ?? Self.names(node["author"]) ?? Self.names(node["creator"])
        datePublished = datePublished ?? Self.text(node["datePublished"]) ?? Self.text(node["dateCreated"])
        dateModified = dateModified ?? Self.text(node["dateModified"])
        publisher = publisher ?? Self.names(node["publisher"])
        description = description ?? Self.text(node["description"])
        image = image ?? Self.url(node["image"]) ?? Self.url(node["thumbnailUrl"])
        language = language ?? Self.text(node["inLanguage"])
        if sections.isEmpty { sections = Self.texts(node["articleSection"]) }
        if keywords.isEmpty { keywords = Self.texts(node["keywords"]) }
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard let string = value?.string else { return nil }
        let text = TextNormalizer.normalizeLine(HTMLEntities.decodeBasic(string))
        return text.isEmpty ? nil : text
    }

    private static func texts(_ value: JSONValue?) -> [String] {
        switch value {
        case .array(let elements)?: elements.compactMap { text($0) }
        case let single?: text(single).map { [$0] } ?? []
        case nil: []
        }
    }

    /// A person or organisation: a name string, an object with `name`, or a list of them ("; ").
    private static func names(_ value: JSONValue?) -> String? {
        switch value {
        case .string?: return text(value)
        case .object?: return text(value?["name"])
        case .array(let elements)?:
            let all = elements.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: "; ")
        default: return nil
        }
    }

    /// An image: a URL string, an `ImageObject` with `url`, or the first of a list.
    private static func url(_ value: JSONValue?) -> String? {
        switch value {
        case .string?: return text(value)
        case .object?: return text(value?["url"]) ?? text(value?["contentUrl"])
        case .array(let elements)?: return elements.lazy.compactMap { url($0) }.first
        default: return nil
        }
    }
}
