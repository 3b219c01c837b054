/// The Markdown side of `BlockSerializer`, used only when Markdown is asked for: a second buffer
/// that holds the block's text with inline marks (noncharacters, see `InlineMark`) where
/// emphasis, code and table cells start and end, and the list context of each block. The plain
/// buffer, which rules see, is not touched.
struct MarkupGatherer {
    var buffer: [UInt8] = []
    var breaks: [Int] = []
    /// Open lists, innermost last: their number in the page, ordered or not, the number of the last item.
    private var lists: [(id: Int, ordered: Bool, count: Int)] = []
    private var listsSeen = 0
    /// The marker of a list item whose first block is still to come.
    private var pendingMarker: String?
    private var row = 0
    private var rowDepth = 0
    /// Open tables, innermost last, by their number in the page.
    private var tables: [Int] = []
    private var tablesSeen = 0

    private static let styles: [PackedName: InlineMark.Style] = [
        PackedName("em"): .emphasis, PackedName("i"): .emphasis, PackedName("strong"): .strong, PackedName("b"): .strong,
        PackedName("code"): .code, PackedName("kbd"): .code, PackedName("samp"): .code, PackedName("tt"): .code,
    ]
    private static let orderedList = PackedName("ol")
    private static let unorderedLists: Set<PackedName> = [PackedName("ul"), PackedName("menu"), PackedName("dir")]
    private static let listItem = PackedName("li")
    private static let tableRow = PackedName("tr")
    private static let table = PackedName("table")

    /// A text node's bytes; noncharacters U+FDD0...U+FDEF of the page itself become spaces, so
    /// that only the serializer's marks are read as marks.
    mutating func appendText(of node: Node) {
        let start = buffer.count
        node.appendContent(to: &buffer)
        var index = start
        while index + 2 < buffer.count {
            if buffer[index] == 0xEF, buffer[index + 1] == 0xB7, (0x90...0xAF).contains(buffer[index + 2]) {
                buffer[index] = 0x20
                buffer[index + 1] = 0x20
                buffer[index + 2] = 0x20
            }
            index += 1
        }
    }

    mutating func appendMark(_ mark: InlineMark) {
        buffer.append(contentsOf: mark.bytes)
    }

    /// An inline element opens: its mark, when it is one that Markdown writes (not inside `<pre>`).
    mutating func enterInline(_ name: PackedName, preformatted: Bool) {
        guard !preformatted, let style = Self.styles[name] else { return }
        appendMark(InlineMark(style: style, opening: true))
    }

    mutating func leaveInline(_ name: PackedName, preformatted: Bool) {
        guard !preformatted, let style = Self.styles[name] else { return }
        appendMark(InlineMark(style: style, opening: false))
    }

    /// A block-level element opens (after the serializer flushed the block before it).
    mutating func enterBlock(_ node: Node, name: PackedName) {
        if name == Self.orderedList {
            let start = node.attribute("start").flatMap { Int($0.trimmingWhitespace()) } ?? 1
            listsSeen += 1
            lists.append((listsSeen, true, max(0, min(start, 1_000_000)) - 1))
        } else if Self.unorderedLists.contains(name) {
            listsSeen += 1
            lists.append((listsSeen, false, 0))
        } else if name == Self.listItem {
            // An item outside any list (broken markup) is a bullet.
            guard !lists.isEmpty else {
                pendingMarker = "-"
                return
            }
            lists[lists.count - 1].count += 1
            let top = lists[lists.count - 1]
            pendingMarker = top.ordered ? "\(top.count)." : "-"
        } else if name == Self.tableRow {
            row += 1
            rowDepth += 1
        } else if name == Self.table {
            tablesSeen += 1
            tables.append(tablesSeen)
        }
    }

    mutating func leaveBlock(_ name: PackedName) {
        if name == Self.orderedList || Self.unorderedLists.contains(name) {
            if !lists.isEmpty { lists.removeLast() }
        } else if name == Self.listItem {
            pendingMarker = nil
        } else if name == Self.tableRow {
            rowDepth = max(0, rowDepth - 1)
        } else if name == Self.table {
            if !tables.isEmpty { tables.removeLast() }
        }
    }

    /// The markup of the block being flushed, from its lines' marked text.
    mutating func markup(for kind: BlockKind, lines: [String]) -> BlockMarkup {
        var markup = BlockMarkup(lines: InlineMarkdown.render(lines, kind: kind), lists: lists.map(\.id))
        if kind == .listItem {
            markup.listMarker = pendingMarker
            pendingMarker = nil
        }
        if kind == .tableRow, rowDepth > 0 {
            markup.tableRow = row
            markup.table = tables.last
        }
        return markup
    }

    mutating func clear() {
        buffer.removeAll(keepingCapacity: true)
        breaks.removeAll(keepingCapacity: true)
    }
}

/// The marks the serializer leaves in marked text: noncharacters (U+FDD0...), which Unicode keeps
/// for a program's own use; the page's own are blanked out before they could be read as marks.
struct InlineMark: Equatable {
    enum Style: Int {
        case emphasis, strong, code, cell
    }

    let style: Style
    let opening: Bool

    var scalar: Unicode.Scalar {
        // U+FDD0 + 2 * style (+ 1 when closing); a cell separator is U+FDD6.
        Unicode.Scalar(0xFDD0 + UInt32(style.rawValue * 2) + (opening ? 0 : 1)) ?? " "
    }

    var bytes: [UInt8] { Array(String(Character(scalar)).utf8) }

    static let cell = InlineMark(style: .cell, opening: true)

    init(style: Style, opening: Bool) {
        self.style = style
        self.opening = opening
    }

    init?(_ scalar: Unicode.Scalar) {
        guard (0xFDD0...0xFDD6).contains(scalar.value) else { return nil }
        let offset = Int(scalar.value - 0xFDD0)
        guard let style = Style(rawValue: offset / 2) else { return nil }
        self.style = style
        self.opening = offset % 2 == 0
    }
}
