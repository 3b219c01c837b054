/// A plain-text scrape to blocks: blank lines separate paragraphs, the lines inside a paragraph stay lines.
/// Lines end at "\n", "\r\n" or "\r", found on the UTF-8 bytes ("\r\n" is one character, and no
/// other character holds a line break, so bytes split exactly where characters would).
enum TextReader {
    /// The blocks, and the same lines joined as the line rules join a document's kept lines: the
    /// reader writes each line's bytes once into that buffer, which then serves the rules' first
    /// searches and the site signatures without a second join (nil when a line holds a "\n").
    struct Reading {
        var blocks: [Block]
        var lines: DocumentLines?
    }

    static func blocks(from text: String) -> [Block] {
        var text = text
        return text.withUTF8 { read(validUTF8: $0).blocks }
    }

    /// `bytes` must be valid UTF-8 (a `String`'s, or checked): a line the normalizer would leave as
    /// it is is copied out of them as it lies, without a second validation or rebuilding.
    static func read(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        let ranges = LineScan.lines(of: bytes)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var starts: [Int] = []
        starts.reserveCapacity(ranges.count)
        var firstLine: [Int] = []
        var blocks: [Block] = []
        var lines: [Line] = []
        var joinable = true
        for (position, range) in ranges.enumerated() {
            let line: String
            if range.isNormalized {
                let slice = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
                // Decoded as UTF-8 either way: its validation checks ASCII a word at a time first,
                // where decoding as `Unicode.ASCII` takes the generic path (a dynamic cast a line,
                // about twice the instructions).
                line = slice.isEmpty ? "" : String(decoding: slice, as: UTF8.self)
                if !slice.isEmpty { Self.append(slice, to: &text, starts: &starts) }
            } else {
                line = TextNormalizer.normalizeLine(bytes: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
                if !line.isEmpty {
                    var copy = line
                    copy.withUTF8 { Self.append($0, to: &text, starts: &starts) }
                    joinable = joinable && !line.utf8.contains(0x0A)
                }
            }
            if !line.isEmpty {
                if lines.isEmpty {
                    // The block's lines are the run of non-empty ranges from here (one that
                    // normalizes to nothing ends it sooner): room for them at once.
                    lines.reserveCapacity(ranges[position...].prefix { $0.end > $0.start }.count)
                    firstLine.append(starts.count - 1)
                }
                lines.append(Line(text: line, removedBy: nil))
            } else if !lines.isEmpty {
                blocks.append(Block(kind: .paragraph, lines: lines))
                lines = []
            }
        }
        if !lines.isEmpty { blocks.append(Block(kind: .paragraph, lines: lines)) }
        let joined = joinable ? DocumentLines(joined: text, starts: starts, firstLine: firstLine) : nil
        return Reading(blocks: blocks, lines: joined)
    }

    /// Appends one line to the joined text, after a "\n" unless it is the first.
    @inline(__always)
    private static func append(_ line: UnsafeBufferPointer<UInt8>, to text: inout [UInt8], starts: inout [Int]) {
        if !starts.isEmpty { text.append(0x0A) }
        starts.append(text.count)
        text.append(contentsOf: line)
    }
}
