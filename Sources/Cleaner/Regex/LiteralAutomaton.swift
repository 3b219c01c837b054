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

        /// The bytes at once: hashed one at a time, the screen's few thousand keys cost a
        /// million instructions.
        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(caseless)
        }
    }

    let keys: [Key]
    /// Each byte's class: the lower-cased byte's place among the bytes the keys hold, 0 for others.
    private let classOf: [UInt8]
    private let classCount: Int
    /// State `state`'s row of moves starts at its base, `state * stride`, plus 1 when some key
    /// ends in it; entry `base + class` is the next state's base. The walk adds a byte's class
    /// to the entry it holds and loads: the entry is its own flag (odd when a key ends) and
    /// its own row's address, without the shift that a flag bit apart from the row cost each byte.
    private let table: [UInt32]
    /// Entries a state's row takes: the classes and one more (an odd base leaves the row's first
    /// entry unused), rounded up to even, so that a base's parity is its flag.
    private let stride: Int
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
        // The trie of the lower-cased keys as lists of edges (a state's first edge, an edge's
        // next, move and child), the table made once the states are counted: rows of moves
        // made at the trie's largest and filled with -1, or added with each state, cost millions
        // of instructions in their clearing alone.
        var firstEdge: [Int32] = [-1]
        var nextEdge: [Int32] = []
        var edgeUnit: [Int32] = []
        var edgeChild: [Int32] = []
        var ends: [[Int32]] = [[]]
        for (index, key) in keys.enumerated() {
            var state = 0
            for byte in key.bytes {
                let unit = Int32(classOf[Int(byte)])
                var edge = Int(firstEdge[state])
                while edge >= 0, edgeUnit[edge] != unit { edge = Int(nextEdge[edge]) }
                if edge < 0 {
                    guard ends.count < Self.maxStates else { return nil }
                    edge = edgeUnit.count
                    nextEdge.append(firstEdge[state])
                    edgeUnit.append(unit)
                    edgeChild.append(Int32(ends.count))
                    firstEdge[state] = Int32(edge)
                    firstEdge.append(-1)
                    ends.append([])
                }
                state = Int(edgeChild[edge])
            }
            ends[state].append(Int32(index))
        }
        // Breadth first: a state's row is its failure state's (the state of its longest proper
        // suffix in the trie, shallower, so its row is complete by then) with its own edges
        // over it. A child's failure state was queued before it, so its keys are all known
        // when the child is queued.
        let count = ends.count
        let stride = (classCount + 2) & ~1
        var fail = [Int](repeating: 0, count: count)
        var queue: [Int] = [0]
        queue.reserveCapacity(count)
        // A state's row is written when it leaves the queue, by then known to end a key or not
        // (its failure state's keys are added when it is queued). The one or two entries its
        // place leaves unused are never read (zeroes).
        let table = [UInt32](unsafeUninitializedCapacity: count * stride) { table, initialized in
            guard let base = table.baseAddress else { return }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                let place = base + state * stride
                let flag = ends[state].isEmpty ? 0 : 1
                let row = place + flag
                if flag == 1 { place.initialize(to: 0) }
                (row + classCount).initialize(repeating: 0, count: stride - classCount - flag)
                if state == 0 {
                    row.initialize(repeating: 0, count: classCount)
                } else {
                    row.initialize(from: base + Int(Self.base(of: fail[state], stride: stride, ends: ends)), count: classCount)
                }
                var edge = Int(firstEdge[state])
                while edge >= 0 {
                    let unit = Int(edgeUnit[edge])
                    let child = Int(edgeChild[edge])
                    // The failure state's move there (the root's row starts as moves to the root).
                    let failure = Int(row[unit]) / stride
                    fail[child] = failure
                    if !ends[failure].isEmpty { ends[child] += ends[failure] }
                    row[unit] = Self.base(of: child, stride: stride, ends: ends)
                    queue.append(child)
                    edge = Int(nextEdge[edge])
                }
            }
            initialized = count * stride
        }
        var endingStart: [Int32] = [0]
        var ending: [Int32] = []
        endingStart.reserveCapacity(count + 1)
        for state in 0..<count {
            ending += ends[state]
            endingStart.append(Int32(ending.count))
        }
        self.table = table
        self.stride = stride
        self.classOf = classOf
        self.classCount = classCount
        self.endingStart = endingStart
        self.ending = ending
    }

    /// Where the row of `state` starts: odd when a key ends there.
    private static func base(of state: Int, stride: Int, ends: [[Int32]]) -> UInt32 {
        UInt32(state * stride + (ends[state].isEmpty ? 0 : 1))
    }

    /// Calls `found(key, end)` for each occurrence of a key in `text` (`end`: the offset after its
    /// last byte), in order of `end`.
    func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        table.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classOf in
                guard let moves = table.baseAddress, let classes = classOf.baseAddress else { return }
                // The keys that end in `entry`'s state at `end`.
                func report(_ entry: UInt32, _ end: Int) {
                    let state = Int(entry) / stride
                    for index in Int(endingStart[state])..<Int(endingStart[state + 1]) {
                        let key = Int(ending[index])
                        if keys[key].caseless || holds(keys[key].bytes, base, endingAt: end) { found(key, end) }
                    }
                }
                // The walk from `start` in `initial`'s state to `end`, reporting as it goes: its entry there.
                func walk(from start: Int, to end: Int, entry initial: UInt32) -> UInt32 {
                    var (offset, entry, endsKey) = Self.skip(moves, classes, base, from: start, count: end, entry: initial)
                    while endsKey {
                        report(entry, offset)
                        (offset, entry, endsKey) = Self.skip(moves, classes, base, from: offset, count: end, entry: entry)
                    }
                    // The last bytes, short of a round, one at a time.
                    while offset < end {
                        entry = moves[Int(entry) &+ Int(classes[Int(base[offset])])]
                        offset += 1
                        if entry & 1 != 0 { report(entry, offset) }
                    }
                    return entry
                }
                // The ends `walkTwo` left in a lane's buffer: the entry, and the offset from the lane's start.
                func reportBuffered(_ ends: UnsafeMutablePointer<UInt64>, count: Int, laneStart: Int) {
                    for index in 0..<count {
                        report(UInt32(truncatingIfNeeded: ends[index] >> 32), laneStart + Int(truncatingIfNeeded: ends[index] & 0xFFFF_FFFF))
                    }
                }
                var offset = 0
                var entry: UInt32 = 0
                // Window by window, each cut in two lanes at a line start and walked both at once.
                if count - offset >= Self.twoLaneBytes {
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * Self.windowBytes) { buffer in
                        guard let firstEnds = buffer.baseAddress else { return }
                        let secondEnds = firstEnds + Self.windowBytes
                        while count - offset >= Self.twoLaneBytes {
                            let end = min(offset + Self.windowBytes, count)
                            guard let split = Self.lineStart(in: base, near: (offset + end) / 2, within: offset + 1..<end) else {
                                entry = walk(from: offset, to: end, entry: entry)
                                offset = end
                                continue
                            }
                            let steps = min(split - offset, end - split)
                            // The second lane starts after a line feed, which no key holds: in the root's state.
                            let (entries, ends) = Self.walkTwo(moves, classes, (base + offset, base + split), steps: steps, entries: (entry, 0), ends: (firstEnds, secondEnds))
                            reportBuffered(firstEnds, count: ends.0, laneStart: offset)
                            _ = walk(from: offset + steps, to: split, entry: entries.0)
                            reportBuffered(secondEnds, count: ends.1, laneStart: split)
                            entry = walk(from: split + steps, to: end, entry: entries.1)
                            offset = end
                        }
                    }
                }
                _ = walk(from: offset, to: count, entry: entry)
            }
        }
    }

    /// Walks two lanes `steps` bytes each, both at once: two chains of loads, each waiting on its
    /// own last, which the core has in flight together, where one lane waited on each load in
    /// turn (the walk's time was that wait). Each lane's ends (the entry, and the offset after the
    /// byte from the lane's start) go to its buffer, written at every byte and kept only where a
    /// key ends, without a branch; the entries at the end and the ends' counts are returned.
    /// A function of its own, so that its values stay in registers.
    @inline(never)
    private static func walkTwo(
        _ moves: UnsafePointer<UInt32>, _ classes: UnsafePointer<UInt8>, _ lanes: (UnsafePointer<UInt8>, UnsafePointer<UInt8>), steps: Int,
        entries: (UInt32, UInt32), ends: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>)
    ) -> (entries: (UInt32, UInt32), ends: (Int, Int)) {
        var first = entries.0
        var second = entries.1
        var firstCount = 0
        var secondCount = 0
        var step = 0
        while step < steps {
            first = moves[Int(first) &+ Int(classes[Int(lanes.0[step])])]
            second = moves[Int(second) &+ Int(classes[Int(lanes.1[step])])]
            step &+= 1
            ends.0[firstCount] = UInt64(first) << 32 | UInt64(step)
            firstCount &+= Int(first & 1)
            ends.1[secondCount] = UInt64(second) << 32 | UInt64(step)
            secondCount &+= Int(second & 1)
        }
        return ((first, second), (firstCount, secondCount))
    }

    /// Bytes a window of the two-lane walk: small enough that the lanes' ends wait in buffers of
    /// fixed size, large enough that the lanes' uneven rests, walked one at a time, are few.
    static let windowBytes = 2048
    /// Fewer bytes than this are walked in one lane: the lanes' set-up would cost more than it saves.
    static let twoLaneBytes = 256

    /// The offset after the line feed nearest after `middle` in `range` (else nearest before it),
    /// where a lane can start; nil when the range holds none short of its end.
    private static func lineStart(in base: UnsafePointer<UInt8>, near middle: Int, within range: Range<Int>) -> Int? {
        var index = middle
        while index < range.upperBound - 1 {
            if base[index] == 0x0A { return index + 1 }
            index += 1
        }
        index = middle - 1
        while index >= range.lowerBound {
            if base[index] == 0x0A { return index + 1 }
            index -= 1
        }
        return nil
    }

    /// Bytes the walk reads a round, asking whether a key ends only once a round.
    static let roundBytes = 8

    /// The walk from `position` (in `initial`'s state) `roundBytes` a round, to the first byte
    /// where a key ends (`endsKey`: the offset after it and the entry there, the round's entries
    /// asked in order only then), or to the last bytes short of a round. The byte where a key
    /// ends is found among the entries the round holds, where walking the round again a byte at
    /// a time cost as much as the rest of the walk (a key ends every thirty bytes or so). A
    /// function of its own, so that its few values stay in registers (inlined into the screen's
    /// walk, they were loaded from the stack each round).
    @inline(never)
    private static func skip(
        _ moves: UnsafePointer<UInt32>, _ classes: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>, from position: Int, count: Int, entry initial: UInt32
    ) -> (offset: Int, entry: UInt32, endsKey: Bool) {
        var offset = position
        var entry = initial
        while offset &+ roundBytes <= count {
            let first = moves[Int(entry) &+ Int(classes[Int(base[offset])])]
            let second = moves[Int(first) &+ Int(classes[Int(base[offset &+ 1])])]
            let third = moves[Int(second) &+ Int(classes[Int(base[offset &+ 2])])]
            let fourth = moves[Int(third) &+ Int(classes[Int(base[offset &+ 3])])]
            let fifth = moves[Int(fourth) &+ Int(classes[Int(base[offset &+ 4])])]
            let sixth = moves[Int(fifth) &+ Int(classes[Int(base[offset &+ 5])])]
            let seventh = moves[Int(sixth) &+ Int(classes[Int(base[offset &+ 6])])]
            let eighth = moves[Int(seventh) &+ Int(classes[Int(base[offset &+ 7])])]
            // Most rounds end no key: their ends are asked once.
            if (first | second | third | fourth | fifth | sixth | seventh | eighth) & 1 != 0 {
                if first & 1 != 0 { return (offset &+ 1, first, true) }
                if second & 1 != 0 { return (offset &+ 2, second, true) }
                if third & 1 != 0 { return (offset &+ 3, third, true) }
                if fourth & 1 != 0 { return (offset &+ 4, fourth, true) }
                if fifth & 1 != 0 { return (offset &+ 5, fifth, true) }
                if sixth & 1 != 0 { return (offset &+ 6, sixth, true) }
                if seventh & 1 != 0 { return (offset &+ 7, seventh, true) }
                return (offset &+ 8, eighth, true)
            }
            entry = eighth
            offset &+= roundBytes
        }
        return (offset, entry, false)
    }

    /// Whether `base[..<end]` ends with `bytes` as they are.
    private func holds(_ bytes: [UInt8], _ base: UnsafePointer<UInt8>, endingAt end: Int) -> Bool {
        let start = end - bytes.count
        for index in bytes.indices where base[start + index] != bytes[index] { return false }
        return true
    }
}
