/// Collects what HTML filters remove, for `--explain`. Disabled, it costs nothing: the text of a
/// removed subtree is only read when someone will look at it.
struct RemovalLog {
    let enabled: Bool
    private(set) var elements: [RemovedElement] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    mutating func record(_ node: Node, _ reason: RemovalReason) {
        guard enabled else { return }
        var serializer = BlockSerializer()
        serializer.serialize(node, in: node.document)
        let text = serializer.blocks.map { $0.lines.map(\.text).joined(separator: " / ") }.joined(separator: " / ")
        if !text.isEmpty { elements.append(RemovedElement(text: text, reason: reason)) }
    }
}
