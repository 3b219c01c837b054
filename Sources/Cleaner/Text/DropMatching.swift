/// `drop_line`, `drop_block`, `drop_from`: removal by a pattern, at line, block and tail scale.
enum DropMatching {
    /// Every kept line that matches.
    static func lines(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        for (block, line) in matcher.matchingKeptLines(in: document) {
            document.blocks[block].lines[line].removedBy = reason
        }
    }

    /// Every kept line that matches, unless lines of at least `minRepeats` different texts do.
    static func unrepeatedLines(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let found = matcher.matchingKeptLines(in: document)
        guard !repeats(found, in: document) else { return }
        for (block, line) in found {
            document.blocks[block].lines[line].removedBy = reason
        }
    }

    /// Every block with a kept line that matches.
    static func blocks(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        // A block's own lines decide, and removing a block leaves the others' lines as they are.
        for index in matcher.matchingKeptBlocks(in: document) {
            document.blocks[index].remove(reason)
        }
    }

    /// `drop_from_repeated` and `drop_unrepeated` count this many different matching lines.
    static let minRepeats = 3

    /// Whether the lines found hold at least `minRepeats` different texts: the headers of a list
    /// of entries, not one line met again.
    private static func repeats(_ found: [(block: Int, line: Int)], in document: Document) -> Bool {
        var texts: Set<String> = []
        for (block, line) in found {
            texts.insert(document.blocks[block].lines[line].text)
            if texts.count >= minRepeats { return true }
        }
        return false
    }

    /// The first block with a kept line that matches, and every block after it, when kept lines
    /// of at least `minRepeats` different texts match.
    static func fromRepeated(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let found = matcher.matchingKeptLines(in: document)
        guard let start = found.first?.block, repeats(found, in: document), hasProse(document, before: start) else { return }
        guard !ThreadPages.isThread(document, listFrom: start) else { return }
        for index in start..<document.blocks.count {
            document.blocks[index].remove(reason)
        }
    }

    /// Whether a kept line before `block` ends a sentence. A list of comments or posts follows
    /// an article: when it opens the scrape, with no sentence before its first header, the scrape
    /// is the list itself (a thread, a scrape of the comments), and dropping it would leave nothing.
    static func hasProse(_ document: Document, before block: Int) -> Bool {
        document.blocks[..<block].contains { block in
            block.lines.contains { $0.isKept && Headline.endsSentence($0.text) }
        }
    }

    /// The first block with a kept line that matches, and every block after it.
    static func from(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        guard let start = matcher.firstMatchingKeptBlock(in: document) else { return }
        for index in start..<document.blocks.count {
            document.blocks[index].remove(reason)
        }
    }
}
