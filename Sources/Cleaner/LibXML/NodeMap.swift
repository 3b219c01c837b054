internal import CLibXML

/// Values by node, for the extraction's numbers on every element: open addressing on the node's
/// address (a multiply and a shift), where a `Dictionary` hashes the pointer with SipHash on each
/// look-up, and the scorer and the cleaner look up every element several times. Entries are kept
/// in the order they were first set (`forEach`); a removed one reads as absent.
struct NodeMap<Value> {
    /// `slots[i]`: 1 + the index into `nodes` of the entry there, 0 when the slot is free.
    private var slots: [Int32]
    private var shift: UInt64
    private var nodes: [Node] = []
    private var values: [Value?] = []

    init(capacity: Int = 64) {
        var bits: UInt64 = 6
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
        nodes.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    private func slot(_ node: Node) -> Int {
        let address = UInt64(UInt(bitPattern: UnsafeRawPointer(node.pointer)))
        return Int((address &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The entry index of `node`, or the free slot where it would go.
    private func find(_ node: Node) -> (entry: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = slot(node)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return (nil, slot) }
            if nodes[stored - 1].pointer == node.pointer { return (stored - 1, slot) }
            slot = (slot + 1) & mask
        }
    }

    subscript(_ node: Node) -> Value? {
        get {
            guard let entry = find(node).entry else { return nil }
            return values[entry]
        }
        set {
            let (entry, slot) = find(node)
            if let entry {
                values[entry] = newValue
                return
            }
            guard let newValue else { return }
            slots[slot] = Int32(nodes.count + 1)
            nodes.append(node)
            values.append(newValue)
            if nodes.count * 2 > slots.count { grow() }
        }
    }

    /// `self[node] = nil`, returning what was there.
    mutating func removeValue(forKey node: Node) -> Value? {
        guard let entry = find(node).entry else { return nil }
        defer { values[entry] = nil }
        return values[entry]
    }

    /// Calls `body` on the value of `node`, set to `initial` first when there is none.
    mutating func update(_ node: Node, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        var value = self[node] ?? initial()
        body(&value)
        self[node] = value
    }

    /// Calls `body` with every node that has a value and its value, in the order they were first set.
    func forEach(_ body: (Node, Value) -> Void) {
        for index in nodes.indices { if let value = values[index] { body(nodes[index], value) } }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for index in nodes.indices {
            var slot = slot(nodes[index])
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
