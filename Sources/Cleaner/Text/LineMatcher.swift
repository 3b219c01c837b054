/// One line rule's pattern over one document: each line is matched alone, as the rule says, but
/// only the lines that hold the pattern's required byte (`RequiredByte`), or else the lines a
/// single search of the whole document marked as possible matches (see `DocumentPattern`); every
/// line when the pattern cannot be searched that way.
struct LineMatcher {
    let pattern: Pattern
    /// Marks of the candidate lines, from `candidateStart` on (a screen's marks of all its
    /// patterns lie in one array); empty, with `hasCandidates` false, for every line.
    private let candidates: [Bool]
    private let hasCandidates: Bool
    private let candidateStart: Int
    /// The candidates hold only lines with the pattern's required byte or literals: they are not looked for again.
    private let screened: Bool
    private let firstLine: [Int]
    /// The joined lines' text and where each line starts (`DocumentLines`), where a kept line's
    /// text is matched as it lies (it was kept when they were joined, and lines never change):
    /// no copy of the line's `String` a line and rule. Held as plain arrays (empty, with
    /// `hasLines` false, without a join), read in place: an optional `DocumentLines` was copied
    /// out, each of its arrays retained and released, at each walk of a rule's candidates.
    private let text: [UInt8]
    private let starts: [Int]
    private let hasLines: Bool

    init(_ pattern: Pattern, lines: DocumentLines?) {
        self.pattern = pattern
        let candidates = pattern.searchesDocument ? lines.flatMap { pattern.candidateLines(in: $0) } : nil
        self.candidates = candidates ?? []
        hasCandidates = candidates != nil
        candidateStart = 0
        screened = false
        firstLine = lines?.firstLine ?? []
        text = lines?.text ?? []
        starts = lines?.starts ?? []
        hasLines = lines != nil
    }

    /// The candidates a `LiteralScreen` found, `marks[start...]`, for the lines of `lines`.
    init(_ pattern: Pattern, screened marks: [Bool], from start: Int, lines: DocumentLines) {
        self.pattern = pattern
        candidates = marks
        hasCandidates = true
        candidateStart = start
        screened = true
        firstLine = lines.firstLine
        text = lines.text
        starts = lines.starts
        hasLines = true
    }

    /// True when line `line` of block `block` matches.
    func matches(_ document: Document, block: Int, line: Int) -> Bool {
        let index = (firstLine.isEmpty ? 0 : firstLine[block]) + line
        if hasCandidates, !candidates[candidateStart + index] { return false }
        if hasLines { return text.withUnsafeBufferPointer { matches(bytes: Self.line(index, of: $0, starts: starts)) } }
        var text = document.blocks[block].lines[line].text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// Line `index` of the joined `text` whose lines start at `starts`, without its "\n" (as `DocumentLines.bounds(of:)`).
    @inline(__always)
    private static func line(_ index: Int, of text: UnsafeBufferPointer<UInt8>, starts: [Int]) -> UnsafeBufferPointer<UInt8> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : text.count
        return UnsafeBufferPointer(rebasing: text[starts[index]..<end])
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
        guard hasCandidates, hasLines else {
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
            text.withUnsafeBufferPointer { text in
                guard let start = marks.baseAddress.map({ $0 + candidateStart }) else { return }
                let count = starts.count
                var index = 0
                while let mark = LiteralScreen.nextMark(in: UnsafeRawPointer(start), from: index, count: count) {
                    index = mark
                    block = Self.block(holding: index, firstLine: firstLine, from: block)
                    let line = index - firstLine[block]
                    index += 1
                    guard document.blocks[block].lines[line].isKept, matches(bytes: Self.line(index - 1, of: text, starts: starts)) else { continue }
                    switch body(block, line) {
                    case .next: continue
                    case .nextBlock: index = block + 1 < firstLine.count ? firstLine[block + 1] : count
                    case .stop: return
                    }
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
