/// `drop_trailing_titles`: what a scrape holds after the article's last sentence, when none of it
/// is a sentence, is the container's chrome: related headlines, a share bar, tags, "Back to
/// gallery". An article closes on prose; the lines after its last paragraph that say nothing in
/// sentences are links. They stay for a sentence among them (a credit line, a note) or a line
/// too long for a title (a summary cut short may be the page's own text); for a colon that
/// announces them (the article's own list); for a shared shape (tour dates "June 9 – City @
/// Venue", numbered items "11) Title", a table's rows: lines written to one pattern are the
/// article's list, while headlines of other articles follow no common pattern); and, in an HTML
/// page, for list or table markup around them. A sign-off right after the last sentence
/// ("Sincerely," over a name) stays, and the lines after it are looked at alone.
/// Language-neutral: punctuation, word counts and the line weights of `MainText`; only a sign-off
/// on one line is read by its greeting word (`SignOff.greetings`).
enum TrailingTitles {
    /// A tail of at least this many lines is looked at for a shared shape (fewer are no list).
    static let minListLines = 3
    /// Share of the tail's lines that, written to one shape, make it a list.
    static let listShapeShare = 0.4

    static func drop(_ reason: RemovalReason, in document: inout Document) {
        // The tail: kept lines after the last one that weighs as prose, walked from the end.
        var tail: [(block: Int, line: Int)] = []
        var lastProse: String?
        search: for blockIndex in document.blocks.indices.reversed() {
            for lineIndex in document.blocks[blockIndex].lines.indices.reversed() {
                let line = document.blocks[blockIndex].lines[lineIndex]
                guard line.isKept else { continue }
                if MainText.weight(line.text) > 0 {
                    lastProse = line.text
                    break search
                }
                // A sentence in the tail, or a paragraph too long for a title: the article goes
                // on past its last long paragraph.
                if !Headline.isHeadlineLike(line.text), !line.text.isEmpty { return }
                // A list or a table the page marks as one (HTML) is the article's.
                if marksList(document.blocks[blockIndex].kind) { return }
                tail.append((blockIndex, lineIndex))
            }
        }
        // No prose at all: a list or a form, with no article to close.
        guard let lastProse, !tail.isEmpty else { return }
        // "The tour dates:" announces the lines after it.
        if let last = lastProse.last, MainText.listIntroducers.contains(last) { return }
        // The post's sign-off right after its last sentence is the writer's: it stays.
        let signOff = SignOff.count(tail.reversed().map { document.blocks[$0.block].lines[$0.line].text })
        tail.removeLast(signOff)
        guard !tail.isEmpty else { return }
        let texts = tail.map { document.blocks[$0.block].lines[$0.line].text }
        if isList(texts) { return }
        for (block, line) in tail {
            document.blocks[block].lines[line].removedBy = reason
        }
    }

    static func marksList(_ kind: BlockKind) -> Bool {
        switch kind {
        case .listItem, .tableRow: true
        default: false
        }
    }

    /// At least `minListLines` lines, `listShapeShare` of them with the same shape, not empty.
    static func isList(_ lines: [String]) -> Bool {
        guard lines.count >= minListLines else { return false }
        var counts: [String: Int] = [:]
        for line in lines {
            let shape = shape(of: line)
            guard !shape.isEmpty else { continue }
            counts[shape, default: 0] += 1
        }
        guard let most = counts.values.max() else { return false }
        return Double(most) >= listShapeShare * Double(lines.count)
    }

    /// The line's punctuation and symbols in order, each run of words and spaces between them one
    /// space: "June 9 – Tampa, FL @ Amphitheatre" is "– , @", "11) Title" is ")".
    static func shape(of line: String) -> String {
        var shape = ""
        var gap = false
        for scalar in line.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.isWhitespace || scalar == "_" {
                gap = true
                continue
            }
            if gap, !shape.isEmpty { shape.append(" ") }
            gap = false
            shape.unicodeScalars.append(scalar)
        }
        return shape
    }
}
