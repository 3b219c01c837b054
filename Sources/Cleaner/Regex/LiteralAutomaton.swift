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

    /// The table of moves: 16-bit entries where its rows fit them, else 32-bit ones. The walk
    /// waits on each byte's load of an entry, and half the table is twice the rows in the
    /// core's caches (the built-in rules' table, 1.2 MB in 32-bit entries, is larger than the
    /// core's second cache).
    private enum Moves: Sendable {
        case narrow([UInt16])
        case wide([UInt32])
    }

    let keys: [Key]
    /// Each byte's class: the lower-cased byte's place among the bytes the keys hold, 0 for others.
    private let classOf: [UInt8]
    private let classCount: Int
    /// State by state, a row of `stride` entries, one per class: entry `rowUnit * entry + class`
    /// is the next state's entry, its row's start in units of `rowUnit`, which let a row's start
    /// fit 16 bits. The walk adds the class to the table's start apart from the chain of loads
    /// (the byte is known ahead), so that each load waits only on a shift and an add.
    private let moves: Moves
    /// Entries this one and above are of states where some key ends: those states' rows come
    /// after all the others, so that a state's flag is a comparison of its entry and not a load
    /// of its own, nor a bit of the entry that the row's address must shed.
    private let firstEnding: UInt32
    /// Entries a row takes: the classes rounded up to whole units.
    private let stride: Int
    /// Per state where keys end (in the order of their rows), the keys that end there, as a
    /// range of `ending`.
    private let endingStart: [Int32]
    private let ending: [Int32]
    /// The longest key's bytes: a walk started in the root's state this many bytes early is in
    /// the state of a walk from the text's start (the state stands for the longest ending of the
    /// text read that opens a key).
    private let warmUp: Int

    /// Entries a unit of a row's start: a row starts at a multiple of it.
    static let rowUnit = 8
    /// More states than this and the walk's table would not stay in the cache: nil then.
    static let maxStates = 1 << 14

    /// Whether the table's entries are 16-bit (tests ask).
    var hasNarrowEntries: Bool {
        if case .narrow = moves { return true }
        return false
    }

    /// The order in which bytes take classes, most frequent in ordinary text first: the walk
    /// of prose reads few classes of each row, and together they share a row's first lines
    /// in the cache. Bytes not named here follow in the order the keys hold them.
    private static let classOrder: [UInt8] = Array(" etaoinsrhldcumfpgwybvk,.jxqz-'0123456789:/()\"!?;&|@#%*+=<>[]_".utf8)

    /// `maxNarrowEntries`: 16-bit entries at most when the table's rows fit them; else 32-bit
    /// (tests ask for less, to take the wide table with few keys).
    init?(_ keys: [Key], maxNarrowEntries: Int = LiteralAutomaton.rowUnit << 16) {
        guard !keys.isEmpty, keys.allSatisfy({ !$0.bytes.isEmpty && !$0.bytes.contains(0x0A) }) else { return nil }
        self.keys = keys
        var classOf = [UInt8](repeating: 0, count: 256)
        var held = [Bool](repeating: false, count: 256)
        for key in keys {
            for byte in key.bytes { held[Int(RequiredLiterals.lowered(byte))] = true }
        }
        var classCount = 1
        for byte in Self.classOrder where held[Int(byte)] && classOf[Int(byte)] == 0 {
            classOf[Int(byte)] = UInt8(classCount)
            classCount += 1
        }
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
        // Breadth first, a first time in trie states: a state's row is its failure state's (the
        // state of its longest proper suffix in the trie, shallower, so its row is complete by
        // then) with its own edges over it. A child's failure state was queued before it, so
        // its keys are all known when the child is queued. Which states end keys, and so where
        // their rows go, is known only at the end.
        let count = ends.count
        var fail = [Int32](repeating: 0, count: count)
        var queue: [Int32] = [0]
        queue.reserveCapacity(count)
        do {
            let rows = UnsafeMutablePointer<Int32>.allocate(capacity: count * classCount)
            defer { rows.deallocate() }
            var head = 0
            while head < queue.count {
                let state = Int(queue[head])
                head += 1
                let row = rows + state * classCount
                if state == 0 {
                    row.initialize(repeating: 0, count: classCount)
                } else {
                    row.initialize(from: rows + Int(fail[state]) * classCount, count: classCount)
                }
                var edge = Int(firstEdge[state])
                while edge >= 0 {
                    let unit = Int(edgeUnit[edge])
                    let child = Int(edgeChild[edge])
                    // The failure state's move there (the root's row is moves to the root).
                    let failure = Int(row[unit])
                    fail[child] = Int32(failure)
                    if !ends[failure].isEmpty { ends[child] += ends[failure] }
                    row[unit] = Int32(child)
                    queue.append(Int32(child))
                    edge = Int(nextEdge[edge])
                }
            }
        }
        // Rows in breadth-first order, those of states that end keys after the others.
        let stride = (classCount + Self.rowUnit - 1) / Self.rowUnit * Self.rowUnit
        var entryOf = [UInt32](repeating: 0, count: count)
        var endingStates: [Int32] = []
        var next: UInt32 = 0
        for state in queue where ends[Int(state)].isEmpty {
            entryOf[Int(state)] = next
            next += UInt32(stride / Self.rowUnit)
        }
        let firstEnding = next
        for state in queue where !ends[Int(state)].isEmpty {
            entryOf[Int(state)] = next
            next += UInt32(stride / Self.rowUnit)
            endingStates.append(state)
        }
        // The second time, in rows: each state's row its failure state's, already written, with its own edges over it.
        func table<Entry: FixedWidthInteger & UnsignedInteger>(of _: Entry.Type) -> [Entry] {
            [Entry](unsafeUninitializedCapacity: count * stride) { table, initialized in
                guard let base = table.baseAddress else { return }
                for state in queue {
                    let row = base + Int(entryOf[Int(state)]) * Self.rowUnit
                    if state == 0 {
                        row.initialize(repeating: 0, count: classCount)
                    } else {
                        row.initialize(from: base + Int(entryOf[Int(fail[Int(state)])]) * Self.rowUnit, count: classCount)
                    }
                    // The entries that round the row up to a unit are never read (zeroes).
                    (row + classCount).initialize(repeating: 0, count: stride - classCount)
                    var edge = Int(firstEdge[Int(state)])
                    while edge >= 0 {
                        row[Int(edgeUnit[edge])] = Entry(truncatingIfNeeded: entryOf[Int(edgeChild[edge])])
                        edge = Int(nextEdge[edge])
                    }
                }
                initialized = count * stride
            }
        }
        moves = count * stride <= maxNarrowEntries ? .narrow(table(of: UInt16.self)) : .wide(table(of: UInt32.self))
        var endingStart: [Int32] = [0]
        var ending: [Int32] = []
        endingStart.reserveCapacity(endingStates.count + 1)
        for state in endingStates {
            ending += ends[Int(state)]
            endingStart.append(Int32(ending.count))
        }
        self.stride = stride
        warmUp = keys.map(\.bytes.count).max() ?? 0
        self.firstEnding = firstEnding
        self.classOf = classOf
        self.classCount = classCount
        self.endingStart = endingStart
        self.ending = ending
    }

    /// Calls `found(key, end)` for each occurrence of a key in `text` (`end`: the offset after its
    /// last byte), in order of `end`.
    func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        switch moves {
        case .narrow(let table): table.withUnsafeBufferPointer { forEachOccurrence(in: text, moves: $0, found) }
        case .wide(let table): table.withUnsafeBufferPointer { forEachOccurrence(in: text, moves: $0, found) }
        }
    }

    private func forEachOccurrence<Entry: FixedWidthInteger & UnsignedInteger>(
        in text: UnsafeBufferPointer<UInt8>, moves table: UnsafeBufferPointer<Entry>, _ found: (Int, Int) -> Void
    ) {
        guard let base = text.baseAddress, let moves = table.baseAddress else { return }
        let count = text.count
        let firstEnding = Entry(truncatingIfNeeded: self.firstEnding)
        let unitsPerRow = UInt32(stride / Self.rowUnit)
        classOf.withUnsafeBufferPointer { classOf in
            guard let classes = classOf.baseAddress else { return }
            // The keys that end in `entry`'s state at `end`.
            func report(_ entry: UInt32, _ end: Int) {
                let state = Int((entry &- self.firstEnding) / unitsPerRow)
                for index in Int(endingStart[state])..<Int(endingStart[state + 1]) {
                    let key = Int(ending[index])
                    if keys[key].caseless || holds(keys[key].bytes, base, endingAt: end) { found(key, end) }
                }
            }
            // The walk from `start` in `initial`'s state to `end`, reporting as it goes: its entry there.
            func walk(from start: Int, to end: Int, entry initial: Entry) -> Entry {
                var (offset, entry, endsKey) = Self.skip(moves, classes, base, from: start, count: end, entry: initial, firstEnding: firstEnding)
                while endsKey {
                    report(UInt32(truncatingIfNeeded: entry), offset)
                    (offset, entry, endsKey) = Self.skip(moves, classes, base, from: offset, count: end, entry: entry, firstEnding: firstEnding)
                }
                // The last bytes, short of a round, one at a time.
                while offset < end {
                    entry = (moves + Int(classes[Int(base[offset])]))[Int(truncatingIfNeeded: entry) &* Self.rowUnit]
                    offset += 1
                    if entry >= firstEnding { report(UInt32(truncatingIfNeeded: entry), offset) }
                }
                return entry
            }
            // The ends `walkFour` left in a lane's buffer: the entry, and the offset from the lane's
            // start (those within its first `skipping` bytes, a warm-up, left out).
            func reportBuffered(_ ends: UnsafeMutablePointer<UInt64>, count: Int, laneStart: Int, skipping: Int) {
                for index in 0..<count where Int(truncatingIfNeeded: ends[index] & 0xFFFF_FFFF) > skipping {
                    report(UInt32(truncatingIfNeeded: ends[index] >> 32), laneStart + Int(truncatingIfNeeded: ends[index] & 0xFFFF_FFFF))
                }
            }
            var offset = 0
            var entry: Entry = 0
            // Window by window, each cut in four lanes walked all at once. A lane but the first
            // starts `warmUp` bytes early in the root's state, its ends there not reported: by
            // then it is in the state the walk from the text's start would be in (no key is
            // longer), so that the lanes are of one length, cut anywhere.
            let warmUp = self.warmUp
            if warmUp <= Self.maxWarmUp, count - offset >= Self.fourLaneBytes {
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 4 * Self.laneCapacity) { buffer in
                    guard let ends = buffer.baseAddress else { return }
                    while count - offset >= Self.fourLaneBytes {
                        // Lane 0 walks its `lane + warmUp` bytes from `offset`; lane k its warm-up
                        // and `lane` bytes, ending where lane k + 1's own bytes start.
                        let lane = min(Self.laneBytes, (count - offset - warmUp) / 4)
                        let steps = lane + warmUp
                        let starts = (offset, offset + lane, offset + 2 * lane, offset + 3 * lane)
                        let (last, counts) = Self.walkFour(
                            moves, classes, (base + starts.0, base + starts.1, base + starts.2, base + starts.3), steps: steps, entry: entry,
                            firstEnding: firstEnding, ends: ends)
                        reportBuffered(ends, count: counts.0, laneStart: starts.0, skipping: 0)
                        reportBuffered(ends + Self.laneCapacity, count: counts.1, laneStart: starts.1, skipping: warmUp)
                        reportBuffered(ends + 2 * Self.laneCapacity, count: counts.2, laneStart: starts.2, skipping: warmUp)
                        reportBuffered(ends + 3 * Self.laneCapacity, count: counts.3, laneStart: starts.3, skipping: warmUp)
                        entry = last
                        offset = starts.3 + steps
                    }
                }
            }
            _ = walk(from: offset, to: count, entry: entry)
        }
    }

    /// Walks four lanes `steps` bytes each, all at once: four chains of loads, each waiting on
    /// its own last, which the core has in flight together, where one lane waited on each load
    /// in turn (the walk's time was that wait). Lane 0 starts in `entry`'s state, the others in
    /// the root's. Each lane's ends (the entry, and the offset after the byte from the lane's
    /// start) go to its buffer (`laneCapacity` apart from `ends`), written at every byte and kept
    /// only where a key ends, without a branch; the last lane's entry at the end and the ends'
    /// counts are returned. A function of its own, so that its values stay in registers.
    @inline(never)
    private static func walkFour<Entry: FixedWidthInteger & UnsignedInteger>(
        _ moves: UnsafePointer<Entry>, _ classes: UnsafePointer<UInt8>,
        _ lanes: (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>), steps: Int,
        entry: Entry, firstEnding: Entry, ends: UnsafeMutablePointer<UInt64>
    ) -> (last: Entry, counts: (Int, Int, Int, Int)) {
        var first = entry
        var second: Entry = 0
        var third: Entry = 0
        var fourth: Entry = 0
        var counts = (0, 0, 0, 0)
        var step = 0
        // An end counts one without a comparison, which the compiler made a branch that each
        // key's end mispredicted: an entry plus this bias tops 32 bits only from `firstEnding` on.
        let bias = (1 << 32) &- UInt64(truncatingIfNeeded: firstEnding)
        @inline(__always) func ended(_ entry: Entry) -> Int {
            Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: entry) &+ bias) >> 32)
        }
        while step < steps {
            first = (moves + Int(classes[Int(lanes.0[step])]))[Int(truncatingIfNeeded: first) &* rowUnit]
            second = (moves + Int(classes[Int(lanes.1[step])]))[Int(truncatingIfNeeded: second) &* rowUnit]
            third = (moves + Int(classes[Int(lanes.2[step])]))[Int(truncatingIfNeeded: third) &* rowUnit]
            fourth = (moves + Int(classes[Int(lanes.3[step])]))[Int(truncatingIfNeeded: fourth) &* rowUnit]
            step &+= 1
            // One test for the four lanes: a step where none ends a key (nine in ten) writes
            // nothing, where each lane wrote its end at every byte.
            guard max(max(first, second), max(third, fourth)) >= firstEnding else { continue }
            ends[counts.0] = UInt64(truncatingIfNeeded: first) << 32 | UInt64(step)
            counts.0 &+= ended(first)
            ends[laneCapacity &+ counts.1] = UInt64(truncatingIfNeeded: second) << 32 | UInt64(step)
            counts.1 &+= ended(second)
            ends[2 &* laneCapacity &+ counts.2] = UInt64(truncatingIfNeeded: third) << 32 | UInt64(step)
            counts.2 &+= ended(third)
            ends[3 &* laneCapacity &+ counts.3] = UInt64(truncatingIfNeeded: fourth) << 32 | UInt64(step)
            counts.3 &+= ended(fourth)
        }
        return (fourth, counts)
    }

    /// Bytes a lane of the four-lane walk at most: small enough that the lanes' ends wait in
    /// buffers of fixed size.
    static let laneBytes = 512
    /// Warm-up bytes a lane may take at most (the longest key's bytes): longer keys are walked in one lane.
    static let maxWarmUp = 64
    /// Entries a lane's buffer holds: an end at each of its bytes, and the one written past the last.
    static let laneCapacity = laneBytes + maxWarmUp + 1
    /// Fewer bytes than this are walked in one lane: the lanes' set-up would cost more than it saves.
    static let fourLaneBytes = 256

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
    private static func skip<Entry: FixedWidthInteger & UnsignedInteger>(
        _ moves: UnsafePointer<Entry>, _ classes: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>, from position: Int, count: Int, entry initial: Entry,
        firstEnding: Entry
    ) -> (offset: Int, entry: Entry, endsKey: Bool) {
        var offset = position
        var entry = initial
        func move(_ entry: Entry, _ byte: Int) -> Entry {
            (moves + Int(classes[Int(base[offset &+ byte])]))[Int(truncatingIfNeeded: entry) &* rowUnit]
        }
        while offset &+ roundBytes <= count {
            let first = move(entry, 0)
            let second = move(first, 1)
            let third = move(second, 2)
            let fourth = move(third, 3)
            let fifth = move(fourth, 4)
            let sixth = move(fifth, 5)
            let seventh = move(sixth, 6)
            let eighth = move(seventh, 7)
            // Most rounds end no key: their ends are asked once.
            if max(max(max(first, second), max(third, fourth)), max(max(fifth, sixth), max(seventh, eighth))) >= firstEnding {
                if first >= firstEnding { return (offset &+ 1, first, true) }
                if second >= firstEnding { return (offset &+ 2, second, true) }
                if third >= firstEnding { return (offset &+ 3, third, true) }
                if fourth >= firstEnding { return (offset &+ 4, fourth, true) }
                if fifth >= firstEnding { return (offset &+ 5, fifth, true) }
                if sixth >= firstEnding { return (offset &+ 6, sixth, true) }
                if seventh >= firstEnding { return (offset &+ 7, seventh, true) }
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
