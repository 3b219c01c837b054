/// Turns the selected part of the DOM into blocks: block-level elements start and end blocks,
/// `<br>` breaks lines, table cells are joined by " | ", hidden and non-text elements are skipped.
struct BlockSerializer {
    private(set) var blocks: [Block] = []
    private var buffer = ""
    private var kinds: [BlockKind] = []
    private var preformattedDepth = 0
    private var rowHasCell = false
    /// `--explain`: the marks removals left in the tree, and, in page order, each removal met with
    /// the index of the block that follows it.
    private let markers: RemovalMarkers?
    private(set) var markerPositions: [(removal: Int, block: Int)] = []
    /// Elements the extraction marked as not article text.
    private let excluded: [Node: RemovalReason]

    init(markers: RemovalMarkers? = nil, excluded: [Node: RemovalReason] = [:]) {
        self.markers = markers
        self.excluded = excluded
    }

    mutating func serialize(_ root: Node, in document: HTMLDocument) {
        document.walk(from: root, enter: { node in enter(node) }, leave: { node in leave(node) })
        flush()
    }

    private mutating func enter(_ node: Node) -> WalkAction {
        if node.isText {
            // A newline in markup is just whitespace; only <br> (and <pre>) break lines.
            if let content = node.content {
                buffer += preformattedDepth > 0 ? content : content.replacingNewlines()
            }
            return .skip
        }
        if let markers, let index = markers.index(of: node) {
            markerPositions.append((index, blocks.count))
            return .skip
        }
        guard node.isElement else { return .skip }
        let tag = node.name
        if TagTable.skipped.contains(tag) || HiddenElements.isHidden(node) { return .skip }
        if !excluded.isEmpty, excluded[node] != nil { return .skip }
        if tag == "br" {
            // Two line breaks in a row end a paragraph, as they read in a browser.
            if preformattedDepth == 0, buffer.last(where: { $0 != " " && $0 != "\t" }) == "\n" {
                flush()
            } else {
                buffer += "\n"
            }
            return .skip
        }
        if TagTable.cells.contains(tag) {
            if rowHasCell { buffer += " | " }
            rowHasCell = true
        }
        if TagTable.blockLevel.contains(tag) {
            flush()
            kinds.append(TagTable.kind(for: tag) ?? kinds.last ?? .paragraph)
            if tag == "pre" { preformattedDepth += 1 }
            if tag == "tr" { rowHasCell = false }
        }
        return .descend
    }

    private mutating func leave(_ node: Node) {
        guard node.isElement else { return }
        let tag = node.name
        guard TagTable.blockLevel.contains(tag) else { return }
        flush()
        if !kinds.isEmpty { kinds.removeLast() }
        if tag == "pre" { preformattedDepth -= 1 }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let kind = kinds.last ?? .paragraph
        var lines: [String] = []
        for raw in buffer.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = preformattedDepth > 0 ? TextNormalizer.normalizePreformatted(raw) : TextNormalizer.normalizeLine(raw)
            if !line.isEmpty { lines.append(line) }
        }
        buffer = ""
        if !lines.isEmpty { blocks.append(Block(kind: kind, lines: lines)) }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
