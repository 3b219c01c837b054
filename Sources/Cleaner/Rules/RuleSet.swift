/// The compiled rules of one file, or of several merged: what the HTML and line filters run.
/// Arrays keep file order; merging puts the more specific file's rules first.
public struct RuleSet: Sendable {
    struct XPathRule: Sendable {
        let xpath: XPathExpression
        let source: RuleSource
    }

    /// `strip_id_or_class` / `strip_image_src`: a substring of the class, id or src attribute.
    struct SubstringRule: Sendable {
        let needle: String
        let source: RuleSource
    }

    /// `find_string` / `replace_string`: literal replacement in the raw HTML before parsing, as in ftr.
    struct Replacement: Sendable {
        let find: String
        let replace: String
        let source: RuleSource
    }

    enum LineRuleKind: String, Sendable {
        /// Removes every line that matches.
        case dropLine = "drop_line"
        /// Like `dropLine`, unless lines of at least `DropMatching.minRepeats` different texts
        /// match: then they head the entries of a list the page is made of (the posts of a
        /// thread, a blog's entries), and all of them stay.
        case dropUnrepeated = "drop_unrepeated"
        /// Removes every block that has a matching line.
        case dropBlock = "drop_block"
        /// Removes the first matching block and everything after it.
        case dropFrom = "drop_from"
        /// Like `dropFrom`, when at least `DropMatching.minRepeats` different lines match: the
        /// headers of a list of entries (comments: "NAME says:"), not one sentence that looks like one.
        case dropFromRepeated = "drop_from_repeated"
        /// Removes the short, headline-like block just before a matching block (a photo's title).
        case dropBefore = "drop_before"
        /// A block with a matching line (a time stamp such as "16 hours ago") is a teaser:
        /// it goes with the headline-like block before it.
        case teaser
        /// A matching line (the heading of a box of related links) goes with the headline-like
        /// lines right after it, when a few follow (see `HeadedTitles`).
        case dropWithTitles = "drop_with_titles"
        /// A line followed by the same line, or by the line it is a truncated ("...") copy of:
        /// alt text next to its caption. Both go.
        case dropRepeated = "drop_repeated"
        /// A later copy of a line of five words or more that the document already had goes
        /// (gallery captions, pull quotes, teasers shown twice); the first copy stays.
        case dropDuplicates = "drop_duplicates"
        /// A line that is no sentence, of eight words or more, met four times or more: every copy
        /// goes in a plain-text scrape (a gallery's caption under each of its pictures; see `RepeatedText`).
        case dropRepeatedLines = "drop_repeated_lines"
        /// A line of names alone (a dropdown's options flattened onto one line by the scraper):
        /// it goes from a plain-text scrape (see `NameLists`).
        case dropNameLists = "drop_name_lists"
        /// The article of a plain-text scrape: the heaviest run of prose lines (see `MainText`).
        case mainText = "main_text"
        /// The kept lines after the last line of prose, when none ends a sentence, none is
        /// announced by a colon and they are no list of one shape (see `TrailingTitles`).
        case dropTrailingTitles = "drop_trailing_titles"
        /// A later block equal to the title goes.
        case dropRepeatedTitle = "drop_repeated_title"
        /// An HTML heading with no kept text under it (the next kept block is a heading of the
        /// same or a higher level, or there is none): its section was boilerplate.
        case dropOrphanHeadings = "drop_orphan_headings"
    }

    struct LineRule: Sendable {
        let kind: LineRuleKind
        let pattern: Pattern?
        let source: RuleSource
        /// The place of a rule with a pattern in its file's `LiteralPass`, which finds its
        /// candidate lines with the file's other rules'. It refers to the pass without holding
        /// it: read for every rule of every document, it retains nothing.
        var literalSlot: LiteralPass.Slot? = nil
        /// The pass `literalSlot` refers to, held here for as long as the rule lives (set with the slot).
        var literalOwner: LiteralPass? = nil
        /// `.rule(source)`, boxed once for every document the rule runs over (a box and a copy of
        /// the source's strings a rule and document otherwise).
        let reason: RemovalReason

        init(kind: LineRuleKind, pattern: Pattern?, source: RuleSource) {
            self.kind = kind
            self.pattern = pattern
            self.source = source
            reason = .rule(source)
        }
    }

    /// `test_url` with the `test_contains` lines that follow it.
    public struct SiteTest: Sendable {
        public let url: String
        public var contains: [String]
        public let file: String
        public let line: Int
    }

    var body: [XPathRule] = []
    var strip: [XPathRule] = []
    var stripIdOrClass: [SubstringRule] = []
    var stripImageSrc: [SubstringRule] = []
    /// `strip_class`: one whole word of the class attribute ("wp-caption", not "has-caption").
    var stripClass: [SubstringRule] = []
    var replacements: [Replacement] = []
    var title: [XPathRule] = []
    var author: [XPathRule] = []
    var date: [XPathRule] = []
    /// ftr's `prune`: clear low-text, link-heavy elements out of the `body` the rules selected.
    var prune: Bool?
    var lineRules: [LineRule] = []
    /// `signature_line`: a line that identifies this site's plain-text scrapes (a masthead, a copyright line).
    var signatures: [Pattern] = []
    public internal(set) var tests: [SiteTest] = []
    /// Directives accepted for compatibility but not acted on (other ftr directives), by name.
    public internal(set) var ignored: [String: Int] = [:]

    public init() {}

    /// `self`'s rules first, then `other`'s. Single values (`prune`) come from `self` when set.
    func merged(with other: RuleSet) -> RuleSet {
        var result = self
        result.body += other.body
        result.strip += other.strip
        result.stripIdOrClass += other.stripIdOrClass
        result.stripImageSrc += other.stripImageSrc
        result.stripClass += other.stripClass
        result.replacements += other.replacements
        result.title += other.title
        result.author += other.author
        result.date += other.date
        result.prune = prune ?? other.prune
        result.lineRules += other.lineRules
        result.signatures += other.signatures
        result.tests += other.tests
        result.ignored.merge(other.ignored, uniquingKeysWith: +)
        return result
    }

    /// The same rules without those whose category the user keeps.
    func removingCategories(_ kept: Set<Category>) -> RuleSet {
        guard !kept.isEmpty else { return self }
        var result = self
        result.strip.removeAll { kept.contains($0.source.category) }
        result.stripIdOrClass.removeAll { kept.contains($0.source.category) }
        result.stripImageSrc.removeAll { kept.contains($0.source.category) }
        result.stripClass.removeAll { kept.contains($0.source.category) }
        result.lineRules.removeAll { kept.contains($0.source.category) }
        return result
    }

    /// True when an XPath rule selects comments (`comment()`), whose text `RawTextBlanker` empties.
    /// Asked of every page: searched as bytes, which `String.contains` compares as characters.
    var readsComments: Bool {
        [body, strip, title, author, date].joined().contains { rule in
            var source = rule.xpath.source
            return source.withUTF8 { bytes in Self.commentTest.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) } }
        }
    }

    private static let commentTest = Array("comment(".utf8)

    /// The attributes (lower case) the rules read: every name an XPath rule gives after `@`, and
    /// `src` for `strip_image_src`. Nil when a rule may read any attribute (`@*`, the
    /// `attribute` axis, an `@` this cannot follow): the page then keeps them all.
    var readAttributes: Set<String>? {
        guard var names = xpathAttributes else { return nil }
        if !stripImageSrc.isEmpty { names.insert("src") }
        return names
    }

    /// `readAttributes` but for `strip_image_src`'s `src`, which it reads on images alone.
    var xpathAttributes: Set<String>? {
        var names: Set<String> = []
        for rule in [body, strip, title, author, date].joined() {
            guard let read = XPathAttributeNames.names(in: rule.xpath.source) else { return nil }
            names.formUnion(read)
        }
        return names
    }

    /// Number of rules that do something (ignored directives aside).
    public var ruleCount: Int {
        body.count + strip.count + stripIdOrClass.count + stripClass.count + stripImageSrc.count + replacements.count + title.count
            + author.count + date.count + lineRules.count + signatures.count + (prune == nil ? 0 : 1)
    }
}
