/// A plain-text scrape to blocks: blank lines separate paragraphs, the lines inside a paragraph stay lines.
/// Lines end at "\n", "\r\n" or "\r", found on the UTF-8 bytes ("\r\n" is one character, and no
/// other character holds a line break, so bytes split exactly where characters would).
enum TextReader {
    static func blocks(from text: String) -> [Block] {
        var text = text
        return text.withUTF8 { bytes in
            var blocks: [Block] = []
            var lines: [String] = []
            func flush() {
                if !lines.isEmpty {
                    blocks.append(Block(kind: .paragraph, lines: lines))
                    lines.removeAll(keepingCapacity: true)
                }
            }
            func take(_ start: Int, _ end: Int) {
                let line = TextNormalizer.normalizeLine(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if line.isEmpty {
                    flush()
                } else {
                    lines.append(line)
                }
            }
            var start = 0
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    take(start, index)
                    index += 1
                    start = index
                case 0x0D:
                    take(start, index)
                    index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                default:
                    index += 1
                }
            }
            take(start, bytes.count)
            flush()
            return blocks
        }
    }
}
