/// Word-at-a-time scans for the bytes JSON strings treat specially, so that the parser and the
/// writer pass over a page's long runs of plain text eight bytes a step and copy each run at once.
enum JSONBytes {
    /// The first byte at or after `index` that a JSON string cannot hold as it is on reading: a
    /// quote, a backslash, a control byte (below 0x20) or a non-ASCII byte (to be checked as UTF-8).
    /// `bytes.count` when there is none.
    @inline(__always)
    static func firstToRead(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = index
        while index + 8 <= bytes.count {
            let lanes = toRead(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if lanes != 0 { return index + lanes.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return bytes.count
    }

    /// The high bit of each byte of `word` that `firstToRead` stops at.
    @inline(__always)
    static func toRead(_ word: UInt64) -> UInt64 {
        // A non-ASCII lane has its high bit set in `word`; `~atLeast(0x20, ...)` marks the rest below 0x20.
        (ByteLanes.equal(word, 0x22) | ByteLanes.equal(word, 0x5C) | ~ByteLanes.atLeast(0x20, ByteLanes.low7(word)) | word) & ByteLanes.highBits
    }

    /// The first byte at or after `index` that must be escaped on writing: a quote, a backslash or
    /// a control byte. `bytes.count` when there is none.
    @inline(__always)
    static func firstToEscape(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = index
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let control = ~ByteLanes.atLeast(0x20, ByteLanes.low7(word)) & ~word
            let lanes = (ByteLanes.equal(word, 0x22) | ByteLanes.equal(word, 0x5C) | control) & ByteLanes.highBits
            if lanes != 0 { return index + lanes.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            index += 1
        }
        return bytes.count
    }
}
