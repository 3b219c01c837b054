/// What the extraction knows about one element's subtree, gathered in a single bottom-up walk.
struct NodeStats {
    var characters = 0
    var linkCharacters = 0
    /// Characters of paragraphs (blocks with enough text of their own) that are mostly not links.
    var proseCharacters = 0
    var commas = 0
    var headingCharacters = 0
    var listItemCharacters = 0
    var paragraphs = 0
    var images = 0
    var listItems = 0
    var inputs = 0
    var embeds = 0
    var rows = 0
    var cells = 0
    var tableHeaders = 0
    /// Readability's content score; nil for elements that no paragraph scored.
    var score: Double?

    var linkDensity: Double {
        characters > 0 ? Double(linkCharacters) / Double(characters) : 0
    }

    /// The score weighed by how little of the text is links.
    var finalScore: Double {
        (score ?? 0) * (1 - linkDensity)
    }

    mutating func add(_ child: NodeStats) {
        characters += child.characters
        linkCharacters += child.linkCharacters
        proseCharacters += child.proseCharacters
        commas += child.commas
        headingCharacters += child.headingCharacters
        listItemCharacters += child.listItemCharacters
        paragraphs += child.paragraphs
        images += child.images
        listItems += child.listItems
        inputs += child.inputs
        embeds += child.embeds
        rows += child.rows
        cells += child.cells
        tableHeaders += child.tableHeaders
    }

    mutating func subtract(_ child: NodeStats) {
        characters -= child.characters
        linkCharacters -= child.linkCharacters
        proseCharacters -= child.proseCharacters
        commas -= child.commas
        headingCharacters -= child.headingCharacters
        listItemCharacters -= child.listItemCharacters
        paragraphs -= child.paragraphs
        images -= child.images
        listItems -= child.listItems
        inputs -= child.inputs
        embeds -= child.embeds
        rows -= child.rows
        cells -= child.cells
        tableHeaders -= child.tableHeaders
    }
}
