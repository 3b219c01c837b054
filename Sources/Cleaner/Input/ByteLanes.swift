/// Tests on the eight bytes of a word at once, each answer in its byte's high bit, with no carry
/// from one byte into the next: the word-at-a-time scans over text use them to pass over runs
/// of bytes that need no closer look.
enum ByteLanes {
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `word` with each byte's high bit cleared, so that adding below 0x80 to a byte cannot carry.
    @inline(__always)
    static func low7(_ word: UInt64) -> UInt64 { word & 0x7F7F_7F7F_7F7F_7F7F }

    /// The high bit of each byte of `low` (from `low7`) that is at least `n` (1 to 0x80):
    /// `low + (0x80 - n)` reaches 0x80 exactly then.
    @inline(__always)
    static func atLeast(_ n: UInt8, _ low: UInt64) -> UInt64 {
        (low &+ UInt64(0x80 &- n) &* 0x0101_0101_0101_0101) & highBits
    }

    /// The high bit of each byte of `word` that is `byte`: the lanes of `word ^ byte` that are zero.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        // A lane is nonzero when its low seven bits, plus 0x7F, reach its high bit, or it has that bit itself.
        return ~((low7(difference) &+ 0x7F7F_7F7F_7F7F_7F7F) | difference) & highBits
    }

    /// How many bytes of `lanes` have their high bit set (no other bit may be): each byte's bit
    /// moved to its low end and the eight summed by one multiplication, in three instructions,
    /// where `nonzeroBitCount` takes a dozen (the bit count is no instruction of the baseline
    /// x86-64 the binary is built for).
    @inline(__always)
    static func countHigh(_ lanes: UInt64) -> Int {
        Int(truncatingIfNeeded: ((lanes >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The characters of UTF-8 `bytes`: the bytes that do not continue one (10xxxxxx), counted
    /// eight at a time (a byte's high bit set and the next bit clear).
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var continuing = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            continuing += countHigh(word & ~(word << 1) & highBits)
            index += 8
        }
        while index < bytes.count {
            if base[index] & 0xC0 == 0x80 { continuing += 1 }
            index += 1
        }
        return bytes.count - continuing
    }

    /// The bytes of `bytes` within `range`, a range of non-ASCII bytes (0x81 to 0xFE at its ends),
    /// counted eight at a time: a byte is in it when its high bit is set and its low seven bits
    /// are at least the lower bound's and not at least the one past the upper bound's.
    static func count(in range: ClosedRange<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        precondition(range.lowerBound > 0x80 && range.upperBound < 0xFF)
        guard let base = bytes.baseAddress else { return 0 }
        let low = range.lowerBound & 0x7F
        let past = (range.upperBound & 0x7F) + 1
        var count = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & highBits != 0 {
                let seven = low7(word)
                count += countHigh(word & atLeast(low, seven) & ~atLeast(past, seven))
            }
            index += 8
        }
        while index < bytes.count {
            if range.contains(base[index]) { count += 1 }
            index += 1
        }
        return count
    }
}
