/// Runs a rule set's line rules over a document's blocks, in rule order (site file first, then
/// global). Rules mark lines as removed; a line removed once is not seen by later rules.
enum LineFilterChain {
    static func apply(_ rules: [RuleSet.LineRule], to document: inout Document) {
        // Rules mark lines and never change their text: one joined text serves every pattern, made
        // when the first pattern that searches it comes, and again without the removed lines after
        // main_text, which removes most of a whole page.
        var lines: DocumentLines?
        var staleLines = true
        for rule in rules {
            if staleLines, rule.pattern?.searchesDocument == true {
                lines = DocumentLines(document)
                staleLines = false
            }
            let reason = RemovalReason.rule(rule.source)
            let matcher = rule.pattern.map { LineMatcher($0, lines: lines) }
            switch rule.kind {
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
}
