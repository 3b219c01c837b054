/// The BLAKE2b hashes of one text's tokens, each computed once: in prose about a third of the
/// sampled tokens repeat one before, and a look-up (a cheap hash of the bytes, one compare) costs a
/// tenth of a BLAKE2b block.
struct TokenHashes {
    private let bytes: UnsafeRawBufferPointer
    /// Open addressing over a power of two of places, at most half full: a token's bytes (an
    /// empty range for a free place) and its hash.
    private var starts: [Int]
    private var ends: [Int]
    private var hashes: [UInt64]
    private let mask: Int

    /// For at most `tokens` distinct tokens of `bytes`.
    init(of bytes: UnsafeRawBufferPointer, tokens: Int) {
        self.bytes = bytes
        var places = 16
        while places < tokens * 2 { places *= 2 }
        starts = Array(repeating: 0, count: places)
        ends = Array(repeating: 0, count: places)
        hashes = Array(repeating: 0, count: places)
        mask = places - 1
    }

    /// `Blake2b.hash64` of the (non-empty) bytes from `start` to `end`.
    mutating func hash(from start: Int, to end: Int) -> UInt64 {
        // FNV-1a over the bytes, then mixed so that the high bits spread too.
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end { key = (key ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3 }
        var place = Int(truncatingIfNeeded: key ^ key &>> 29) & mask
        while starts[place] != ends[place] {
            if ends[place] - starts[place] == end - start, same(starts[place], start, count: end - start) { return hashes[place] }
            place = (place + 1) & mask
        }
        let hash = Blake2b.hash64(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        (starts[place], ends[place], hashes[place]) = (start, end, hash)
        return hash
    }

    @inline(__always)
    private func same(_ first: Int, _ second: Int, count: Int) -> Bool {
        for offset in 0..<count where bytes[first + offset] != bytes[second + offset] { return false }
        return true
    }
}
