/// Runs a rule set's line rules over a document's blocks, in rule order (site file first, then
/// global). Rules mark lines as removed; a line removed once is not seen by later rules.
enum LineFilterChain {
    /// `read`: the document's lines as its reader joined them (`TextReader.Reading`), if any.
    static func apply(_ rules: [RuleSet.LineRule], to document: inout Document, read: DocumentLines? = nil) {
        // Rules mark lines and never change their text: one joined text serves every pattern, made
        // when the first pattern that searches it comes, and again without the removed lines after
        // main_text, which removes most of a whole page.
        var lines: DocumentLines?
        var read = read
        var staleLines = true
        // Each rule file's screen, run once over the document for all of its rules (nil while
        // the file's rules search on their own): lines only ever go, so candidates stay candidates.
        var screened: [(pass: LiteralPass, candidates: LiteralScreen.Candidates?)] = []
        // The entry of the file whose rules run now, kept at hand as plain values: a file's rules
        // come together, and most of them have no candidate line in a document. Its pass's
        // identity, which of its slots are screened and its candidates' rows (all empty while it
        // has no candidates), each a local of its own: a rule without a candidate line is passed
        // over on these and its slot alone, with nothing retained (a search of `screened`, or a
        // copy of the entry it finds, cost more than many rules' own work).
        var currentPass: UnsafeMutableRawPointer?
        var screens: [Bool] = []
        var rowStart: [Int] = []
        var marks: [Bool] = []
        // By index, each field read as it is needed: a copy of each rule (its pattern, source and
        // slot retained and released) cost more than most rules' search.
        for index in rules.indices {
            var matcher: LineMatcher?
            if let slot = rules[index].literalSlot {
                if slot.passIdentity != currentPass {
                    // The current entry's pass is in `screened`: the text is joined only for a
                    // pass not screened yet.
                    if staleLines, screened.allSatisfy({ $0.pass !== slot.pass }) {
                        lines = Self.join(document, earlier: lines, read: &read)
                        staleLines = false
                    }
                    if let lines {
                        let entry = Self.entry(slot.pass, lines, &screened)
                        currentPass = slot.passIdentity
                        if let candidates = entry.candidates, let screenedSlots = slot.pass.screenedSlots {
                            screens = screenedSlots
                            rowStart = candidates.rowStart
                            marks = candidates.marks
                        } else {
                            screens = []
                            rowStart = []
                            marks = []
                        }
                    }
                }
                if slot.passIdentity == currentPass, let count = lines?.count, slot.index < screens.count, screens[slot.index] {
                    // No candidate among the marks the matcher would read (or no row of them at
                    // all): no line matches, and the rule (whose removals all follow a matching
                    // line) has nothing to do.
                    let slotIndex = slot.index
                    guard slotIndex < rowStart.count, rowStart[slotIndex] >= 0, Self.hasMark(marks, from: rowStart[slotIndex], count: count) else { continue }
                    if let pattern = rules[index].pattern, let lines {
                        matcher = LineMatcher(pattern, screened: marks, from: rowStart[slotIndex], lines: lines)
                    }
                }
            }
            if matcher == nil, let pattern = rules[index].pattern {
                if staleLines, pattern.searchesDocument {
                    lines = Self.join(document, earlier: lines, read: &read)
                    staleLines = false
                }
                matcher = LineMatcher(pattern, lines: lines)
            }
            let reason = rules[index].reason
            switch rules[index].kind {
            case .dropLine:
                if let matcher { DropMatching.lines(matcher, reason, in: &document) }
            case .dropUnrepeated:
                if let matcher { DropMatching.unrepeatedLines(matcher, reason, in: &document) }
            case .dropBlock:
                if let matcher { DropMatching.blocks(matcher, reason, in: &document) }
            case .dropFrom:
                if let matcher { DropMatching.from(matcher, reason, in: &document) }
            case .dropFromRepeated:
                if let matcher { DropMatching.fromRepeated(matcher, reason, in: &document) }
            case .dropBefore:
                if let matcher { Neighbours.dropBefore(matcher, reason, in: &document) }
            case .teaser:
                if let matcher { Neighbours.teasers(matcher, reason, in: &document) }
            case .dropWithTitles:
                if let matcher { HeadedTitles.drop(matcher, reason, in: &document) }
            case .dropRepeated:
                RepeatedText.dropAdjacentCopies(reason, in: &document)
            case .mainText:
                // Only text input: an HTML page's article was found on its DOM.
                if document.origin == .text {
                    MainText.apply(reason, in: &document)
                    staleLines = true
                }
            case .dropDuplicates:
                RepeatedText.dropLaterCopies(reason, in: &document)
            case .dropRepeatedLines:
                // Only text input: an HTML page marks its captions (figcaption, caption classes),
                // and lines its extraction kept four times over are its tables' and lists' own.
                if document.origin == .text { RepeatedText.dropRepeatedLines(reason, in: &document) }
            case .dropNameLists:
                // Only text input: an HTML page's dropdowns are form controls, pruned with the form.
                if document.origin == .text { NameLists.drop(reason, in: &document) }
            case .dropRepeatedTitle:
                RepeatedText.dropRepeatedTitle(reason, in: &document)
            case .dropTrailingTitles:
                TrailingTitles.drop(reason, in: &document)
            case .dropOrphanHeadings:
                OrphanHeadings.drop(reason, in: &document)
            }
        }
    }

    /// `DocumentLines(document)`: the reader's join while no line is removed, else cut from the
    /// earlier join (lines only ever go), else joined from the lines' texts.
    private static func join(_ document: Document, earlier: DocumentLines?, read: inout DocumentLines?) -> DocumentLines? {
        defer { read = nil }
        if let earlier { return DocumentLines(document, after: earlier) }
        if let read, read.isJoin(of: document) { return read }
        return DocumentLines(document)
    }

    /// Whether `marks[start ..< start + count]` holds a true (within the array).
    static func hasMark(_ marks: [Bool], from start: Int, count: Int) -> Bool {
        marks.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, start < bytes.count else { return false }
            return LiteralScreen.nextMark(in: base + start, from: 0, count: min(count, bytes.count - start)) != nil
        }
    }

    /// The entry of `pass` in `screened`: the candidates of its file's rules, from its screen run
    /// once on `lines` (added when it is not there yet).
    private static func entry(_ pass: LiteralPass, _ lines: DocumentLines, _ screened: inout [(pass: LiteralPass, candidates: LiteralScreen.Candidates?)]) -> (pass: LiteralPass, candidates: LiteralScreen.Candidates?) {
        if let done = screened.first(where: { $0.pass === pass }) { return done }
        let candidates = pass.current(forSubjectBytes: lines.text.count)?.candidateLines(in: lines)
        screened.append((pass, candidates))
        return (pass, candidates)
    }
}
