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
    }

    private struct Frame {
        let node: Node
        let tag: String
        let isBlock: Bool
        var stats = NodeStats()
        var ownCharacters = 0
        var ownCommas = 0
    }

    let options: Options
    private(set) var stats: [Node: NodeStats] = [:]
    /// Elements skipped as unlikely, for the explain report.
    private(set) var unlikely: [Node] = []
    private var frames: [Frame] = []
    /// Indices into `frames` of the open block elements: text belongs to the innermost one.
    private var blockFrames: [Int] = []
    private var linkDepth = 0
    private var headingDepth = 0
    private var tableOrCodeDepth = 0

    init(options: Options) {
        self.options = options
    }

    mutating func score(_ body: Node, in document: HTMLDocument) {
        document.walk(from: body, enter: { enter($0) }, leave: { leave($0) })
    }

    /// Every scored element, in document order of completion.
    var candidates: [(node: Node, stats: NodeStats)] {
        stats.compactMap { $0.value.score == nil ? nil : ($0.key, $0.value) }
    }

    private mutating func enter(_ node: Node) -> WalkAction {
        if node.isText {
            let metrics = node.textMetrics
            guard metrics.characters > 0, !frames.isEmpty else { return .skip }
            let top = frames.count - 1
            frames[top].stats.characters += metrics.characters
            frames[top].stats.commas += metrics.commas
            if linkDepth > 0 { frames[top].stats.linkCharacters += metrics.characters }
            if headingDepth > 0 { frames[top].stats.headingCharacters += metrics.characters }
            if let block = blockFrames.last {
                frames[block].ownCharacters += metrics.characters
                frames[block].ownCommas += metrics.commas
            }
            return .skip
        }
        guard node.isElement else { return .skip }
        let tag = node.name
        if ExtractionTables.embeds.contains(tag) {
            if !frames.isEmpty { frames[frames.count - 1].stats.embeds += 1 }
            return .skip
        }
        if ExtractionTables.inputs.contains(tag) {
            if !frames.isEmpty { frames[frames.count - 1].stats.inputs += 1 }
            return .skip
        }
        if tag == "img" {
            if !frames.isEmpty { frames[frames.count - 1].stats.images += 1 }
            return .skip
        }
        if TagTable.skipped.contains(tag) || HiddenElements.isHidden(node) { return .skip }
        if options.stripUnlikely, !frames.isEmpty, tableOrCodeDepth == 0, isUnlikely(node, tag: tag) {
            unlikely.append(node)
            return .skip
        }
        let isBlock = TagTable.blockLevel.contains(tag) || TagTable.cells.contains(tag)
        if isBlock { blockFrames.append(frames.count) }
        frames.append(Frame(node: node, tag: tag, isBlock: isBlock))
        if tag == "a" { linkDepth += 1 }
        if ExtractionTables.headings.contains(tag) { headingDepth += 1 }
        if tag == "table" || tag == "code" || tag == "pre" { tableOrCodeDepth += 1 }
        return .descend
    }

    private mutating func leave(_ node: Node) {
        guard let last = frames.last, last.node == node else { return }
        let frame = frames.removeLast()
        if frame.isBlock { blockFrames.removeLast() }
        let tag = frame.tag
        if tag == "a" { linkDepth -= 1 }
        if ExtractionTables.headings.contains(tag) { headingDepth -= 1 }
        if tag == "table" || tag == "code" || tag == "pre" { tableOrCodeDepth -= 1 }

        if frame.isBlock, frame.ownCharacters >= ExtractionTables.minParagraphCharacters, !ExtractionTables.unscoredBlocks.contains(tag) {
            let contentScore = 2.0 + Double(frame.ownCommas) + Double(min(frame.ownCharacters / 100, 3))
            scoreAncestors(contentScore)
        }
        var finished = frame.stats
        if let pending = pendingScores.removeValue(forKey: node) { finished.score = (finished.score ?? 0) + pending }
        stats[node] = finished

        guard !frames.isEmpty else { return }
        let parent = frames.count - 1
        frames[parent].stats.add(finished)
        switch tag {
        case "p": frames[parent].stats.paragraphs += 1
        case "li":
            frames[parent].stats.listItems += 1
            frames[parent].stats.listItemCharacters += finished.characters
        case "tr": frames[parent].stats.rows += 1
        case "td": frames[parent].stats.cells += 1
        case "th", "thead", "caption": frames[parent].stats.tableHeaders += 1
        default: break
        }
    }

    /// Scores added to elements still open on the stack; folded in when they close.
    private var pendingScores: [Node: Double] = [:]
    /// Starting scores given to elements when a paragraph first scores them.
    private var initialized: Set<Node> = []

    private mutating func scoreAncestors(_ contentScore: Double) {
        // frames now holds the ancestors of the paragraph that just closed: parent last.
        var level = 0
        var index = frames.count - 1
        while index >= 0, level < ExtractionTables.scoredAncestors {
            let ancestor = frames[index]
            if ancestor.tag == "html" { break }
            if !initialized.contains(ancestor.node) {
                initialized.insert(ancestor.node)
                var start = ExtractionTables.tagBonus(ancestor.tag)
                if options.weighClasses { start += Double(ClassWords.weight(ancestor.node)) }
                pendingScores[ancestor.node, default: 0] += start
            }
            let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
            pendingScores[ancestor.node, default: 0] += contentScore / divider
            level += 1
            index -= 1
        }
    }

    private func isUnlikely(_ node: Node, tag: String) -> Bool {
        guard tag != "body", tag != "a", tag != "article", tag != "main" else { return false }
        if let role = node.attribute("role"), ClassWords.unlikelyRoles.contains(role.lowercased()) { return true }
        guard let words = ClassWords.matchString(node) else { return false }
        return ClassWords.unlikely?.matches(words) == true && ClassWords.maybeCandidate?.matches(words) != true
    }
}
