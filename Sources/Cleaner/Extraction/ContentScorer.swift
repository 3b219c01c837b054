/// One walk over the page body that gathers every element's `NodeStats` and scores candidates
/// the way Readability does: each block with at least 25 characters of its own text is a paragraph,
/// and its score (1 + commas + length) flows to its parent, grandparent and a few more ancestors.
/// Linear in the size of the DOM: text is measured once, and child totals are added to parents.
struct ContentScorer {
    struct Options {
        /// Skip elements whose class, id or role says page chrome (first attempt).
        var stripUnlikely = true
        /// Let class and id words move candidate scores.
        var weighClasses = true
        /// Set comment sections aside (they are never the article; `comments` lists them).
        var skipComments = false
    }

    private struct Frame {
        let node: Node
        let name: PackedName
        let traits: ExtractionTables.TagTraits
        let isBlock: Bool
        var isLink = false
        /// An empty link (no text, no element) sits straight inside: an overlay over a card.
        var holdsEmptyLink = false
        /// Readability's score from paragraphs below, while the element is open; nil until a paragraph scores it.
        var pendingScore: Double?
        var stats = NodeStats()
        var ownCharacters = 0
        var ownLinkCharacters = 0
        var ownCommas = 0
        var ownBreaks = 0
        /// The text run since the last <br>, and the scores of finished runs long enough to be paragraphs.
        var runCharacters = 0
        var runCommas = 0
        var runScores: [Double] = []

        mutating func closeRun() {
            if runCharacters >= ExtractionTables.minParagraphCharacters {
                runScores.append(ContentScorer.paragraphScore(characters: runCharacters, commas: runCommas))
            }
            runCharacters = 0
            runCommas = 0
        }
    }

    /// Readability's paragraph score: 1, plus one per comma-separated part, plus one per 100 characters (up to 3).
    static func paragraphScore(characters: Int, commas: Int) -> Double {
        2.0 + Double(commas) + Double(min(characters / 100, 3))
    }

    let options: Options
    private(set) var stats = NodeMap<NodeStats>(capacity: 1024)
    /// Elements skipped as unlikely, for the explain report.
    private(set) var unlikely: [Node] = []
    /// Comment sections set aside, outermost only, in document order.
    private(set) var comments: [Node] = []
    /// Every comment section set aside is one this walk would have skipped as unlikely had it
    /// not set comments aside (so the walk that does not would be this one).
    private(set) var commentsUnlikely = true
    private var frames: [Frame] = []
    /// Indices into `frames` of the open block elements: text belongs to the innermost one.
    private var blockFrames: [Int] = []
    private var linkDepth = 0
    private var headingDepth = 0
    private var tableOrCodeDepth = 0

    /// What a walk of the page asked of its nodes, each a pure test asked again by every attempt
    /// and pass: texts' measures, hidden elements and controls, comment sections, unlikely candidates.
    struct Answers {
        var metrics = WalkAnswers<TextMetrics>()
        var skipped = WalkAnswers<Bool>()
        var sections = WalkAnswers<Bool>()
        var unlikely = WalkAnswers<Bool>()
    }

    /// This walk's answers, recorded when it was given no earlier ones.
    private(set) var answers = Answers()
    private var earlier: Answers?

    /// `earlier`: the answers of an earlier walk of the same body, read back where they apply.
    init(options: Options, earlier: Answers? = nil) {
        self.options = options
        self.earlier = earlier
    }

    mutating func score(_ body: Node, in document: HTMLDocument) {
        document.walk(from: body, enter: { enter($0) }, leave: { leave($0) })
    }

    /// Every scored element, in document order of completion.
    var candidates: [(node: Node, stats: NodeStats)] {
        var scored: [(node: Node, stats: NodeStats)] = []
        stats.forEach { node, stats in if stats.score != nil { scored.append((node, stats)) } }
        return scored
    }

    private mutating func enter(_ node: Node) -> WalkAction {
        if node.isText {
            let metrics = textMetrics(node)
            guard metrics.characters > 0, !frames.isEmpty else { return .skip }
            let top = frames.count - 1
            frames[top].stats.characters += metrics.characters
            frames[top].stats.commas += metrics.commas
            if linkDepth > 0 { frames[top].stats.linkCharacters += metrics.characters }
            if headingDepth > 0 { frames[top].stats.headingCharacters += metrics.characters }
            if let block = blockFrames.last {
                frames[block].ownCharacters += metrics.characters
                if linkDepth > 0 { frames[block].ownLinkCharacters += metrics.characters }
                frames[block].ownCommas += metrics.commas
                frames[block].runCharacters += metrics.characters
                frames[block].runCommas += metrics.commas
            }
            return .skip
        }
        guard node.isElement else { return .skip }
        let name = node.packedName
        let traits = ExtractionTables.traits(name)
        if traits.embed {
            if !frames.isEmpty { frames[frames.count - 1].stats.embeds += 1 }
            return .skip
        }
        if traits.input {
            if !frames.isEmpty { frames[frames.count - 1].stats.inputs += 1 }
            return .skip
        }
        if name == Names.br {
            if let block = blockFrames.last {
                frames[block].ownBreaks += 1
                frames[block].closeRun()
            }
            return .skip
        }
        if name == Names.img {
            if !frames.isEmpty { frames[frames.count - 1].stats.images += 1 }
            return .skip
        }
        let entry = TagTable.entry(for: name)
        if entry.skipped || isHiddenOrControl(node) { return .skip }
        if options.skipComments, !frames.isEmpty, name != Names.main, isCommentSection(node) {
            comments.append(node)
            if options.stripUnlikely, commentsUnlikely { commentsUnlikely = tableOrCodeDepth == 0 && isUnlikelyCandidate(node, name: name) }
            return .skip
        }
        if options.stripUnlikely, !frames.isEmpty, tableOrCodeDepth == 0, isUnlikelyCandidate(node, name: name) {
            unlikely.append(node)
            return .skip
        }
        let isBlock = entry.blockLevel || entry.cell
        if isBlock { blockFrames.append(frames.count) }
        frames.append(Frame(node: node, name: name, traits: traits, isBlock: isBlock))
        // (`<a name>` without `href` marks a place, and an unclosed one can hold the whole article.)
        if name == Names.a, node.hasAttribute("href"), !node.elementChildren.contains(where: { TagTable.brokenLinkContent.contains($0.name) }) {
            frames[frames.count - 1].isLink = true
            linkDepth += 1
        }
        if traits.heading { headingDepth += 1 }
        if name == Names.table || name == Names.code || name == Names.pre { tableOrCodeDepth += 1 }
        return .descend
    }

    private mutating func leave(_ node: Node) {
        // (The frame is read in place and moved off the stack, not copied.)
        let last = frames.count - 1
        guard last >= 0, frames[last].node == node else { return }
        if frames[last].isBlock, frames[last].ownCharacters >= ExtractionTables.minParagraphCharacters, !frames[last].traits.unscoredBlock {
            frames[last].closeRun()
            let runScores = frames[last].runScores
            if runScores.count >= 2 {
                // Text split by <br>s into several paragraphs (Readability makes each a <p> inside
                // this block): each run scores, with this block as its parent.
                for runScore in runScores { scoreAncestors(runScore, from: last) }
            } else {
                scoreAncestors(Self.paragraphScore(characters: frames[last].ownCharacters, commas: frames[last].ownCommas), from: last - 1)
            }
        }
        // (The runs above may have scored this element itself: its pending score is read after them.)
        let frame = frames.removeLast()
        let name = frame.name
        if frame.isBlock { blockFrames.removeLast() }
        if frame.isLink { linkDepth -= 1 }
        if frame.traits.heading { headingDepth -= 1 }
        if name == Names.table || name == Names.code || name == Names.pre { tableOrCodeDepth -= 1 }
        var finished = frame.stats
        if frame.isBlock, frame.ownCharacters >= ExtractionTables.minParagraphCharacters,
            Double(frame.ownLinkCharacters) < Double(frame.ownCharacters) * ExtractionTables.maxProseLinkDensity
        {
            finished.proseCharacters += frame.ownCharacters
        }
        // Paragraphs: <p> elements below, and a block's own text, where each pair of <br>s starts
        // another (Readability turns such text into <p>s before counting).
        if name != Names.p, frame.isBlock, frame.ownCharacters >= ExtractionTables.minParagraphCharacters {
            finished.paragraphs += 1 + frame.ownBreaks / 2
        }
        if frame.holdsEmptyLink, name != Names.p, finished.linkCharacters == 0, finished.characters > 0,
            finished.characters <= ExtractionTables.maxOverlayCardCharacters
        {
            // A teaser card whose only link is an empty overlay stretched over it: its headline and
            // blurb are what the link stands for, as if they were its text. (Beside a link with
            // text, an empty one is a stray tag, not an overlay.)
            finished.linkCharacters = finished.characters
            finished.proseCharacters = 0
        }
        if let pending = frame.pendingScore { finished.score = (finished.score ?? 0) + pending }
        stats[node] = finished

        guard !frames.isEmpty else { return }
        let parent = frames.count - 1
        if frame.isLink, finished.characters == 0, finished.images == 0, node.elementChildCount == 0 { frames[parent].holdsEmptyLink = true }
        frames[parent].stats.add(finished)
        switch name {
        case Names.p: frames[parent].stats.paragraphs += 1
        case Names.li:
            frames[parent].stats.listItems += 1
            frames[parent].stats.listItemCharacters += finished.characters
        case Names.tr: frames[parent].stats.rows += 1
        case Names.td: frames[parent].stats.cells += 1
        case Names.th, Names.thead, Names.caption: frames[parent].stats.tableHeaders += 1
        default: break
        }
    }

    /// Adds a paragraph's score to `frames[start]` (its parent) and the ancestors above it.
    private mutating func scoreAncestors(_ contentScore: Double, from start: Int) {
        var level = 0
        var index = start
        while index >= 0, level < ExtractionTables.scoredAncestors {
            if frames[index].name == Names.html { break }
            // Scores go to elements still open on the stack (pending, folded in when they close);
            // the first paragraph to reach one gives it its starting score.
            if frames[index].pendingScore == nil {
                let ancestor = frames[index].node
                var start = ExtractionTables.tagBonus(ancestor.name)
                if options.weighClasses { start += Double(ClassWords.weight(ancestor)) }
                frames[index].pendingScore = 0 + start
            }
            let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
            frames[index].pendingScore = (frames[index].pendingScore ?? 0) + contentScore / divider
            level += 1
            index -= 1
        }
    }

    private mutating func textMetrics(_ node: Node) -> TextMetrics {
        answer(\.metrics, node) { node.textMetrics }
    }

    private mutating func isHiddenOrControl(_ node: Node) -> Bool {
        answer(\.skipped, node) { HiddenElements.isHidden(node) || ControlElements.isControl(node) }
    }

    private mutating func isCommentSection(_ node: Node) -> Bool {
        answer(\.sections, node) { CommentSections.isSection(node) }
    }

    private mutating func isUnlikelyCandidate(_ node: Node, name: PackedName) -> Bool {
        answer(\.unlikely, node) { Self.isUnlikely(node, name: name) }
    }

    /// `ask()` for `node`, read back from the earlier walk's `log` where it applies, and logged
    /// when this walk is the first.
    @inline(__always)
    private mutating func answer<Answer>(_ log: WritableKeyPath<Answers, WalkAnswers<Answer>>, _ node: Node, _ ask: () -> Answer) -> Answer {
        if let answer = earlier?[keyPath: log].next(node) { return answer }
        let answer = ask()
        if earlier == nil { answers[keyPath: log].record(node, answer) }
        return answer
    }

    private static func isUnlikely(_ node: Node, name: PackedName) -> Bool {
        if name != Names.body, AsideSections.isLedByAsideHeading(node) { return true }
        guard name != Names.body, name != Names.a, name != Names.article, name != Names.main else { return false }
        guard node.hasAttributes else { return false }
        let unlikely: Bool
        if node.hasAttribute("role"), let role = node.attribute("role"), ClassWords.unlikelyRoles.contains(role.lowercased()) {
            unlikely = true
        } else {
            unlikely = ClassWords.withMatchBytes(node) { ClassWords.unlikely.matches($0) && !ClassWords.maybeCandidate.matches($0) } ?? false
        }
        // (A "social" box around an embedded post holds the article's quotation.)
        return unlikely && !EmbeddedQuotes.wrapsOnlyAQuote(node)
    }

    /// Element names the walk treats on their own, packed once.
    private enum Names {
        static let a = PackedName("a")
        static let article = PackedName("article")
        static let body = PackedName("body")
        static let br = PackedName("br")
        static let caption = PackedName("caption")
        static let code = PackedName("code")
        static let html = PackedName("html")
        static let img = PackedName("img")
        static let li = PackedName("li")
        static let main = PackedName("main")
        static let p = PackedName("p")
        static let pre = PackedName("pre")
        static let table = PackedName("table")
        static let td = PackedName("td")
        static let th = PackedName("th")
        static let thead = PackedName("thead")
        static let tr = PackedName("tr")
    }
}
