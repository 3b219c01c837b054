/// Many literals looked for in one walk of a text (Aho–Corasick, as a full table over byte
/// classes): the required literals of all of a rule file's line patterns at once, where each
/// pattern's own search would read every line again.
///
/// The table reads ASCII letters in lower case, so a case-insensitive literal (held lower-cased)
/// is found in either case; a case-sensitive one is found the same way and its bytes are then
/// compared as they are. A literal holds no "\n" (`RequiredLiterals` has none), so no occurrence
/// runs across a line end.
struct LiteralAutomaton: Sendable {
    struct Key: Sendable, Hashable {
        var bytes: [UInt8]
        var caseless: Bool
    }

    let keys: [Key]
    /// Each byte's class: the lower-cased byte's place among the bytes the keys hold, 0 for others.
    private let classOf: [UInt8]
    private let classCount: Int
    /// Entry `state * classCount + class` is the next state times `classCount`, doubled, plus 1
    /// when some key ends there: one load and a shift a byte on the walk.
    private let table: [UInt32]
    /// Per state, the keys that end there, as a range of `ending`.
    private let endingStart: [Int32]
    private let ending: [Int32]

    /// More states than this and the walk's table would not stay in the cache: nil then.
    static let maxStates = 1 << 14

    init?(_ keys: [Key]) {
        guard !keys.isEmpty, keys.allSatisfy({ !$0.bytes.isEmpty && !$0.bytes.contains(0x0A) }) else { return nil }
        self.keys = keys
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for key in keys {
            for byte in key.bytes where classOf[Int(RequiredLiterals.lowered(byte))] == 0 {
                guard classCount < 256 else { return nil }
                classOf[Int(RequiredLiterals.lowered(byte))] = UInt8(classCount)
                classCount += 1
            }
        }
        for byte in 0..<256 { classOf[byte] = classOf[Int(RequiredLiterals.lowered(UInt8(byte)))] }
        // The trie of the lower-cased keys, as rows of `classCount` moves (-1: no child yet), in
        // a buffer made at its largest (a state a key byte) and filled through pointers: grown row
        // by row and walked with checks, the table of a few thousand states cost ten million
        // instructions to build.
        let rows = min(keys.reduce(1) { $0 + $1.bytes.count }, Self.maxStates + 1)
        var next = [Int](repeating: -1, count: rows * classCount)
        var ends: [[Int32]] = [[]]
        let built: Bool = next.withUnsafeMutableBufferPointer { next in
            for (index, key) in keys.enumerated() {
                var state = 0
                for byte in key.bytes {
                    let move = state * classCount + Int(classOf[Int(byte)])
                    if next[move] < 0 {
                        guard ends.count < rows else { return false }
                        next[move] = ends.count
                        ends.append([])
                    }
                    state = next[move]
                }
                ends[state].append(Int32(index))
            }
            return ends.count <= Self.maxStates
        }
        guard built else { return nil }
        // Breadth first: a missing move is the move of the state's longest proper suffix in the
        // trie (`fail`), whose row is complete by then.
        let count = ends.count
        next.removeSubrange((count * classCount)...)
        var fail = [Int](repeating: 0, count: count)
        var queue: [Int] = []
        queue.reserveCapacity(count)
        next.withUnsafeMutableBufferPointer { next in
            for unit in 0..<classCount {
                if next[unit] < 0 {
                    next[unit] = 0
                } else {
                    queue.append(next[unit])
                }
            }
            fail.withUnsafeMutableBufferPointer { fail in
                var head = 0
                while head < queue.count {
                    let state = queue[head]
                    head += 1
                    if !ends[fail[state]].isEmpty { ends[state] += ends[fail[state]] }
                    let row = state * classCount
                    let failRow = fail[state] * classCount
                    for unit in 0..<classCount {
                        if next[row + unit] < 0 {
                            next[row + unit] = next[failRow + unit]
                        } else {
                            fail[next[row + unit]] = next[failRow + unit]
                            queue.append(next[row + unit])
                        }
                    }
                }
            }
        }
        var endingStart: [Int32] = [0]
        var ending: [Int32] = []
        for state in 0..<count {
            ending += ends[state]
            endingStart.append(Int32(ending.count))
        }
        let endsHere = ends.map { !$0.isEmpty }
        var table = [UInt32](repeating: 0, count: next.count)
        table.withUnsafeMutableBufferPointer { table in
            next.withUnsafeBufferPointer { next in
                for entry in 0..<next.count {
                    table[entry] = UInt32(next[entry] * classCount) << 1 | (endsHere[next[entry]] ? 1 : 0)
                }
            }
        }
        self.table = table
        self.classOf = classOf
        self.classCount = classCount
        self.endingStart = endingStart
        self.ending = ending
    }

    /// Calls `found(key, end)` for each occurrence of a key in `text` (`end`: the offset after its
    /// last byte), in order of `end`.
    func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        guard let base = text.baseAddress else { return }
        table.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classOf in
                var entry: UInt32 = 0
                for offset in 0..<text.count {
                    entry = table[Int(entry >> 1) + Int(classOf[Int(base[offset])])]
                    guard entry & 1 != 0 else { continue }
                    let state = Int(entry >> 1) / classCount
                    for index in Int(endingStart[state])..<Int(endingStart[state + 1]) {
                        let key = Int(ending[index])
                        if keys[key].caseless || holds(keys[key].bytes, base, endingAt: offset + 1) { found(key, offset + 1) }
                    }
                }
            }
        }
    }

    /// Whether `base[..<end]` ends with `bytes` as they are.
    private func holds(_ bytes: [UInt8], _ base: UnsafePointer<UInt8>, endingAt end: Int) -> Bool {
        let start = end - bytes.count
        for index in bytes.indices where base[start + index] != bytes[index] { return false }
        return true
    }
}
