/// The kept text as Markdown (CommonMark with GitHub's pipe tables): headings `#`, list items
/// `-` and `1.` (indented by nesting), `>` quotes, fenced code for `<pre>`, pipe tables for tables
/// whose cells hold only inline text, `*em*`, `**strong**` and `` `code` ``; links are their text.
/// Blocks are separated by a blank line, except list items and table rows, which follow each other.
/// A text scrape has no markup: its Markdown is its text, with its headline (see `DocumentFields`) as a `#` heading.
public enum MarkdownWriter {
    public static func markdown(of result: CleanResult) -> String {
        markdown(of: result.document)
    }

    static func markdown(of document: Document) -> String {
        var pieces: [Piece] = []
        let kept = document.blocks.filter(\.isKept)
        if document.origin == .text || kept.allSatisfy({ $0.markup == nil }) {
            let headline = DocumentFields.headline(of: document)
            for (index, block) in kept.enumerated() {
                let text = block.keptText
                pieces.append(Piece(text: index == 0 && headline != nil ? "# " + text.replacingNewlines(with: " ") : text))
            }
            return join(pieces)
        }
        var index = 0
        while index < kept.count {
            let block = kept[index]
            if block.kind == .tableRow, block.markup?.tableRow != nil {
                let number = block.markup?.table
                let end = kept[index...].firstIndex { $0.kind != .tableRow || $0.markup?.tableRow == nil || $0.markup?.table != number } ?? kept.count
                pieces.append(contentsOf: table(Array(kept[index..<end])))
                index = end
                continue
            }
            pieces.append(render(block))
            index += 1
        }
        return join(pieces)
    }

    /// A block's Markdown; list items carry the lists they are in.
    private struct Piece {
        var text: String
        var lists: [Int]?

        /// Items of one list, or of lists nested in one another, follow each other directly; a
        /// list that is neither (the next list on the page) starts after a blank line.
        func isTight(after previous: Piece) -> Bool {
            guard let lists, let before = previous.lists, let first = lists.first, first == before.first else { return false }
            return lists.starts(with: before) || before.starts(with: lists)
        }
    }

    private static func join(_ pieces: [Piece]) -> String {
        var output = ""
        for (position, piece) in pieces.enumerated() {
            if position > 0 { output += piece.isTight(after: pieces[position - 1]) ? "\n" : "\n\n" }
            output += piece.text
        }
        return output
    }

    /// The kept lines of a block, as Markdown when it has markup.
    private static func keptLines(_ block: Block) -> [String] {
        guard let markup = block.markup, markup.lines.count == block.lines.count else {
            return block.lines.filter(\.isKept).map(\.text)
        }
        return block.lines.indices.filter { block.lines[$0].isKept }.map { markup.lines[$0] }
    }

    private static func render(_ block: Block) -> Piece {
        let lines = keptLines(block)
        switch block.kind {
        case .heading(let level):
            return Piece(text: String(repeating: "#", count: min(max(level, 1), 6)) + " " + lines.joined(separator: " "))
        case .quote:
            return Piece(text: lines.map { "> " + $0 }.joined(separator: "\n"))
        case .preformatted:
            let fence = fence(for: lines)
            return Piece(text: ([fence] + lines + [fence]).joined(separator: "\n"))
        case .listItem:
            let lists = block.markup?.lists ?? []
            let depth = max(lists.count, 1)
            let indent = String(repeating: "  ", count: depth - 1)
            if let marker = block.markup?.listMarker {
                let continuation = indent + String(repeating: " ", count: marker.count + 1)
                let body = lines.enumerated().map { $0.offset == 0 ? indent + marker + " " + $0.element : continuation + $0.element }
                return Piece(text: body.joined(separator: "\n"), lists: lists)
            }
            // A later paragraph of an item (or a <dd>, outside lists): indented under it.
            let continuation = lists.isEmpty ? "" : indent + "  "
            return Piece(text: lines.map { continuation + $0 }.joined(separator: "\n"), lists: lists.isEmpty ? nil : lists)
        case .paragraph, .tableRow:
            return Piece(text: lines.joined(separator: "\n"))
        }
    }

    /// The fence of a code block: three backticks, or more than its longest run of them.
    private static func fence(for lines: [String]) -> String {
        var longest = 0
        for line in lines {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// A run of table rows: a pipe table with the first row as its header when some row has two
    /// cells and no cell is longer than `maxCell` (cells that hold paragraphs split a row into
    /// several blocks, joined again here); otherwise (a layout table, whose cells hold the page's
    /// text) the rows' blocks as paragraphs.
    private static func table(_ blocks: [Block]) -> [Piece] {
        var rows: [[Block]] = []
        for block in blocks {
            if let last = rows.last?.last, last.markup?.tableRow == block.markup?.tableRow {
                rows[rows.count - 1].append(block)
            } else {
                rows.append([block])
            }
        }
        let lines = rows.map { row in row.flatMap(keptLines).joined(separator: " ") }
        let cells = lines.map(cells)
        guard let columns = cells.map(\.count).max(), columns >= 2,
            cells.allSatisfy({ $0.allSatisfy { $0.count <= maxCell } })
        else {
            // Cells here are the page's columns, not data: an empty one leaves no separator.
            return blocks.compactMap { block in
                let text = keptLines(block).map { line in
                    Self.cells(line).filter { !$0.isEmpty }.joined(separator: " | ")
                }.filter { !$0.isEmpty }.joined(separator: "\n")
                return text.isEmpty ? nil : Piece(text: text)
            }
        }
        var output: [String] = []
        for (position, row) in cells.enumerated() {
            // GitHub reads as many columns as the header has: pad it to the widest row.
            let padded = position == 0 ? row + Array(repeating: "", count: columns - row.count) : row
            output.append("|" + padded.map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|")
            if position == 0 { output.append("|" + String(repeating: " --- |", count: columns)) }
        }
        return [Piece(text: output.joined(separator: "\n"))]
    }

    /// A cell longer than this is a layout table's column of text, not a table's cell.
    static let maxCell = 400

    /// The cells of a rendered row: its text cut at unescaped `|`, each trimmed.
    private static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row {
            if character == "|", !escaped {
                cells.append(String(current.trimmingWhitespace()))
                current = ""
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        cells.append(String(current.trimmingWhitespace()))
        return cells
    }

}

extension String {
    fileprivate func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
