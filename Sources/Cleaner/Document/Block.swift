/// What a block was in the page. Text input has paragraphs only; HTML keeps its structure.
public enum BlockKind: Sendable, Equatable {
    case heading(level: Int)
    case paragraph
    case listItem
    case quote
    case tableRow
    case preformatted
}

/// Why something was removed: a rule from a file, or a named heuristic with its score.
/// Held in a box (`indirect`): a rule marks many lines with one reason, and a line's reason is
/// then one reference to share, to test for nil and to let go, not the strings and numbers of
/// its source, which each copy of a `Line` copied and each freed line released one by one.
public indirect enum RemovalReason: Sendable, Hashable, CustomStringConvertible {
    case rule(RuleSource)
    case heuristic(name: String, category: Category, detail: String)

    public var category: Category {
        switch self {
        case .rule(let source): source.category
        case .heuristic(_, let category, _): category
        }
    }

    public var description: String {
        switch self {
        case .rule(let source): source.description
        case .heuristic(let name, _, let detail): detail.isEmpty ? name : "\(name) (\(detail))"
        }
    }
}

/// One line of a block. Removing rules mark lines instead of deleting them, so that
/// `--explain` can show the document in order with what each rule took.
public struct Line: Sendable {
    public var text: String
    public var removedBy: RemovalReason?

    public var isKept: Bool {
        // A pattern match: `removedBy == nil` takes Equatable's `==`, which copies and destroys
        // both optionals on every call (this runs for every line under every rule).
        if case .none = removedBy { return true }
        return false
    }
}

/// A paragraph-sized unit of text: the one model line rules see, whether it came from a
/// DOM element or from a blank-line separated paragraph of a text scrape.
public struct Block: Sendable {
    public var kind: BlockKind
    public var lines: [Line]
    /// The same lines as Markdown, for `--format markdown` (nil otherwise): see `BlockMarkup`.
    public var markup: BlockMarkup?
    /// The page's extraction left out an element with text right after this block: a heading
    /// here may head nothing that is kept (`drop_orphan_headings`).
    var removedAfter = false

    public init(kind: BlockKind, lines: [String]) {
        self.kind = kind
        self.lines = lines.map { Line(text: $0, removedBy: nil) }
    }

    /// A block of lines made already (a reader's, without a second array of their texts).
    init(kind: BlockKind, lines: [Line]) {
        self.kind = kind
        self.lines = lines
    }

    public var isKept: Bool { lines.contains { $0.isKept } }

    /// The kept lines, joined by newlines: one kept line is its own text, without a copy; more
    /// are appended into a string sized for all of them once (a lazy `joined` grew it line by line).
    public var keptText: String {
        var size = -1
        var only: Int?
        for index in lines.indices where lines[index].isKept {
            only = size < 0 ? index : nil
            size += lines[index].text.utf8.count + 1
        }
        guard size >= 0 else { return "" }
        if let only { return lines[only].text }
        var text = ""
        text.reserveCapacity(size)
        var first = true
        for line in lines where line.isKept {
            if !first { text += "\n" }
            text += line.text
            first = false
        }
        return text
    }

    var keptLines: [String] { lines.filter(\.isKept).map(\.text) }

    /// Marks every kept line as removed.
    mutating func remove(_ reason: RemovalReason) {
        for index in lines.indices where lines[index].isKept {
            lines[index].removedBy = reason
        }
    }
}
