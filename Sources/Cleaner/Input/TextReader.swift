/// A plain-text scrape to blocks: blank lines separate paragraphs, the lines inside a paragraph stay lines.
enum TextReader {
    static func blocks(from text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [String] = []
        func flush() {
            if !lines.isEmpty {
                blocks.append(Block(kind: .paragraph, lines: lines))
                lines.removeAll(keepingCapacity: true)
            }
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = TextNormalizer.normalizeLine(raw)
            if line.isEmpty {
                flush()
            } else {
                lines.append(line)
            }
        }
        flush()
        return blocks
    }
}
