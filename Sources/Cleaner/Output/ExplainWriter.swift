/// `--explain` as text: every block in order, kept ones plain, removed ones with their category
/// and the rule (`file:line directive`) or heuristic that removed them.
public enum ExplainWriter {
    public static func write(_ result: CleanResult, name: String) -> String {
        let document = result.document
        var output = "== \(name) (input: \(result.inputKind.rawValue), site: \(result.site ?? "none"))\n"
        for element in document.removedElements {
            output += line(marker: "-", category: element.reason.category.rawValue, reason: element.reason.description, text: element.text)
        }
        for block in document.blocks {
            for entry in block.lines {
                if let reason = entry.removedBy {
                    output += line(marker: "-", category: reason.category.rawValue, reason: reason.description, text: entry.text)
                } else {
                    output += line(marker: " ", category: "kept", reason: "", text: entry.text)
                }
            }
        }
        let removed = document.removedElements.count + document.blocks.reduce(0) { $0 + $1.lines.filter { !$0.isKept }.count }
        output += "== \(removed) removed\n"
        return output
    }

    /// Long lines are cut so that the listing stays readable; the full text is in the document.
    static let excerptLength = 100

    private static func line(marker: String, category: String, reason: String, text: String) -> String {
        let excerpt = text.count > excerptLength ? String(text.prefix(excerptLength)) + "…" : text
        let padded = category + String(repeating: " ", count: max(0, 10 - category.count))
        return reason.isEmpty ? "\(marker) \(padded) | \(excerpt)\n" : "\(marker) \(padded) \(reason) | \(excerpt)\n"
    }
}
