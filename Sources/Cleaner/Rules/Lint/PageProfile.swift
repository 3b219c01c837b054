import FoundationEssentials

/// What a site's test page offers its rules to match: the element names, the class and id values
/// and the image sources on it, read once from the page.
struct PageProfile {
    let path: String
    private(set) var elements: Set<String> = []
    private(set) var classesAndIds: Set<String> = []
    private(set) var imageSources: Set<String> = []
    /// The page's canonical or og:url address, which names its site when nothing else does.
    private(set) var canonicalURL: String?

    /// Reads and parses an HTML page; nil when it cannot be read or parsed.
    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path),
            let document = InputDecoder.decode([UInt8](data), kind: .html, declared: nil).utf8.withUnsafeBytes({ HTMLDocument(utf8: $0) })
        else { return nil }
        self.path = path
        canonicalURL = MetadataReader.canonicalURL(of: document)
        document.walk(enter: { node in
            guard node.isElement else { return .skip }
            let name = node.name
            elements.insert(name)
            if node.hasAttributes {
                if let classes = node.attribute("class") { classesAndIds.insert(classes) }
                if let id = node.attribute("id") { classesAndIds.insert(id) }
                if name == "img", let source = node.attribute("src") { imageSources.insert(source) }
            }
            return .descend
        })
    }

    /// True when the page has every element of `names`.
    func hasAll(_ names: Set<String>) -> Bool {
        names.isSubset(of: elements)
    }
}
