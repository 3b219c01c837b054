/// How the serializer treats each HTML element. Named tables, so that what counts as a block,
/// what is never text and what kind of block an element makes are data in one place.
enum TagTable {
    /// Elements whose content is never article text: code, styling, embedded objects, form controls.
    /// MathML's `<math>` is not among them: its text is the formula a reader sees, part of the
    /// sentence around it; only its `<annotation>`s (the same formula again as TeX or another
    /// markup, for machines) are.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "head", "svg", "annotation", "annotation-xml", "iframe", "object", "embed",
        "canvas", "select", "option", "textarea", "input", "button", "audio", "video", "map", "frameset",
    ]

    /// Elements that start and end a block of text (everything else is inline and joins its neighbours).
    static let blockLevel: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "caption", "legend", "html",
    ]

    /// Block kinds that elements give to the text inside them.
    static func kind(for tag: String) -> BlockKind? {
        switch tag {
        case "h1": .heading(level: 1)
        case "h2": .heading(level: 2)
        case "h3": .heading(level: 3)
        case "h4": .heading(level: 4)
        case "h5": .heading(level: 5)
        case "h6": .heading(level: 6)
        case "li", "dt", "dd": .listItem
        case "blockquote": .quote
        case "pre": .preformatted
        case "tr": .tableRow
        default: nil
        }
    }

    /// Elements that never belong inside a link: a link wrapping one is an unclosed `<a>` that
    /// libxml2 kept open over the rest of the page, so its text is not link text.
    static let brokenLinkContent: Set<String> = ["table", "tbody", "tr", "td", "form", "body", "html"]

    /// Table cells: separated by " | " inside their row.
    static let cells: Set<String> = ["td", "th"]

    /// Everything the serializer asks about one element, found with one look-up of its packed name.
    struct Entry: Sendable {
        var skipped = false
        var blockLevel = false
        var cell = false
        var kind: BlockKind?
        /// `br`, `pre` and `tr` have rules of their own in the serializer.
        var name: PackedName = .long
    }

    /// The entry for an element name; an empty entry for inline and unknown elements.
    static func entry(for name: PackedName) -> Entry {
        lookup[name]
    }

    private static let lookup = PackedNameTable(
        (skipped.union(blockLevel).union(cells).union(["br", "pre", "tr"])).map { tag in
            let name = PackedName(tag)
            return (name, Entry(skipped: skipped.contains(tag), blockLevel: blockLevel.contains(tag), cell: cells.contains(tag), kind: kind(for: tag), name: name))
        }, missing: Entry())
}
