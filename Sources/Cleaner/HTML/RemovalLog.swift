/// Collects what HTML filters remove, for `--explain`. Disabled, it costs nothing: the text of a
/// removed subtree is only read when someone will look at it.
struct RemovalLog {
    let enabled: Bool
    private(set) var elements: [RemovedElement] = []
    /// Where each removed element was, for the report's order.
    private(set) var markers = RemovalMarkers()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    mutating func record(_ node: Node, _ reason: RemovalReason) {
        guard enabled else { return }
        var serializer = BlockSerializer()
        serializer.serialize(node, in: node.document)
        let text = serializer.blocks.map { $0.lines.map(\.text).joined(separator: " / ") }.joined(separator: " / ")
        guard !text.isEmpty else { return }
        markers.mark(before: node, index: elements.count)
        elements.append(RemovedElement(text: text, reason: reason))
    }

    /// The removed elements in page order, each with the index of the first block that followed it
    /// (`positions`, from `RemovalMarkers.pageOrder`); any without a place first, without one.
    func elements(at positions: [(removal: Int, block: Int)]) -> [RemovedElement] {
        let placed = Set(positions.map(\.removal))
        var result = elements.indices.filter { !placed.contains($0) }.map { elements[$0] }
        for (removal, block) in positions {
            var element = elements[removal]
            element.position = block
            result.append(element)
        }
        return result
    }
}
