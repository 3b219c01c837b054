/// Elements that are controls by their ARIA role, though their tag is not: a `<div>` or `<a>`
/// with `role="button"` is a button ("Show picture", "Print recipe"), and its label is no more
/// article text than a `<button>`'s (which `TagTable` skips).
enum ControlElements {
    static func isControl(_ node: Node) -> Bool {
        guard node.hasAttributes else { return false }
        return node.withAttribute("role", { ASCIIText.equalsIgnoringCase($0, "button") }) ?? false
    }
}
