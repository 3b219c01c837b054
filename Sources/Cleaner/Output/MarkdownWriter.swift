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
                let end = kept[index...].firstIndex { $0.kind != .tableRow || $0.markup?.tableRow == nil } ?? kept.count
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

    /// A run of table rows: a pipe table with the first row as its header when every row is one
    /// block of inline cells and some row has two cells; otherwise (a layout table, whose cells hold
    /// paragraphs) the rows' blocks as paragraphs.
    private static func table(_ blocks: [Block]) -> [Piece] {
        var rows: [[Block]] = []
        for block in blocks {
            if let last = rows.last?.last, last.markup?.tableRow == block.markup?.tableRow {
                rows[rows.count - 1].append(block)
            } else {
                rows.append([block])
            }
        }
        let cells = rows.map { row in row.count == 1 ? cellCount(keptLines(row[0]).joined(separator: " ")) : 0 }
        guard rows.allSatisfy({ $0.count == 1 }), let columns = cells.max(), columns >= 2 else {
            return blocks.map { Piece(text: keptLines($0).joined(separator: "\n")) }
        }
        var lines: [String] = []
        for (position, row) in rows.enumerated() {
            var line = keptLines(row[0]).joined(separator: " ")
            if position == 0 {
                // GitHub reads as many columns as the header has: pad it to the widest row.
                line += String(repeating: " |", count: columns - cells[0])
                lines.append("| " + line + " |")
                lines.append("|" + String(repeating: " --- |", count: columns))
            } else {
                lines.append("| " + line + " |")
            }
        }
        return [Piece(text: lines.joined(separator: "\n"))]
    }

    /// Cells in a rendered row: its unescaped `|` separators plus one.
    private static func cellCount(_ row: String) -> Int {
        var count = 1
        var escaped = false
        for character in row {
            if character == "|", !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
}

extension String {
    fileprivate func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
