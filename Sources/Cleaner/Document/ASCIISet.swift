/// A set of ASCII bytes as two words of bits: membership without hashing, for tests run on
/// every byte of a line.
struct ASCIISet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    /// The set whose bits are `low` (bytes 0 to 63) and `high` (64 to 127): a table written out.
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The ASCII bytes of `bytes` (others are left out).
    init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes { insert(byte) }
    }

    mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte &- 64)) != 0
    }
}
