import Glibc

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
        var blocks: [Block] = []
        // One block a run of non-empty ranges (or more, where a line normalizes to nothing): room
        // for them at once, not grown a block at a time.
        var runs = 0
        var inRun = false
        for range in ranges {
            let nonEmpty = range.end > range.start
            if nonEmpty, !inRun { runs += 1 }
            inRun = nonEmpty
        }
        blocks.reserveCapacity(runs)
        var join = Join(lineCount: ranges.count, blockCount: runs)
        // The join is never longer than the text: a line of valid UTF-8 does not grow when it is
        // normalized, and each "\n" between two lines stands where at least one line end was.
        let text = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            var position = 0
            while position < ranges.count {
                // A block is a run of non-empty ranges (one that normalizes to nothing ends it
                // sooner): room for its lines at once.
                let run = ranges[position...].prefix { $0.end > $0.start }.count
                guard run > 0 else {
                    position += 1
                    continue
                }
                var endedEarly = false
                // (Reserved and appended: an array made with `init(unsafeUninitializedCapacity:)`
                // takes the unspecialized allocation, which looks up the array's type each time.)
                var lines: [Line] = []
                lines.reserveCapacity(run)
                while lines.count < run {
                    let range = ranges[position + lines.count]
                    let slice = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
                    let text: String
                    if range.isNormalized {
                        text = ValidUTF8.string(slice, isASCII: range.isASCII)
                        if lines.isEmpty { join.startBlock() }
                        join.append(slice, to: output, written: &written)
                    } else {
                        text = TextNormalizer.normalizeLine(bytes: slice)
                        guard !text.isEmpty else {
                            endedEarly = true
                            break
                        }
                        if lines.isEmpty { join.startBlock() }
                        var copy = text
                        copy.withUTF8 { join.append($0, to: output, written: &written, mayHoldNewline: true) }
                    }
                    lines.append(Line(text: text, removedBy: nil))
                }
                position += lines.count + (endedEarly ? 1 : 0)
                // Handed over, not copied: no retain and release of the array a block.
                if !lines.isEmpty { blocks.append(Block(kind: .paragraph, lines: consume lines)) }
            }
        }
        let joined = join.isJoinable ? DocumentLines(joined: text, starts: join.starts, firstLine: join.firstLine) : nil
        return Reading(blocks: blocks, lines: joined)
    }

    /// The lines joined with a "\n" between any two, as they are read: where each line and each
    /// block starts, and whether the join still stands for the lines.
    private struct Join {
        var starts: [Int] = []
        var firstLine: [Int] = []
        var isJoinable = true

        init(lineCount: Int, blockCount: Int) {
            starts.reserveCapacity(lineCount)
            firstLine.reserveCapacity(blockCount)
        }

        mutating func startBlock() {
            firstLine.append(starts.count)
        }

        /// Copies one line's bytes into `output`, a "\n" before it unless it is the first. A line
        /// the normalizer made may hold a "\n" (a raw line cannot): then the join does not stand.
        mutating func append(_ line: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>, written: inout Int, mayHoldNewline: Bool = false) {
            let separator = starts.isEmpty ? 0 : 1
            guard isJoinable, let source = line.baseAddress, let base = output.baseAddress, written + separator + line.count <= output.count,
                !mayHoldNewline || memchr(source, 0x0A, line.count) == nil
            else {
                isJoinable = false
                return
            }
            if separator == 1 {
                base[written] = 0x0A
                written += 1
            }
            starts.append(written)
            (base + written).update(from: source, count: line.count)
            written += line.count
        }
    }
}
