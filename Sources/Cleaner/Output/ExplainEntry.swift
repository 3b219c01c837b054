/// One unit of an explain report, in document order: a block of the document (its lines kept or
/// removed), or a piece of markup an HTML rule removed before the page became blocks.
public struct ExplainEntry: Sendable {
    public enum Origin: Sendable, Equatable {
        /// A block of the document: a paragraph, heading, list item, ...
        case block(BlockKind)
        /// An element an HTML rule or heuristic removed from the page (`strip`, `prune`, ...).
        case markup
    }

    public let origin: Origin
    public let lines: [Line]

    /// The document's entries: each removed element just before the block that followed it in the
    /// page, and those whose place is not known (outside the part of the page read) first.
    public static func entries(of document: Document) -> [ExplainEntry] {
        var before: [Int: [ExplainEntry]] = [:]
        var unplaced: [ExplainEntry] = []
        for element in document.removedElements {
            let entry = ExplainEntry(origin: .markup, lines: [Line(text: element.text, removedBy: element.reason)])
            if let position = element.position {
                before[min(position, document.blocks.count), default: []].append(entry)
            } else {
                unplaced.append(entry)
            }
        }
        var entries = unplaced
        for (index, block) in document.blocks.enumerated() {
            entries += before[index] ?? []
            entries.append(ExplainEntry(origin: .block(block.kind), lines: block.lines))
        }
        return entries + (before[document.blocks.count] ?? [])
    }
}
