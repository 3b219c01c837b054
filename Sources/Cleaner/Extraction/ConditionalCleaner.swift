import FoundationEssentials

/// Clears boilerplate out of the chosen article elements, innermost first, as Readability's
/// `_prepArticle` / `_cleanConditionally` do: footers and asides always, the title heading
/// (it belongs to the metadata), short share bars, and containers whose numbers say widget,
/// link list or form rather than prose. A removed element's numbers are taken off its ancestors,
/// so an outer container is judged on what is left in it.
enum ConditionalCleaner {
    /// Where an element sits: inside code (never cleaned) or a figure (images expected).
    struct Context {
        var inCode = false
        var inFigure = false
        /// Inside a table of data, whose rows and cells are content whatever their links.
        var inDataTable = false
    }

    /// `titleWords`: the page title's `words` (the heading that repeats it goes to the metadata).
    static func clean(_ result: inout ContentExtractor.Result, stats original: NodeMap<NodeStats>, weighClasses: Bool, titleWords: Set<String>) {
        // Pre-order list of the elements under the roots, with their context; walked backwards,
        // every element comes after all of its descendants.
        var order: [(node: Node, parent: Node?, context: Context)] = []
        var open: [(node: Node, context: Context, lastChild: Int?)] = []
        // Each element's previous and next element siblings with text (indices into `order`),
        // for the neighbour test; found in the same walk.
        var previous: [Int?] = []
        var next: [Int?] = []
        let document = result.roots.first?.document
        for root in result.roots {
            document?.walk(
                from: root,
                enter: { node in
                    guard node.isElement, let stats = original[node] else { return .skip }
                    var context = open.last?.context ?? Context()
                    let index = order.count
                    order.append((node, open.last?.node, context))
                    let sibling = open.last?.lastChild
                    previous.append(sibling)
                    next.append(nil)
                    if let sibling { next[sibling] = index }
                    // (An empty anchor or spacer between two blocks does not part them.)
                    if !open.isEmpty, stats.characters > 0 { open[open.count - 1].lastChild = index }
                    if node.hasName("code") || node.hasName("pre") { context.inCode = true }
                    if node.hasName("figure") { context.inFigure = true }
                    if node.hasName("table"), isDataTable(stats) { context.inDataTable = true }
                    open.append((node, context, nil))
                    return .descend
                },
                leave: { node in
                    if open.last?.node == node { open.removeLast() }
                })
        }
        var roots = NodeMap<Bool>()
        for root in result.roots { roots[root] = true }
        let articleProse = result.roots.reduce(0) { $0 + (original[$1]?.proseCharacters ?? 0) }
        // What removals below each element took away, passed up one level at a time (linear in the tree).
        var removedBelow = NodeMap<NodeStats>()
        var finalStats = NodeMap<NodeStats>()
        func isProseSibling(_ sibling: Int?) -> Bool {
            guard let sibling, let stats = original[order[sibling].node] else { return false }
            return isProse(stats)
        }
        for index in order.indices.reversed() {
            let (node, parent, context) = order[index]
            guard let stats = original[node] else { continue }
            var current = stats
            let below = removedBelow.removeValue(forKey: node)
            if let below { current.subtract(below) }
            var removedHere = below
            let isRoot = roots[node] != nil
            if !isRoot, let reason = verdict(node, own: current, context: context, weighClasses: weighClasses, titleWords: titleWords, articleProse: articleProse,
                betweenProse: { isProseSibling(previous[index]) && isProseSibling(next[index]) })
            {
                result.excluded[node] = reason
                removedHere = stats
            }
            if let parent, let removedHere, !isRoot {
                removedBelow.update(parent, default: NodeStats()) { $0.add(removedHere) }
            }
            if isRoot { finalStats[node] = current }
        }
        result.characters = result.roots.reduce(0) { $0 + (finalStats[$1]?.characters ?? 0) }
    }

    private static func verdict(
        _ node: Node, own: NodeStats, context: Context, weighClasses: Bool, titleWords: Set<String>, articleProse: Int,
        betweenProse: () -> Bool
    ) -> RemovalReason? {
        let traits = ExtractionTables.traits(node.packedName)
        if traits.alwaysRemoved {
            let tag = node.name
            return .heuristic(name: "boilerplate element", category: .navigation, detail: "<\(tag)>")
        }
        let weight = weighClasses ? ClassWords.weight(node) : 0
        if node.hasName("h1") || node.hasName("h2") {
            if weight < 0 { return .heuristic(name: "boilerplate class", category: .other, detail: "heading, weight \(weight)") }
            if !titleWords.isEmpty, similarity(words(TextNormalizer.normalizeLine(node.textContent)), titleWords) >= 0.75 {
                return .heuristic(name: "title", category: .other, detail: "in metadata")
            }
            return nil
        }
        if own.characters < 500, ClassWords.isShareBar(node) {
            return .heuristic(name: "share bar", category: .social, detail: "class")
        }
        let holdsArticle = Double(own.proseCharacters) >= Double(articleProse) * ExtractionTables.articleProseShare
        if weighClasses, !holdsArticle, AsideSections.isLedByAsideHeading(node) {
            return .heuristic(name: "aside section", category: .teaser, detail: "led by a heading of related posts or a widget")
        }
        // A paragraph that is nearly all links ("See also" and the titles of other posts, one a
        // line) is a link list written as a paragraph.
        // One or two links around a sentence of clauses (a reference in a bibliography, a
        // linked quotation) are not a list.
        if node.hasName("p"), !holdsArticle, !context.inCode, own.characters >= ExtractionTables.linkParagraphCharacters,
            own.linkDensity >= ExtractionTables.linkParagraphDensity,
            own.commas < ExtractionTables.minCitationCommas || linkCount(under: node, upTo: ExtractionTables.maxCitationLinks) > ExtractionTables.maxCitationLinks
        {
            return .heuristic(name: "link density", category: .navigation, detail: "paragraph of links")
        }
        guard traits.conditional, !EmbeddedQuotes.wrapsOnlyAQuote(node) else { return nil }
        let tag = node.name
        return conditionalVerdict(tag: tag, own: own, weight: weight, context: context, holdsArticle: holdsArticle, betweenProse: betweenProse)
    }

    /// The links (`<a href>`) under `node`, counted up to `limit + 1`: a walk of one paragraph,
    /// asked only of the rare one that is nearly all links yet has clauses.
    private static func linkCount(under node: Node, upTo limit: Int) -> Int {
        var count = 0
        node.document.walk(from: node) { current in
            guard current.isElement, count <= limit else { return .skip }
            if current.hasName("a"), current.hasAttribute("href") { count += 1 }
            return .descend
        }
        return count
    }

    /// A block that reads as a paragraph of the article by its numbers: mostly prose, few links.
    private static func isProse(_ stats: NodeStats) -> Bool {
        stats.proseCharacters >= ExtractionTables.minParagraphCharacters
            && Double(stats.proseCharacters) >= Double(stats.characters) * ExtractionTables.minSiblingProseShare
            && stats.linkDensity < ExtractionTables.maxProseLinkDensity
    }

    /// Readability's `_cleanConditionally` tests, on the numbers the scorer gathered.
    /// `betweenProse` (both neighbours read as prose) is asked only by the link-density test.
    private static func conditionalVerdict(tag: String, own: NodeStats, weight: Int, context: Context, holdsArticle: Bool, betweenProse: () -> Bool) -> RemovalReason? {
        if tag == "table", isDataTable(own) { return nil }
        if context.inCode { return nil }
        // Rows and cells of a layout table go only when they hold no prose and are mostly links
        // (menus, topic columns); a cell of prose with links, or a listing's linked titles, stays.
        if tag == "tr" || tag == "td", context.inDataTable || own.proseCharacters > 0 || own.linkDensity < 0.5 { return nil }
        // An element with most of the article's prose, and few links, is the article: whatever its
        // pictures, class words or list items, the tests below are for the blocks around the prose.
        if holdsArticle, own.linkDensity < ExtractionTables.maxArticleLinkDensity { return nil }
        if weight < 0 {
            return .heuristic(name: "boilerplate class", category: .other, detail: "weight \(weight)")
        }
        guard own.commas < 10 else { return nil }
        let isList = tag == "ul" || tag == "ol" || (own.characters > 0 && Double(own.listItemCharacters) / Double(own.characters) > 0.9)
        let paragraphs = Double(own.paragraphs)
        let images = own.images
        let inFigure = context.inFigure
        let linkDensity = own.linkDensity
        let headingDensity = own.characters > 0 ? Double(own.headingCharacters) / Double(own.characters) : 0
        let holdsProse = own.characters - own.linkCharacters >= ExtractionTables.minOwnProseCharacters
            && linkDensity < ExtractionTables.maxOwnProseLinkDensity
        let detail: String
        if !inFigure, !holdsProse, images > 1, paragraphs / Double(images) < 0.5 {
            detail = "\(images) images, \(own.paragraphs) paragraphs"
        } else if !isList, own.listItems - 100 > own.paragraphs {
            detail = "list items outnumber paragraphs"
        } else if own.inputs > max(1, own.paragraphs / 3) {
            // (One control, a checkbox beside a listing, does not make a form.)
            detail = "\(own.inputs) form controls"
        } else if !isList, !inFigure, headingDensity < 0.9, own.characters < 25, images == 0 || images > 2, linkDensity > 0 {
            detail = "little text, links"
        } else if !isList, !holdsProse, weight < 25, linkDensity > 0.2, !(betweenProse() && linkDensity < ExtractionTables.maxLinkDensityBetweenProse
                && own.characters - own.linkCharacters >= ExtractionTables.minParagraphCharacters)
        {
            detail = formatted("link density %.2f", linkDensity)
        } else if weight >= 25 || isList, linkDensity > 0.5 {
            // (A list that is mostly links is a list of other pages: related stories, tags.)
            detail = formatted("link density %.2f", linkDensity)
        } else if (own.embeds == 1 && own.characters < 75) || own.embeds > 1 {
            detail = "embedded player"
        } else if images == 0, own.characters == 0 {
            detail = "no text"
        } else {
            return nil
        }
        return .heuristic(name: "link density", category: .navigation, detail: detail)
    }

    /// A table of data (headers, or enough rows and cells) is content, whatever its links.
    private static func isDataTable(_ stats: NodeStats) -> Bool {
        stats.tableHeaders > 0 || stats.rows >= 10 || stats.cells > 10
    }

    static func words(_ text: String) -> Set<String> {
        if let words = asciiWords(text) { return words }
        return Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    /// `words` of an ASCII text, split on its bytes: there a letter or number is `A-Z`, `a-z` or
    /// `0-9`, and lowercasing is per byte, so the words are the same without asking each
    /// Character's Unicode properties (most headings and titles; nil for other text).
    private static func asciiWords(_ text: String) -> Set<String>? {
        var text = text
        return text.withUTF8 { bytes -> Set<String>? in
            var words = Set<String>()
            var word: [UInt8] = []
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    word.append(lower)
                } else if !word.isEmpty {
                    words.insert(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }

    /// Share of each side's words found in the other, the smaller of the two.
    static func similarity(_ first: Set<String>, _ second: Set<String>) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        let common = Double(first.intersection(second).count)
        return min(common / Double(first.count), common / Double(second.count))
    }
}
