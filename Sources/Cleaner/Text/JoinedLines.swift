import Glibc

/// Ways to a document's `DocumentLines` that do not read every line's `String` again: the text
/// reader's buffer, made as it read the lines, and a later join cut from an earlier one.
extension DocumentLines {
    /// Lines joined already (by the text reader): `text` holds them with a "\n" between any two,
    /// `starts` where each begins, `firstLine` each block's first line.
    init(joined text: [UInt8], starts: [Int], firstLine: [Int]) {
        self.text = text
        self.starts = starts
        self.firstLine = firstLine
    }

    /// True when these lines are `DocumentLines(document)`'s: one per line of each block, and no
    /// line removed yet (the join leaves a removed line empty; rules never change a line's text).
    func isJoin(of document: Document) -> Bool {
        guard firstLine.count == document.blocks.count else { return false }
        var line = 0
        for index in document.blocks.indices {
            guard firstLine[index] == line else { return false }
            // By index, not `for line in lines`: no copy of each line to read one flag.
            for member in document.blocks[index].lines.indices where !document.blocks[index].lines[member].isKept { return false }
            line += document.blocks[index].lines.count
        }
        return line == count
    }

    /// `DocumentLines(document)` for a document whose lines were joined as `earlier` (same blocks
    /// and lines, some removed since): a kept line's bytes are copied from the earlier text, not
    /// read again from its `String`.
    init?(_ document: Document, after earlier: DocumentLines) {
        // Which lines are kept, and the size of their join; nil when the blocks are not the earlier ones.
        guard let (kept, size) = Self.keptLines(document, after: earlier) else {
            self.init(document)
            return
        }
        var starts = [Int](repeating: 0, count: kept.count)
        var failed = false
        let text = [UInt8](unsafeUninitializedCapacity: size) { output, written in
            earlier.text.withUnsafeBufferPointer { earlierText in
                var index = 0
                for block in document.blocks.indices {
                    for line in document.blocks[block].lines.indices {
                        defer { index += 1 }
                        if index > 0 {
                            output[written] = 0x0A
                            written += 1
                        }
                        starts[index] = written
                        guard kept[index] else { continue }
                        let bounds = earlier.bounds(of: index)
                        if bounds.isEmpty {
                            // Empty in the earlier join (an empty line, or one removed then): its own text.
                            var own = document.blocks[block].lines[line].text
                            own.withUTF8 { bytes in
                                guard let base = bytes.baseAddress, written + bytes.count <= output.count else {
                                    failed = failed || !bytes.isEmpty
                                    return
                                }
                                failed = failed || memchr(base, 0x0A, bytes.count) != nil
                                UnsafeMutableBufferPointer(rebasing: output[written...]).baseAddress?.update(from: base, count: bytes.count)
                                written += bytes.count
                            }
                        } else if let source = earlierText.baseAddress {
                            UnsafeMutableBufferPointer(rebasing: output[written...]).baseAddress?.update(from: source + bounds.lowerBound, count: bounds.count)
                            written += bounds.count
                        }
                    }
                }
            }
        }
        if failed { return nil }
        self.init(joined: text, starts: starts, firstLine: earlier.firstLine)
    }

    /// Each line's kept flag, in document order, and the bytes of the join of `document`'s lines
    /// (a "\n" between lines, a kept line's text): nil unless `document` has the blocks and lines
    /// `earlier` joined.
    private static func keptLines(_ document: Document, after earlier: DocumentLines) -> (kept: [Bool], size: Int)? {
        guard earlier.firstLine.count == document.blocks.count else { return nil }
        var kept: [Bool] = []
        kept.reserveCapacity(earlier.count)
        var size = 0
        for block in document.blocks.indices {
            guard earlier.firstLine[block] == kept.count else { return nil }
            for line in document.blocks[block].lines.indices {
                guard kept.count < earlier.count else { return nil }
                let isKept = document.blocks[block].lines[line].isKept
                if isKept {
                    let bounds = earlier.bounds(of: kept.count)
                    size += bounds.isEmpty ? document.blocks[block].lines[line].text.utf8.count : bounds.count
                }
                if !kept.isEmpty { size += 1 }
                kept.append(isKept)
            }
        }
        return kept.count == earlier.count ? (kept, size) : nil
    }
}
