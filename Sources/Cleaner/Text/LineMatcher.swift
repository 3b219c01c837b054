/// One line rule's pattern over one document: each line is matched alone, as the rule says, but
/// only the lines a single search of the whole document marked as possible matches (see
/// `DocumentPattern`); every line when the pattern cannot be searched that way.
struct LineMatcher {
    let pattern: Pattern
    private let candidates: [Bool]?
    private let firstLine: [Int]

    init(_ pattern: Pattern, lines: DocumentLines?) {
        self.pattern = pattern
        candidates = lines.flatMap { pattern.candidateLines(in: $0) }
        firstLine = lines?.firstLine ?? []
    }

    /// True when line `line` of block `block` matches.
    func matches(_ document: Document, block: Int, line: Int) -> Bool {
        if let candidates, !candidates[firstLine[block] + line] { return false }
        return pattern.matches(document.blocks[block].lines[line].text)
    }

    /// True when some kept line of block `block` matches.
    func hasKeptLine(_ document: Document, block: Int) -> Bool {
        document.blocks[block].lines.indices.contains { document.blocks[block].lines[$0].isKept && matches(document, block: block, line: $0) }
    }
}
