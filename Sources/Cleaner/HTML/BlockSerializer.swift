/// Turns the selected part of the DOM into blocks: block-level elements start and end blocks,
/// `<br>` breaks lines, table cells with text are joined by " | " (an empty cell leaves no
/// separator, a row of empty cells no line), hidden and non-text elements are skipped.
///
/// Text is gathered as the tree's own UTF-8 bytes and becomes `String`s only line by line, once
/// normalized: one copy of the page's text instead of one `String` per text node.
struct BlockSerializer {
    private(set) var blocks: [Block] = []
    /// The text of the block being gathered.
    private var buffer: [UInt8] = []
    /// Where `<br>`s broke lines in `buffer`. Outside `<pre>` a newline in markup is just whitespace,
    /// so breaks are kept apart; inside, the buffer holds the text's own newlines and a `<br>`'s.
    private var breaks: [Int] = []
    private var kinds: [BlockKind] = []
    private var preformattedDepth = 0
    /// A cell began after text on the current line: its separator is written before the next
    /// text, so that empty cells (layout tables' spacers) leave no separators behind.
    private var separatorOwed = false
    /// The current line (since the last break or block start) holds text other than spaces.
    private var lineHasText = false
    /// The row being gathered has had a cell (for the Markdown's cell marks).
    private var rowHasCell = false
    /// `--explain`: the marks removals left in the tree, and, in page order, each removal met with
    /// the index of the block that follows it.
    private let markers: RemovalMarkers?
    private(set) var markerPositions: [(removal: Int, block: Int)] = []
    /// Elements the extraction marked as not article text (or as coming later: a root is never skipped).
    private let excluded: [Node: RemovalReason]
    private var root: Node?
    /// An element `enter` skipped: the walk calls `leave` for it next, which must not close a block
    /// (or a list, a row) that the element never opened.
    private var skippedElement: Node?
    /// A removal came after text of the block being gathered (see `noteRemoval`).
    private var pendingRemovedAfter = false
    /// The Markdown of each block, when asked for (`--format markdown`); nil keeps the text path as it was.
    private var markup: MarkupGatherer?

    init(markers: RemovalMarkers? = nil, excluded: [Node: RemovalReason] = [:], markdown: Bool = false) {
        self.markers = markers
        self.excluded = excluded
        self.markup = markdown ? MarkupGatherer() : nil
    }

    private static let lineBreak = PackedName("br")
    private static let preformatted = PackedName("pre")
    private static let tableRow = PackedName("tr")

    mutating func serialize(_ root: Node, in document: HTMLDocument) {
        self.root = root
        document.walk(from: root, enter: { node in enter(node, in: document) }, leave: { node in leave(node) })
        flush()
    }

    private mutating func enter(_ node: Node, in document: HTMLDocument) -> WalkAction {
        if node.isText {
            let start = buffer.count
            node.appendContent(to: &buffer)
            if !Self.isBlank(buffer[start...]) {
                if separatorOwed { buffer.insert(contentsOf: Self.cellSeparator, at: start) }
                separatorOwed = false
                lineHasText = true
            }
            markup?.appendText(of: node)
            return .skip
        }
        if let markers, let index = markers.index(of: node) {
            markerPositions.append((index, blocks.count))
            if !excluded.isEmpty, excluded[node] != nil, node != root { noteRemoval(of: node, in: document) }
            skippedElement = node
            return .skip
        }
        guard node.isElement else { return .skip }
        let tag = TagTable.entry(for: node.packedName)
        if tag.skipped || HiddenElements.isHidden(node) || ControlElements.isControl(node) {
            skippedElement = node
            return .skip
        }
        if !excluded.isEmpty, excluded[node] != nil, node != root {
            noteRemoval(of: node, in: document)
            skippedElement = node
            return .skip
        }
        if tag.name == Self.lineBreak {
            if preformattedDepth > 0 {
                buffer.append(0x0A)
                markup?.buffer.append(0x0A)
            } else if let last = breaks.last, buffer[last...].allSatisfy(Self.isBlankAfterBreak) {
                // Two line breaks in a row end a paragraph, as they read in a browser.
                flush()
            } else {
                breaks.append(buffer.count)
                if let count = markup?.buffer.count { markup?.breaks.append(count) }
                lineHasText = false
                separatorOwed = false
            }
            return .skip
        }
        if tag.cell {
            if lineHasText { separatorOwed = true }
            // The Markdown keeps every cell, empty or not, so that a pipe table's columns line up;
            // `MarkdownWriter` drops the empty ones of a layout table.
            if rowHasCell { markup?.appendMark(.cell) }
            rowHasCell = true
        }
        if tag.blockLevel {
            flush()
            kinds.append(tag.kind ?? kinds.last ?? .paragraph)
            if tag.name == Self.preformatted { preformattedDepth += 1 }
            if tag.name == Self.tableRow { rowHasCell = false }
            markup?.enterBlock(node, name: tag.name == .long ? node.packedName : tag.name)
        } else if markup != nil {
            markup?.enterInline(node.packedName, preformatted: preformattedDepth > 0)
        }
        return .descend
    }

    private static let cellSeparator = Array(" | ".utf8)

    /// Text that normalizes to nothing: ASCII whitespace and no-break spaces (U+00A0, "&nbsp;",
    /// the usual filler of an empty layout cell).
    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isBlankAfterBreak(byte) {
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    /// An element the extraction left out: when it had text, the block before it (the one being
    /// gathered, or the last one) is marked as followed by a removal. Each such subtree is
    /// otherwise skipped, so reading it here keeps the walk linear.
    private mutating func noteRemoval(of node: Node, in document: HTMLDocument) {
        var hasText = false
        document.walk(from: node) { child in
            if hasText { return .skip }
            if child.isText {
                hasText = child.hasTextCharacters
                return .skip
            }
            return child.isElement && !TagTable.entry(for: child.packedName).skipped ? .descend : .skip
        }
        guard hasText else { return }
        if buffer.contains(where: { !Self.isBlankAfterBreak($0) }) {
            pendingRemovedAfter = true
        } else if !blocks.isEmpty {
            blocks[blocks.count - 1].removedAfter = true
        }
    }

    /// Spaces and tabs, and the newlines of markup text (which are spaces outside `<pre>`).
    private static func isBlankAfterBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func leave(_ node: Node) {
        guard node.isElement else { return }
        if let skipped = skippedElement, skipped == node {
            // A skipped block still ends the paragraph before it, as it always has.
            skippedElement = nil
            if TagTable.entry(for: node.packedName).blockLevel { flush() }
            return
        }
        let tag = TagTable.entry(for: node.packedName)
        guard tag.blockLevel else {
            if markup != nil { markup?.leaveInline(node.packedName, preformatted: preformattedDepth > 0) }
            return
        }
        flush()
        if !kinds.isEmpty { kinds.removeLast() }
        if tag.name == Self.preformatted { preformattedDepth -= 1 }
        markup?.leaveBlock(tag.name)
    }

    private mutating func flush() {
        defer {
            pendingRemovedAfter = false
            separatorOwed = false
            lineHasText = false
            buffer.removeAll(keepingCapacity: true)
            breaks.removeAll(keepingCapacity: true)
            markup?.clear()
        }
        guard !buffer.isEmpty else { return }
        let kind = kinds.last ?? .paragraph
        var lines: [String] = []
        buffer.withUnsafeBufferPointer { bytes in
            if preformattedDepth > 0 {
                // Lines end at "\n", but not at the "\n" of a "\r\n", which is one character.
                var start = 0
                for index in 0..<bytes.count where bytes[index] == 0x0A && !(index > 0 && bytes[index - 1] == 0x0D) {
                    let line = TextNormalizer.normalizePreformatted(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    if !line.isEmpty { lines.append(line) }
                    start = index + 1
                }
                let line = TextNormalizer.normalizePreformatted(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
                if !line.isEmpty { lines.append(line) }
            } else {
                var start = 0
                for end in breaks + [bytes.count] {
                    let line = TextNormalizer.normalizeLine(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    if !line.isEmpty { lines.append(line) }
                    start = end
                }
            }
        }
        guard !lines.isEmpty else { return }
        var block = Block(kind: kind, lines: lines)
        block.removedAfter = pendingRemovedAfter
        if markup != nil { block.markup = markedLines(kind: kind) }
        blocks.append(block)
    }

    /// The Markdown of the block being flushed: its marked buffer cut into lines where the plain
    /// one was (the two hold the same text and breaks, marks aside), each kept where the plain line is.
    private mutating func markedLines(kind: BlockKind) -> BlockMarkup? {
        guard let gatherer = markup else { return nil }
        var lines: [String] = []
        gatherer.buffer.withUnsafeBufferPointer { bytes in
            if preformattedDepth > 0 {
                var start = 0
                for index in 0..<bytes.count where bytes[index] == 0x0A && !(index > 0 && bytes[index - 1] == 0x0D) {
                    lines.append(TextNormalizer.normalizePreformatted(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index])))
                    start = index + 1
                }
                lines.append(TextNormalizer.normalizePreformatted(bytes: UnsafeBufferPointer(rebasing: bytes[start...])))
            } else {
                var start = 0
                for end in gatherer.breaks + [bytes.count] {
                    lines.append(TextNormalizer.normalizeLine(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])))
                    start = end
                }
            }
        }
        // A line is kept where its plain twin is non-empty: marks alone (empty cells' among them) make no line.
        let kept = lines.filter { !InlineMarkdown.removingMarks($0).trimmingWhitespace().isEmpty }
        return markup?.markup(for: kind, lines: kept)
    }
}
