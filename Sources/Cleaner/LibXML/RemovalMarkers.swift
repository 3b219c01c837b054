internal import CLibXML

/// For `--explain`: a comment left in the tree where an HTML filter removed an element, so that
/// the serializer can tell which block followed it and the report can show the removal in its place.
/// Comments are invisible to the filters (XPath `*` and text values skip them) and to the text.
struct RemovalMarkers {
    private static let emptyText: [xmlChar] = [0]

    /// Each marker comment, by its node, with the number of the removal it stands for.
    private var indices: [xmlNodePtr: Int] = [:]

    /// Leaves a marker for removal `index` just before `node`, which is about to be removed. Markers of
    /// earlier removals inside `node` move out in front of it, so that they survive its removal.
    mutating func mark(before node: Node, index: Int) {
        node.document.treeChanged()
        if !indices.isEmpty {
            var inside: [xmlNodePtr] = []
            node.document.walk(from: node, enter: { current in
                if indices[current.pointer] != nil { inside.append(current.pointer) }
                return .descend
            })
            for marker in inside {
                xmlUnlinkNode(marker)
                xmlAddPrevSibling(node.pointer, marker)
            }
        }
        guard let comment = xmlNewDocComment(node.document.pointer, Self.emptyText) else { return }
        guard xmlAddPrevSibling(node.pointer, comment) != nil else {
            xmlFreeNode(comment)
            return
        }
        indices[comment] = index
    }

    /// One serialized root: its node, and the blocks and the markers the serializer met in it.
    struct Span {
        let root: Node
        let blocks: Range<Int>
        let markers: Range<Int>
    }

    /// Every marker in page order, with the index of the block that follows it. Those inside a
    /// serialized root come from the serializer (`seen`); one outside every root (where a `body`
    /// rule or the extraction left that part of the page out) gets the first block after it.
    func pageOrder(of document: HTMLDocument, spans: [Span], seen: [(removal: Int, block: Int)]) -> [(removal: Int, block: Int)] {
        guard !indices.isEmpty else { return [] }
        var spanOfRoot: [xmlNodePtr: Int] = [:]
        for (number, span) in spans.enumerated() { spanOfRoot[span.root.pointer] = number }
        var ordered: [(removal: Int, block: Int)] = []
        var position = 0
        document.walk(enter: { node in
            if let number = spanOfRoot[node.pointer] {
                ordered += seen[spans[number].markers]
                position = spans[number].blocks.upperBound
                return .skip
            }
            if let index = indices[node.pointer] {
                ordered.append((index, position))
                return .skip
            }
            return .descend
        })
        return ordered
    }

    /// The removal a node marks, if it is one of these markers.
    func index(of node: Node) -> Int? {
        indices.isEmpty ? nil : indices[node.pointer]
    }
}
