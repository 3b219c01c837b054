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
        for (index, block) in document.blocks.enumerated() {
            guard firstLine[index] == line else { return false }
            for member in block.lines where !member.isKept { return false }
            line += block.lines.count
        }
        return line == count
    }

    /// `DocumentLines(document)` for a document whose lines were joined as `earlier` (same blocks
    /// and lines, some removed since): a kept line's bytes are copied from the earlier text, not
    /// read again from its `String`.
    init?(_ document: Document, after earlier: DocumentLines) {
        guard earlier.firstLine.count == document.blocks.count else {
            self.init(document)
            return
        }
        var text: [UInt8] = []
        var starts: [Int] = []
        var size = 0
        var index = 0
        var sameBlocks = true
        for (number, block) in document.blocks.enumerated() {
            sameBlocks = sameBlocks && earlier.firstLine[number] == index
            for line in block.lines {
                if line.isKept { size += earlier.bounds(of: index).count }
                size += 1
                index += 1
            }
        }
        guard sameBlocks, index == earlier.count else {
            self.init(document)
            return
        }
        text.reserveCapacity(size)
        starts.reserveCapacity(index)
        var failed = false
        earlier.text.withUnsafeBufferPointer { earlierText in
            var index = 0
            for block in document.blocks {
                for line in block.lines {
                    defer { index += 1 }
                    if !starts.isEmpty { text.append(0x0A) }
                    starts.append(text.count)
                    guard line.isKept else { continue }
                    let bounds = earlier.bounds(of: index)
                    if bounds.isEmpty {
                        // Empty in the earlier join (an empty line, or one removed then): its own text.
                        var own = line.text
                        let hasNewline = own.withUTF8 { bytes -> Bool in
                            text.append(contentsOf: bytes)
                            guard let base = bytes.baseAddress else { return false }
                            return memchr(base, 0x0A, bytes.count) != nil
                        }
                        if hasNewline { failed = true }
                    } else {
                        text.append(contentsOf: UnsafeBufferPointer(rebasing: earlierText[bounds]))
                    }
                }
            }
        }
        if failed { return nil }
        self.init(joined: text, starts: starts, firstLine: earlier.firstLine)
    }
}
