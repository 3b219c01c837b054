/// One line rule's pattern over one document: each line is matched alone, as the rule says, but
/// only the lines that hold the pattern's required byte (`RequiredByte`), or else the lines a
/// single search of the whole document marked as possible matches (see `DocumentPattern`); every
/// line when the pattern cannot be searched that way.
struct LineMatcher {
    let pattern: Pattern
    /// Marks of the candidate lines, from `candidateStart` on (a screen's marks of all its
    /// patterns lie in one array), or nil for every line.
    private let candidates: [Bool]?
    private let candidateStart: Int
    /// The candidates hold only lines with the pattern's required byte or literals: they are not looked for again.
    private let screened: Bool
    private let firstLine: [Int]
    /// The joined lines, where a kept line's text is matched as it lies (it was kept when they
    /// were joined, and lines never change): no copy of the line's `String` a line and rule.
    private let lines: DocumentLines?

    init(_ pattern: Pattern, lines: DocumentLines?) {
        self.pattern = pattern
        candidates = pattern.searchesDocument ? lines.flatMap { pattern.candidateLines(in: $0) } : nil
        candidateStart = 0
        screened = false
        firstLine = lines?.firstLine ?? []
        self.lines = lines
    }

    /// The candidates a `LiteralScreen` found, `marks[start...]`, for the lines of `lines`.
    init(_ pattern: Pattern, screened marks: [Bool], from start: Int, lines: DocumentLines) {
        self.pattern = pattern
        candidates = marks
        candidateStart = start
        screened = true
        firstLine = lines.firstLine
        self.lines = lines
    }

    /// True when line `line` of block `block` matches.
    func matches(_ document: Document, block: Int, line: Int) -> Bool {
        let index = (firstLine.isEmpty ? 0 : firstLine[block]) + line
        if let candidates, !candidates[candidateStart + index] { return false }
        if let lines { return lines.withLine(index) { matches(bytes: $0) } }
        var text = document.blocks[block].lines[line].text
        return text.withUTF8 { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if screened { return pattern.matches(bytes: bytes, checksLiterals: false) }
        if let byte = pattern.requiredByte, !ByteSearch.contains(bytes, byte: byte) { return false }
        return pattern.matches(bytes: bytes)
    }

    /// What `visitMatchingKeptLines` does after a matching line.
    enum Visit {
        /// Goes on to the next line.
        case next
        /// Goes on to the next block: the rest of this one is not matched.
        case nextBlock
        /// Stops.
        case stop
    }

    /// Calls `body` with each kept line that matches, in document order: only the candidate lines
    /// are looked at, when there are candidates (most patterns have a handful in a document of
    /// hundreds of lines), without visiting every block and line.
    func visitMatchingKeptLines(in document: Document, _ body: (_ block: Int, _ line: Int) -> Visit) {
        guard let candidates, let lines else {
            blocks: for block in document.blocks.indices {
                for line in document.blocks[block].lines.indices where document.blocks[block].lines[line].isKept && matches(document, block: block, line: line) {
                    switch body(block, line) {
                    case .next: continue
                    case .nextBlock: continue blocks
                    case .stop: return
                    }
                }
            }
            return
        }
        var block = 0
        // The candidates found by memchr for a true (a Bool is the byte 1): a rule has a handful
        // among hundreds of lines, and some fifty rules walk them.
        candidates.withUnsafeBytes { marks in
            guard let start = marks.baseAddress.map({ $0 + candidateStart }) else { return }
            let count = lines.count
            var index = 0
            while let mark = LiteralScreen.nextMark(in: UnsafeRawPointer(start), from: index, count: count) {
                index = mark
                block = Self.block(holding: index, firstLine: firstLine, from: block)
                let line = index - firstLine[block]
                index += 1
                guard document.blocks[block].lines[line].isKept, lines.withLine(index - 1, { matches(bytes: $0) }) else { continue }
                switch body(block, line) {
                case .next: continue
                case .nextBlock: index = block + 1 < firstLine.count ? firstLine[block + 1] : count
                case .stop: return
                }
            }
        }
    }

    /// The block holding line `line`: the last whose first line is at or before it (`firstLine`
    /// is sorted), found from `start` on (at or before it) by halving, where a step a block
    /// cost each rule a walk of the document's blocks to its candidates.
    static func block(holding line: Int, firstLine: [Int], from start: Int) -> Int {
        var low = start
        var high = firstLine.count
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if firstLine[middle] <= line { low = middle } else { high = middle }
        }
        return low
    }

    /// Every kept line that matches, in document order.
    func matchingKeptLines(in document: Document) -> [(block: Int, line: Int)] {
        var found: [(block: Int, line: Int)] = []
        visitMatchingKeptLines(in: document) { block, line in
            found.append((block, line))
            return .next
        }
        return found
    }

    /// The blocks with a kept line that matches, in order.
    func matchingKeptBlocks(in document: Document) -> [Int] {
        var found: [Int] = []
        visitMatchingKeptLines(in: document) { block, _ in
            found.append(block)
            return .nextBlock
        }
        return found
    }

    /// The first block with a kept line that matches.
    func firstMatchingKeptBlock(in document: Document) -> Int? {
        var found: Int?
        visitMatchingKeptLines(in: document) { block, _ in
            found = block
            return .stop
        }
        return found
    }

    /// True when some kept line of block `block` matches.
    func hasKeptLine(_ document: Document, block: Int) -> Bool {
        document.blocks[block].lines.indices.contains { document.blocks[block].lines[$0].isKept && matches(document, block: block, line: $0) }
    }
}
