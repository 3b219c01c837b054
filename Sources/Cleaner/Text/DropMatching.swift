/// `drop_line`, `drop_block`, `drop_from`: removal by a pattern, at line, block and tail scale.
enum DropMatching {
    /// Every kept line that matches.
    static func lines(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        for (block, line) in matcher.matchingKeptLines(in: document) {
            document.blocks[block].lines[line].removedBy = reason
        }
    }

    /// Every block with a kept line that matches.
    static func blocks(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        for index in document.blocks.indices where matcher.hasKeptLine(document, block: index) {
            document.blocks[index].remove(reason)
        }
    }

    /// The first block with a kept line that matches, and every block after it.
    static func from(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        guard let start = document.blocks.indices.first(where: { matcher.hasKeptLine(document, block: $0) }) else { return }
        for index in start..<document.blocks.count {
            document.blocks[index].remove(reason)
        }
    }
}
