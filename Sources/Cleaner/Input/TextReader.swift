/// A plain-text scrape to blocks: blank lines separate paragraphs, the lines inside a paragraph stay lines.
/// Lines end at "\n", "\r\n" or "\r", found on the UTF-8 bytes ("\r\n" is one character, and no
/// other character holds a line break, so bytes split exactly where characters would).
enum TextReader {
    static func blocks(from text: String) -> [Block] {
        var bytesOfText = text
        return bytesOfText.withUTF8 { bytes in
            var blocks: [Block] = []
            var lines: [Line] = []
            let utf8 = text.utf8
            for range in LineScan.lines(of: bytes) {
                // A line the normalizer would leave as it is is copied out of the text, which is
                // valid UTF-8 already: no rebuilding, no second validation.
                let line =
                    range.isNormalized
                    ? String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.start)..<utf8.index(utf8.startIndex, offsetBy: range.end)]))
                    : TextNormalizer.normalizeLine(bytes: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
                if !line.isEmpty {
                    lines.append(Line(text: line, removedBy: nil))
                } else if !lines.isEmpty {
                    blocks.append(Block(kind: .paragraph, lines: lines))
                    lines = []
                }
            }
            if !lines.isEmpty { blocks.append(Block(kind: .paragraph, lines: lines)) }
            return blocks
        }
    }
}
