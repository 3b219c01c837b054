/// The article's other cells in a table layout. An old page set in a table puts its intro, deck
/// or first paragraphs in one row and the body in the next (a letter per row, a section per
/// row), and the scores pick one cell: the cells of the other rows are not its siblings, so
/// Readability's sibling step never sees them. Here the chosen cell's table is read row by row,
/// as that step reads a parent's children: a cell of prose before the article joins it (an
/// intro, as prose siblings do), and one after joins when it holds a good share of the article's
/// prose (the next letter or section); menus, headline rows and short notes stay out.
enum LayoutTableCells {
    /// The cells that join the article, before and after the roots, in document order.
    /// Only rows of the nearest table around `top` are read (one step per row and cell), and only
    /// when every root lies in `top`'s cell.
    static func joining(top: Node, roots: [Node], stats: NodeMap<NodeStats>) -> (before: [Node], after: [Node]) {
        guard let cell = enclosingCell(of: top), let row = cell.parent, row.hasName("tr"),
            roots.allSatisfy({ $0 == cell || isInside($0, cell) })
        else { return ([], []) }
        let section = row.parent
        guard let table = section.flatMap({ $0.hasName("table") ? $0 : $0.parent }), table.hasName("table") else { return ([], []) }
        var selected = NodeStats()
        for root in roots { if let rootStats = stats[root] { selected.add(rootStats) } }
        let laterShare = Double(selected.proseCharacters) * ExtractionTables.minLaterCellProseShare
        var before: [Node] = []
        var after: [Node] = []
        var beforeRow = true
        for candidate in rows(of: table) {
            if candidate == row {
                beforeRow = false
                continue
            }
            for other in candidate.elementChildren where other.hasName("td") || other.hasName("th") {
                guard let otherStats = stats[other], ContentExtractor.isProse(other, otherStats) else { continue }
                if beforeRow {
                    before.append(other)
                } else if Double(otherStats.proseCharacters) >= laterShare {
                    after.append(other)
                }
            }
        }
        return (before, after)
    }

    /// The table's rows, straight under it or in its `thead`, `tbody` and `tfoot`.
    private static func rows(of table: Node) -> [Node] {
        var rows: [Node] = []
        for child in table.elementChildren {
            if child.hasName("tr") {
                rows.append(child)
            } else if child.hasName("tbody") || child.hasName("thead") || child.hasName("tfoot") {
                rows.append(contentsOf: child.elementChildren.filter { $0.hasName("tr") })
            }
        }
        return rows
    }

    /// The nearest `td` or `th` at or above `node`, below the nearest table.
    private static func enclosingCell(of node: Node) -> Node? {
        var current: Node? = node
        while let element = current, element.isElement {
            if element.hasName("td") || element.hasName("th") { return element }
            if element.hasName("table") || element.hasName("body") { return nil }
            current = element.parent
        }
        return nil
    }

    private static func isInside(_ node: Node, _ ancestor: Node) -> Bool {
        var current = node.parent
        while let up = current {
            if up == ancestor { return true }
            current = up.parent
        }
        return false
    }
}
