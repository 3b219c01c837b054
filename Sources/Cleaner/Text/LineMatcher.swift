import Glibc

/// One line rule's pattern over one document: each line is matched alone, as the rule says, but
/// only the lines that hold the pattern's required byte (`RequiredByte`), or else the lines a
/// single search of the whole document marked as possible matches (see `DocumentPattern`); every
/// line when the pattern cannot be searched that way.
struct LineMatcher {
    let pattern: Pattern
    private let candidates: [Bool]?
    private let firstLine: [Int]

    init(_ pattern: Pattern, lines: DocumentLines?) {
        self.pattern = pattern
        candidates = pattern.searchesDocument ? lines.flatMap { pattern.candidateLines(in: $0) } : nil
        firstLine = lines?.firstLine ?? []
    }

    /// True when line `line` of block `block` matches.
    func matches(_ document: Document, block: Int, line: Int) -> Bool {
        if let candidates, !candidates[firstLine[block] + line] { return false }
        return matches(document.blocks[block].lines[line].text)
    }

    private func matches(_ text: String) -> Bool {
        if let byte = pattern.requiredByte, !Self.holds(text, byte) { return false }
        return pattern.matches(text)
    }

    private static func holds(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Every kept line that matches, in document order: only the candidate lines are looked at,
    /// when there are candidates (most patterns have a handful in a document of hundreds of lines).
    func matchingKeptLines(in document: Document) -> [(block: Int, line: Int)] {
        var found: [(block: Int, line: Int)] = []
        guard let candidates else {
            for block in document.blocks.indices {
                for line in document.blocks[block].lines.indices where document.blocks[block].lines[line].isKept && matches(document, block: block, line: line) {
                    found.append((block, line))
                }
            }
            return found
        }
        var block = 0
        // The candidates found by memchr for a true (a Bool is the byte 1): a rule has a handful
        // among hundreds of lines, and some fifty rules walk them.
        candidates.withUnsafeBytes { marks in
            guard let base = marks.baseAddress else { return }
            var index = 0
            while index < marks.count, let mark = memchr(base + index, 1, marks.count - index) {
                index = base.distance(to: UnsafeRawPointer(mark))
                // `firstLine` is sorted: the block holding line `index` is at or after the last one.
                while block + 1 < firstLine.count, firstLine[block + 1] <= index { block += 1 }
                let line = index - firstLine[block]
                let text = document.blocks[block].lines[line]
                if text.isKept, matches(text.text) { found.append((block, line)) }
                index += 1
            }
        }
        return found
    }

    /// True when some kept line of block `block` matches.
    func hasKeptLine(_ document: Document, block: Int) -> Bool {
        document.blocks[block].lines.indices.contains { document.blocks[block].lines[$0].isKept && matches(document, block: block, line: $0) }
    }
}
