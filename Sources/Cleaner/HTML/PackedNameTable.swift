/// An open-addressing table from packed element names to values: a multiply and a compare or two
/// per element, where a `Dictionary` (or a `Set<String>`) would hash the name with SipHash every time.
struct PackedNameTable<Value: Sendable>: Sendable {
    private var slots: [(name: PackedName, value: Value)?]
    private let shift: UInt64
    private let missing: Value

    /// `missing` is the value of every name not in `entries`.
    init(_ entries: [(name: PackedName, value: Value)], missing: Value) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        shift = 64 - bits
        self.missing = missing
        slots = Array(repeating: nil, count: 1 << bits)
        for entry in entries {
            var slot = index(entry.name)
            while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }

    private func index(_ name: PackedName) -> Int {
        Int(((name.low ^ (name.high &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(_ name: PackedName) -> Value {
        var slot = index(name)
        while let entry = slots[slot] {
            if entry.name == name { return entry.value }
            slot = (slot + 1) & (slots.count - 1)
        }
        return missing
    }
}
