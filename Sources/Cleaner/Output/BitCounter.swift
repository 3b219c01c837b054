/// How many of a run of 64-bit values have each bit set, for the simhash's vote. A value is added
/// with eight shifts and adds: counter word j holds, in its byte k, the count of bit 8k + j; the
/// bytes are emptied into full counts before they can overflow.
struct BitCounter {
    private var lane0: UInt64 = 0, lane1: UInt64 = 0, lane2: UInt64 = 0, lane3: UInt64 = 0
    private var lane4: UInt64 = 0, lane5: UInt64 = 0, lane6: UInt64 = 0, lane7: UInt64 = 0
    /// Values added since the lanes were last emptied (a byte holds 255).
    private var pending = 0
    /// For each bit, the values with it set, up to the last emptying.
    private var counts = [Int](repeating: 0, count: 64)
    /// All values added.
    private(set) var total = 0

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101

    @inline(__always)
    mutating func add(_ value: UInt64) {
        lane0 &+= value & Self.lowBits
        lane1 &+= value &>> 1 & Self.lowBits
        lane2 &+= value &>> 2 & Self.lowBits
        lane3 &+= value &>> 3 & Self.lowBits
        lane4 &+= value &>> 4 & Self.lowBits
        lane5 &+= value &>> 5 & Self.lowBits
        lane6 &+= value &>> 6 & Self.lowBits
        lane7 &+= value &>> 7 & Self.lowBits
        total += 1
        pending += 1
        if pending == 255 { empty() }
    }

    private mutating func empty() {
        let lanes = [lane0, lane1, lane2, lane3, lane4, lane5, lane6, lane7]
        for (j, lane) in lanes.enumerated() {
            for k in 0..<8 { counts[8 * k + j] += Int(lane &>> UInt64(8 * k) & 0xFF) }
        }
        (lane0, lane1, lane2, lane3, lane4, lane5, lane6, lane7) = (0, 0, 0, 0, 0, 0, 0, 0)
        pending = 0
    }

    /// The bits set in at least half of the values (a vote of +1 per set bit and -1 per clear bit
    /// that comes to 0 or more); all bits when no value was added.
    mutating func majority() -> UInt64 {
        empty()
        var bits: UInt64 = 0
        for i in 0..<64 where 2 * counts[i] >= total { bits |= 1 << UInt64(i) }
        return bits
    }
}
