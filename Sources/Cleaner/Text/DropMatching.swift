/// `drop_line`, `drop_block`, `drop_from`: removal by a pattern, at line, block and tail scale.
enum DropMatching {
    /// Every kept line that matches.
    static func lines(_ pattern: Pattern, _ reason: RemovalReason, in document: inout Document) {
        for blockIndex in document.blocks.indices {
            for lineIndex in document.blocks[blockIndex].lines.indices {
                let line = document.blocks[blockIndex].lines[lineIndex]
                if line.isKept, pattern.matches(line.text) {
                    document.blocks[blockIndex].lines[lineIndex].removedBy = reason
                }
            }
        }
    }

    /// Every block with a kept line that matches.
    static func blocks(_ pattern: Pattern, _ reason: RemovalReason, in document: inout Document) {
        for index in document.blocks.indices where document.blocks[index].hasKeptLine(matching: pattern) {
            document.blocks[index].remove(reason)
        }
    }

    /// The first block with a kept line that matches, and every block after it.
    static func from(_ pattern: Pattern, _ reason: RemovalReason, in document: inout Document) {
        guard let start = document.blocks.firstIndex(where: { $0.hasKeptLine(matching: pattern) }) else { return }
        for index in start..<document.blocks.count {
            document.blocks[index].remove(reason)
        }
    }
}
