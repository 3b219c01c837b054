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
        let text = TextNormalizer.normalizeLine(node.textContent)
        if !text.isEmpty { elements.append(RemovedElement(text: text, reason: reason)) }
    }
}
