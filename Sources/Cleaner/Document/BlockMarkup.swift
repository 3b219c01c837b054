/// A block's lines with their inline Markdown (`*em*`, `**strong**`, `` `code` ``, escapes, table
/// cells as `|`), one for each of the block's lines, and where the block sits in a list or table.
/// Made only when Markdown is asked for: rules still see, and mark, the plain lines.
public struct BlockMarkup: Sendable, Equatable {
    public var lines: [String]
    /// `-` or `3.` on the first block of a list item; nil on the item's later blocks.
    public var listMarker: String?
    /// The lists the block is inside, outermost first, each by its number in the page (empty outside
    /// lists): items of one list, or of lists nested in one another, follow each other without a blank line.
    public var lists: [Int]
    /// The table row the block belongs to (blocks of one row share it; cells holding paragraphs
    /// split a row into several blocks). Nil outside tables.
    public var tableRow: Int?
    /// The table the row belongs to, by its number in the page.
    public var table: Int?

    public init(lines: [String], listMarker: String? = nil, lists: [Int] = [], tableRow: Int? = nil) {
        self.lines = lines
        self.listMarker = listMarker
        self.lists = lists
        self.tableRow = tableRow
    }
}
