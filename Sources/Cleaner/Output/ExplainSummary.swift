/// What `--explain` counts: blocks and words kept, and removed per group, where a group is a
/// rule's category or a heuristic's name ("prune", "link density", ...). Words are the `\w+` runs
/// the evaluation metric counts, so the figures compare with `clean eval`'s.
public struct ExplainSummary: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var blocks = 0
        public var words = 0
    }

    public private(set) var kept = Count()
    /// Removed blocks and words by group. A block counts as kept when any of its lines is kept;
    /// otherwise it goes to the group that took most of its words (the first such, on a tie).
    public private(set) var removed: [String: Count] = [:]

    public init(_ entries: [ExplainEntry]) {
        for entry in entries {
            var wordsByGroup: [(group: String, words: Int)] = []
            var keptWords = 0
            for line in entry.lines {
                let words = Self.words(in: line.text)
                guard let reason = line.removedBy else {
                    keptWords += words
                    continue
                }
                if let index = wordsByGroup.firstIndex(where: { $0.group == reason.group }) {
                    wordsByGroup[index].words += words
                } else {
                    wordsByGroup.append((reason.group, words))
                }
            }
            kept.words += keptWords
            for (group, words) in wordsByGroup { removed[group, default: Count()].words += words }
            if entry.lines.contains(where: \.isKept) {
                kept.blocks += 1
            } else if let main = wordsByGroup.max(by: { $0.words < $1.words }) {
                removed[main.group, default: Count()].blocks += 1
            }
        }
    }

    /// All removals together.
    public var removedTotal: Count {
        removed.values.reduce(into: Count()) { total, count in
            total.blocks += count.blocks
            total.words += count.words
        }
    }

    /// The groups present, categories in their usual order first, then heuristics by name.
    public var groups: [String] {
        let categories = Category.allCases.map(\.rawValue).filter { removed[$0] != nil }
        let others = removed.keys.filter { Category(rawValue: $0) == nil }.sorted()
        return categories + others
    }

    /// Runs of word characters, as the metric's `\w+` tokens.
    static func words(in text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWord = PythonText.isWord(scalar)
            if isWord, !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}

extension RemovalReason {
    /// What `--explain` groups and colours removals by: a rule's category, or the heuristic's name.
    public var group: String {
        switch self {
        case .rule(let source): source.category.rawValue
        case .heuristic(let name, _, _): name
        }
    }
}
