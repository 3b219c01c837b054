/// The first two bytes of each of a set of words, as a table of 64 Ki bits: a place in a text
/// whose two bytes open no word is passed over with one look-up, where trying the words there
/// costs a compare (or a `memchr`) for each. Most places in class and id values open none.
/// (A table of first three bytes, hashed, passes over more places but costs more per place:
/// 3 million instructions more on 30 pages.)
struct OpeningPairs: Sendable {
    private let bits: [UInt64]

    /// Nil when a word is shorter than two bytes (every place would have to be tried). With
    /// `foldingCase`, the words are lower case and a letter opens them in either case.
    init?(_ words: [[UInt8]], foldingCase: Bool) {
        guard words.allSatisfy({ $0.count >= 2 }) else { return nil }
        var bits = [UInt64](repeating: 0, count: 1024)
        func cases(_ byte: UInt8) -> [UInt8] {
            foldingCase && byte >= 0x61 && byte <= 0x7A ? [byte, byte - 32] : [byte]
        }
        for word in words {
            for first in cases(word[0]) {
                for second in cases(word[1]) {
                    let key = Int(first) << 8 | Int(second)
                    bits[key >> 6] |= 1 << UInt64(key & 63)
                }
            }
        }
        self.bits = bits
    }

    /// Some word may start at `position` (which has a byte after it).
    @inline(__always)
    func opens(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let key = Int(text[position]) << 8 | Int(text[position + 1])
        return bits[key >> 6] & (1 << UInt64(key & 63)) != 0
    }

    /// Some word may occur in `text`: false means none does.
    func mayOccur(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        while position + 1 < text.count {
            if opens(text, at: position) { return true }
            position += 1
        }
        return false
    }
}
