/// Runs a rule set's line rules over a document's blocks, in rule order (site file first, then
/// global). Rules mark lines as removed; a line removed once is not seen by later rules.
enum LineFilterChain {
    static func apply(_ rules: [RuleSet.LineRule], to document: inout Document) {
        for rule in rules {
            let reason = RemovalReason.rule(rule.source)
            switch rule.kind {
            case .dropLine:
                if let pattern = rule.pattern { DropMatching.lines(pattern, reason, in: &document) }
            case .dropBlock:
                if let pattern = rule.pattern { DropMatching.blocks(pattern, reason, in: &document) }
            case .dropFrom:
                if let pattern = rule.pattern { DropMatching.from(pattern, reason, in: &document) }
            case .dropBefore:
                if let pattern = rule.pattern { Neighbours.dropBefore(pattern, reason, in: &document) }
            case .teaser:
                if let pattern = rule.pattern { Neighbours.teasers(pattern, reason, in: &document) }
            case .dropRepeated:
                RepeatedText.dropAdjacentCopies(reason, in: &document)
            case .mainText:
                // Only text input: an HTML page's article was found on its DOM.
                if document.origin == .text { MainText.apply(reason, in: &document) }
            case .dropDuplicates:
                RepeatedText.dropLaterCopies(reason, in: &document)
            case .dropRepeatedTitle:
                RepeatedText.dropRepeatedTitle(reason, in: &document)
            case .dropOrphanHeadings:
                OrphanHeadings.drop(reason, in: &document)
            }
        }
    }
}

extension Block {
    /// True when some kept line matches.
    func hasKeptLine(matching pattern: Pattern) -> Bool {
        lines.contains { $0.isKept && pattern.matches($0.text) }
    }
}
