/// A unified diff of two texts by lines, for golden-case failures: what a person reads to see
/// which lines a change kept or lost.
public enum LineDiff {
    /// Lines of context around each change.
    static let context = 3

    public static func unified(expected: String, actual: String, expectedName: String = "expected", actualName: String = "actual") -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(old, new)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(expectedName)\n+++ \(actualName)\n"
        var index = 0
        while index < edits.count {
            guard let changeStart = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var hunkEnd = changeStart
            // Extend the hunk while the next change is within 2 * context unchanged lines.
            var scan = changeStart
            while scan < edits.count {
                if edits[scan].kind != .same {
                    hunkEnd = scan
                    scan += 1
                    continue
                }
                let nextChange = edits[scan...].firstIndex(where: { $0.kind != .same })
                if let nextChange, nextChange - hunkEnd <= 2 * context { scan = nextChange } else { break }
            }
            let start = max(index, changeStart - context)
            let end = min(edits.count, hunkEnd + context + 1)
            let hunk = edits[start..<end]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldLine ?? 0) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " \(old[edit.oldLine])\n"
                case .delete: output += "-\(old[edit.oldLine])\n"
                case .insert: output += "+\(new[edit.newLine])\n"
                }
            }
            index = end
        }
        return output
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let oldLine: Int
        let newLine: Int
    }

    /// Longest-common-subsequence edit script (golden files are small: quadratic is fine).
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        let rows = old.count
        let columns = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        if rows > 0 && columns > 0 {
            for row in stride(from: rows - 1, through: 0, by: -1) {
                for column in stride(from: columns - 1, through: 0, by: -1) {
                    table[row][column] = old[row] == new[column]
                        ? table[row + 1][column + 1] + 1 : max(table[row + 1][column], table[row][column + 1])
                }
            }
        }
        var edits: [Edit] = []
        var row = 0
        var column = 0
        while row < rows || column < columns {
            if row < rows, column < columns, old[row] == new[column] {
                edits.append(Edit(kind: .same, oldLine: row, newLine: column))
                row += 1
                column += 1
            } else if column < columns, row == rows || table[row][column + 1] >= table[row + 1][column] {
                edits.append(Edit(kind: .insert, oldLine: row, newLine: column))
                column += 1
            } else {
                edits.append(Edit(kind: .delete, oldLine: row, newLine: column))
                row += 1
            }
        }
        return edits
    }
}
