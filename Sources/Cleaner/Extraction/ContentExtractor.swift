/// Finds the article in a page that no site rule covers, the way Readability does: score
/// candidates, take the best one and its worthy siblings, then clear boilerplate out of them.
/// Every decision is a mark (`excluded`), not a change to the tree, so a failed attempt can be
/// retried with fewer filters without parsing the page again.
struct ContentExtractor {
    struct Result {
        /// The elements that hold the article, in document order.
        var roots: [Node]
        /// Elements inside the roots that are not article text, with why.
        var excluded: [Node: RemovalReason]
        /// Characters of article text left.
        var characters: Int
        /// Comment sections were kept after the article (`--comments`, or a discussion page whose
        /// comments are its content): the line rules that drop comment lists must leave them too.
        var keptComments = false
    }

    /// Attempts from strictest to most lenient, as Readability retries when too little text is found.
    private static let attempts: [ContentScorer.Options] = [
        .init(stripUnlikely: true, weighClasses: true),
        .init(stripUnlikely: false, weighClasses: true),
        .init(stripUnlikely: false, weighClasses: false),
    ]

    static func extract(body: Node, in document: HTMLDocument, title: String?, keepComments: Bool = false) -> Result {
        // The title's words, split once for every attempt's cleaning.
        let titleWords = title.map(ConditionalCleaner.words) ?? []
        // Comment sections are set aside first; with none found, that is the whole answer (nothing
        // was set aside, so it is the page scored as it is).
        var firstPass = FirstPass()
        var (result, comments) = article(body: body, in: document, titleWords: titleWords, skipComments: true, firstPass: &firstPass)
        guard !comments.isEmpty else { return result }
        if keepComments, result.characters < ExtractionTables.minParagraphCharacters {
            // Nothing outside the comment sections: the page is a thread of them, not an article with comments.
            let thread = article(body: body, in: document, titleWords: titleWords, skipComments: false, firstPass: &firstPass).result
            if thread.characters > result.characters { return thread }
        }
        let articleCharacters = result.characters
        // (Cleaning only takes text away: comments too short before it cannot make a discussion after.)
        if keepComments || DiscussionPages.isDiscussion(post: articleCharacters, comments: comments.reduce(0) { $0 + document.visibleCharacters(under: $1) }) {
            appendComments(comments, to: &result, in: document, titleWords: titleWords)
            if keepComments || DiscussionPages.isDiscussion(post: articleCharacters, comments: result.characters - articleCharacters) {
                result.keptComments = result.characters > articleCharacters
                return result
            }
        }
        // By default comment sections take their chances with the class words like any block
        // (Readability's "comment" words count against them, so most go).
        return article(body: body, in: document, titleWords: titleWords, skipComments: false, firstPass: &firstPass).result
    }

    /// What the first pass over the page found, for the pass that scores comment sections too.
    private struct FirstPass {
        /// The first walk's answers, read back by every later one.
        var answers: ContentScorer.Answers?
        /// The first attempt with comments set aside: its choice, cleaned, and the sections.
        var first: (chosen: Result, cleaned: Result, comments: [Node])?
        /// Each of those sections is one the first attempt skips as unlikely when it does not set
        /// comments aside: that attempt's walk is then the same but for those marks.
        var commentsUnlikely = false
    }

    private static let unlikelyReason = RemovalReason.heuristic(name: "unlikely candidate", category: .navigation, detail: "class, id or role")

    /// The article by the attempts in turn, and the comment sections the chosen attempt set aside.
    private static func article(
        body: Node, in document: HTMLDocument, titleWords: Set<String>, skipComments: Bool, firstPass: inout FirstPass
    ) -> (result: Result, comments: [Node]) {
        var best: (result: Result, comments: [Node])?
        var uncleaned: (result: Result, comments: [Node])?
        for (index, var options) in attempts.enumerated() {
            options.skipComments = skipComments
            var result: Result
            var comments: [Node]
            if index == 0, !skipComments, firstPass.commentsUnlikely, let first = firstPass.first {
                // The walk would be the first one's, each comment section skipped as unlikely.
                var chosen = first.chosen
                result = first.cleaned
                for section in first.comments {
                    chosen.excluded[section] = unlikelyReason
                    result.excluded[section] = unlikelyReason
                }
                uncleaned = (chosen, [])
                comments = []
            } else {
                var scorer = ContentScorer(options: options, earlier: firstPass.answers)
                scorer.score(body, in: document)
                if firstPass.answers == nil { firstPass.answers = scorer.answers }
                result = select(scorer: scorer, body: body)
                for node in scorer.unlikely { result.excluded[node] = unlikelyReason }
                let chosen = result
                comments = scorer.comments
                uncleaned = (chosen, comments)
                ConditionalCleaner.clean(&result, stats: scorer.stats, weighClasses: options.weighClasses, titleWords: titleWords)
                if index == 0, skipComments {
                    firstPass.first = (chosen, result, comments)
                    firstPass.commentsUnlikely = scorer.commentsUnlikely
                }
            }
            if result.characters >= ExtractionTables.minArticleCharacters {
                // A retry that reached the length only by choosing a region it then cleaned mostly
                // away (sidebars and link lists the strict attempt had set aside) is no better
                // than the short clean text an earlier attempt found.
                if let earlier = best, earlier.result.characters >= ExtractionTables.minTrustedShortCharacters,
                    Double(result.characters) < Double(uncleaned?.result.characters ?? 0) * ExtractionTables.minCleanedShare
                {
                    return earlier
                }
                return (result, comments)
            }
            if result.characters > best?.result.characters ?? -1 { best = (result, comments) }
        }
        // Every attempt cleaned its choice down to nothing, or to a few scraps of it: the page is
        // all widgets and lists by the numbers (a directory, a page of ads, products each in a
        // form). Its text as chosen beats an empty or near-empty answer.
        if let best, let uncleaned, uncleaned.result.characters > best.result.characters,
            best.result.characters < ExtractionTables.minParagraphCharacters
                || Double(best.result.characters) < Double(uncleaned.result.characters) * ExtractionTables.minCleanedShare
        {
            return uncleaned
        }
        return best ?? (Result(roots: [body], excluded: [:], characters: 0), [])
    }

    /// `--comments`: each comment section becomes a root after the article's, cleaned as article
    /// text is (reply forms, link lists and share bars go) but without the class words that would
    /// count "comment" against it. One inside the article is taken out of its place to come last.
    private static func appendComments(_ comments: [Node], to result: inout Result, in document: HTMLDocument, titleWords: Set<String>) {
        for section in comments {
            var scorer = ContentScorer(options: .init(stripUnlikely: false, weighClasses: false, skipComments: false))
            scorer.score(section, in: document)
            var cleaned = Result(roots: [section], excluded: [:], characters: 0)
            ConditionalCleaner.clean(&cleaned, stats: scorer.stats, weighClasses: false, titleWords: [])
            guard cleaned.characters > 0 else { continue }
            result.excluded.merge(cleaned.excluded) { first, _ in first }
            // Out of its place inside another root; the serializer still takes it as a root.
            result.excluded[section] = .heuristic(name: "comments", category: .comments, detail: "moved after the article")
            result.roots.append(section)
            result.characters += cleaned.characters
        }
    }

    /// The top candidate, moved up where its parent holds more of the article, plus its siblings
    /// that score close to it or read as prose.
    private static func select(scorer: ContentScorer, body: Node) -> Result {
        let stats = scorer.stats
        let ranked = scorer.candidates.sorted { $0.stats.finalScore > $1.stats.finalScore }
        guard var top = ranked.first?.node, let topStats = ranked.first?.stats, topStats.finalScore > 0 else {
            return Result(roots: [body], excluded: [:], characters: stats[body]?.characters ?? 0)
        }
        let topScore = topStats.finalScore

        // Several close runners-up under one ancestor: the article is that ancestor.
        let close = ranked.dropFirst().prefix(4).filter { $0.stats.finalScore / topScore >= 0.75 }.map(\.node)
        if close.count >= 3 {
            let closeAncestors = close.map(ancestors)
            var ancestor = top.parent
            while let current = ancestor, !current.hasName("body") {
                let containing = closeAncestors.filter { $0.contains(current) }.count
                if containing >= 3 {
                    top = current
                    break
                }
                ancestor = current.parent
            }
        }

        // Scores that rise again going up mean more of the article sits beside the candidate.
        var lastScore = stats[top]?.finalScore ?? topScore
        let threshold = lastScore / 3
        var ancestor = top.parent
        while let current = ancestor, !current.hasName("body") {
            guard let parentScore = stats[current]?.score.map({ _ in stats[current]?.finalScore ?? 0 }) else {
                ancestor = current.parent
                continue
            }
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = current
                break
            }
            lastScore = parentScore
            ancestor = current.parent
        }

        // An only child says nothing its parent would not: take the parent.
        while let parent = top.parent, !parent.hasName("body"), parent.elementChildCount == 1 {
            top = parent
        }

        var roots: [Node] = []
        var proseSiblings: Set<Node> = []
        let finalTopScore = stats[top]?.finalScore ?? topScore
        let siblingThreshold = max(10, finalTopScore * ExtractionTables.siblingScoreShare)
        let topClass = top.attribute("class") ?? ""
        if let parent = top.parent {
            // Prose siblings come only before the article (an intro, a deck, a verdict box);
            // after it, such blocks are notes, author boxes and comment policies.
            var beforeTop = true
            for sibling in parent.elementChildren {
                if sibling == top {
                    roots.append(sibling)
                    beforeTop = false
                    continue
                }
                guard let siblingStats = stats[sibling] else { continue }
                var bonus = 0.0
                if !topClass.isEmpty, sibling.attribute("class") == topClass { bonus = finalTopScore * 0.2 }
                if siblingStats.score != nil, siblingStats.finalScore + bonus >= siblingThreshold {
                    roots.append(sibling)
                } else if beforeTop, isProse(sibling, siblingStats) {
                    // (Not a candidate for widening below: the choice is judged on its scores.)
                    roots.append(sibling)
                    proseSiblings.insert(sibling)
                } else if sibling.hasName("p") || isPhrasing(sibling) {
                    let length = siblingStats.characters
                    if length > ExtractionTables.siblingParagraphCharacters, siblingStats.linkDensity < 0.25 {
                        roots.append(sibling)
                    } else if length > 0, length <= ExtractionTables.siblingParagraphCharacters, siblingStats.linkDensity == 0,
                        Headline.endsSentence(TextNormalizer.normalizeLine(sibling.textContent))
                    {
                        roots.append(sibling)
                    }
                }
            }
        } else {
            roots = [top]
        }
        if let parent = top.parent {
            // (Not scored either: these join for their place, not their numbers.)
            let lines = sectionLines(among: parent, roots: roots, stats: stats)
            if !lines.isEmpty {
                let joined = Set(roots).union(lines)
                roots = parent.elementChildren.filter { joined.contains($0) }
                proseSiblings.formUnion(lines)
            }
        }
        let scored = roots.filter { !proseSiblings.contains($0) }
        let wider = widened(scored, top: top, body: body, stats: stats)
        if wider != scored { roots = wider }
        let cells = LayoutTableCells.joining(top: top, roots: roots, stats: stats)
        roots = cells.before + roots + cells.after
        let characters = roots.reduce(0) { $0 + (stats[$1]?.characters ?? 0) }
        return Result(roots: roots, excluded: [:], characters: characters)
    }

    /// Headings and paragraphs without links among the article's parent's children that sit
    /// between blocks taken into the article: where its paragraphs are siblings taken one by one
    /// (a flat page of `<h3>` and `<p>`, a top candidate that is one `<p>` of lines), the headings
    /// between them are its section headings, and a paragraph without links there is its text,
    /// mostly a line too short to be taken by score or length (one that introduces a list, the
    /// date over an entry).
    /// Before the first block or after the last they are not: that is the page's title (metadata)
    /// or the heading of what follows. A link in the run, another kind of block, or a class or id
    /// that names chrome ("related-title", "widget-title") breaks it.
    private static func sectionLines(among parent: Node, roots: [Node], stats: NodeMap<NodeStats>) -> [Node] {
        guard roots.count >= 2 else { return [] }
        let taken = Set(roots)
        var lines: [Node] = []
        // Inside a run that a taken block opened, and the run's members so far.
        var open = false
        var pending: [Node] = []
        for child in parent.elementChildren {
            if taken.contains(child) {
                lines.append(contentsOf: pending)
                pending = []
                open = true
            } else if open, !ClassWords.isBoilerplate(child), ExtractionTables.traits(child.packedName).heading || isPlainParagraph(child, stats: stats) {
                pending.append(child)
            } else {
                pending = []
                open = false
            }
        }
        return lines
    }

    /// Whether `node` is a `<p>` with text and no link text.
    private static func isPlainParagraph(_ node: Node, stats: NodeMap<NodeStats>) -> Bool {
        guard node.hasName("p"), let counts = stats[node] else { return false }
        return counts.linkCharacters == 0 && counts.characters > 0
    }

    /// Text in an inline element straight inside the article's parent (a paragraph in a
    /// `<font>` or `<span>` between the blocks, as word processors write it) is a paragraph
    /// without its `<p>`: Readability wraps such runs in one before judging siblings, so it is
    /// judged as a `<p>` sibling is.
    private static func isPhrasing(_ node: Node) -> Bool {
        let entry = TagTable.entry(for: node.packedName)
        return !entry.blockLevel && !entry.cell && !entry.skipped && !ExtractionTables.traits(node.packedName).heading
    }

    /// A sibling block that is prose by its numbers (an intro, a deck, a verdict box, too short
    /// to score near the article) and whose class or id does not mark it as boilerplate.
    /// Headlines are not: a heading, or a header block that is mostly its headings, belongs to
    /// the metadata.
    static func isProse(_ node: Node, _ stats: NodeStats) -> Bool {
        guard !node.hasName("p"), !node.hasName("header"), stats.proseCharacters >= ExtractionTables.siblingParagraphCharacters,
            stats.linkDensity < ExtractionTables.maxSiblingLinkDensity,
            Double(stats.proseCharacters) >= Double(stats.characters) * ExtractionTables.minSiblingProseShare,
            Double(stats.headingCharacters) < Double(stats.characters) * ExtractionTables.minSiblingProseShare
        else { return false }
        return !ClassWords.isBoilerplate(node)
    }

    /// Scores favour the densest part of a page; where the page's prose is spread wider (a forum
    /// thread, a long page of sections), the nearest ancestor holding most of it is the article.
    private static func widened(_ roots: [Node], top: Node, body: Node, stats: NodeMap<NodeStats>) -> [Node] {
        let total = Double(stats[body]?.proseCharacters ?? 0)
        var selected = NodeStats()
        for root in roots { if let rootStats = stats[root] { selected.add(rootStats) } }
        let share = Double(selected.proseCharacters) / max(total, 1)
        guard total > 0, share < ExtractionTables.widenBelowProseShare else { return roots }
        var ancestor = top.parent
        while let current = ancestor, let ancestorStats = stats[current] {
            if Double(ancestorStats.proseCharacters) >= total * ExtractionTables.widenedProseShare {
                // Beyond a clear minority, widen only over more text like the article's: not over
                // headline lists (teasers, related stories), which are mostly links and headings.
                if share < ExtractionTables.minProseShare { return [current] }
                var added = ancestorStats
                added.subtract(selected)
                let headlines = Double(added.linkCharacters + added.headingCharacters) / Double(max(added.characters, 1))
                return headlines <= ExtractionTables.maxWidenedHeadlineShare ? [current] : roots
            }
            if current == body { break }
            ancestor = current.parent
        }
        return roots
    }

    private static func ancestors(_ node: Node) -> Set<Node> {
        var result: Set<Node> = []
        var current = node.parent
        while let up = current {
            result.insert(up)
            current = up.parent
        }
        return result
    }
}
