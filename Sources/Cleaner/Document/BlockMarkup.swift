/// A block's lines with their inline Markdown (`*em*`, `**strong**`, `` `code` ``, escapes, table
/// cells as `|`), one for each of the block's lines, and where the block sits in a list or table.
/// Made only when Markdown is asked for: rules still see, and mark, the plain lines.
public struct BlockMarkup: Sendable, Equatable {
    public var lines: [String]
    /// `-` or `3.` on the first block of a list item; nil on the item's later blocks.
    public var listMarker: String?
    /// Lists the block is inside (0 outside lists).
    public var listDepth: Int
    /// The table row the block belongs to (blocks of one row share it; cells holding paragraphs
    /// split a row into several blocks). Nil outside tables.
    public var tableRow: Int?

    public init(lines: [String], listMarker: String? = nil, listDepth: Int = 0, tableRow: Int? = nil) {
        self.lines = lines
        self.listMarker = listMarker
        self.listDepth = listDepth
        self.tableRow = tableRow
    }
}
