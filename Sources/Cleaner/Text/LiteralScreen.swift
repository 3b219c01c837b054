import Glibc

/// The candidate lines of all of a rule file's line patterns, from one walk of a document: each
/// pattern's required byte or required literals (`RequiredByte`, `RequiredLiterals`) are keys of
/// one `LiteralAutomaton`, and each line's character count and digit test are made once for
/// all patterns. A pattern gives the lines that hold one of its keys (every line when it has
/// none) and pass its line tests (length bound, end, digit): a superset of the lines it matches,
/// on which it is then matched alone. A pattern with neither (nothing can be read from it, or a
/// case-insensitive literal has no run of characters of few spellings, see `foldedKeys`) is not
/// screened: its rule searches as before.
struct LiteralScreen: Sendable {
    /// What a screened pattern asks of a line besides its keys.
    private struct Screened: Sendable {
        /// Tests besides the literals' (nil when it has none), boxed: the walk reads each tested
        /// pattern's, where a copy of the literals retained each of their arrays.
        var tests: LineTests?
        /// A byte a candidate line holds besides a key.
        var byte: UInt8?
        /// No keys: every line is a candidate before the tests.
        var everyLine: Bool
    }

    /// A pattern's `RequiredLiterals`, for their line tests.
    private final class LineTests: Sendable {
        let literals: RequiredLiterals
        /// The digit is the only test: a line's answer is whether it holds one.
        let onlyDigit: Bool
        init(_ literals: RequiredLiterals) {
            self.literals = literals
            onlyDigit = literals.needsDigit && literals.maxCharacters == nil && literals.suffixes.isEmpty
        }
    }

    /// The rest of a literal longer than its key (`maxKeyBytes`): a line holding the key is the
    /// slot's candidate only when these bytes follow it, as they are, or lower-cased for a
    /// case-insensitive literal. Most of a line's keys of long literals are only their openings
    /// ("use of t" in "because of the"), and each would cost a match in PCRE2.
    private struct Tail: Sendable {
        /// The slot (or conjunct mark) it marks.
        var slot: Int32
        /// Its bytes: `tailBytes[start ..< start + count]`.
        var start: Int32
        var count: Int32
        /// Compared lower-cased.
        var caseless: Bool
    }

    /// By slot (the rule's place in its file); nil for a pattern that is not screened.
    private let screened: [Screened?]
    /// Whether each slot's pattern is screened (`screened[slot] != nil`), asked for every rule
    /// of every document: a test of the entry itself copied it, retaining what it holds.
    private let screensSlot: [Bool]
    private let automaton: LiteralAutomaton?
    /// Per key of `automaton`, the slots it is a key of, `keySlots[keySlotStart[key] ..<
    /// keySlotStart[key + 1]]`, and the slots it opens a longer literal of, the same way in
    /// `keyTails`: flat arrays, read in place at each occurrence (no array a key to copy).
    private let keySlotStart: [Int32]
    private let keySlots: [Int32]
    private let keyTailStart: [Int32]
    private let keyTails: [Tail]
    private let tailBytes: [UInt8]
    private let countsCharacters: Bool
    /// Some pattern asks a line for a digit: each line's answer is found in one walk of the text.
    private let testsDigits: Bool
    /// The slots whose candidates are more than the lines with their keys: those with line
    /// tests, or without keys.
    private let tested: [Int]
    /// The slots whose patterns have no keys: each line of a document is tested (their rows are
    /// made for every document).
    private let everyLine: [Int]
    /// The slots whose patterns have other necessary parts (`LeadingLookarounds.conjuncts`), each
    /// with the marks (slots past the rules' own) of those parts' keys: a candidate holds a key
    /// of each as well. Apart from `Screened`, whose copies the walk makes for every tested slot.
    private let conjoined: [(slot: Int, conjuncts: [Int])]
    /// The slots' and conjuncts' marks in all.
    private let markSlots: Int

    /// Literals a pattern may have: one walk looks for any number at the same cost (the
    /// multilingual alternations of headings and form labels hold about a hundred), and each
    /// key that opens a line to PCRE2 costs a match there, where without keys the pattern
    /// searches the whole text.
    static let maxLiterals = 128
    /// Keys a literal compared through case classes may stand as: each a form of a run of its
    /// characters (`foldedKeys`).
    static let maxFormsPerLiteral = 8
    /// A key's bytes at most: longer literals are looked for by their opening, which still
    /// picks out few lines, where each further byte of each key is a state of the automaton to
    /// build (the multilingual alternations' keys whole made it cost four times as much).
    static let maxKeyBytes = 8

    /// `patterns` by slot; nil where a rule has no pattern.
    init(_ patterns: [Pattern?]) {
        var screened: [Screened?] = []
        var keys: [LiteralAutomaton.Key] = []
        var keyIndex: [LiteralAutomaton.Key: Int] = [:]
        var slotsOfKey: [[Int32]] = []
        var tailsOfKey: [[Tail]] = []
        var tailBytes: [UInt8] = []
        func add(_ slotKeys: [KeyedLiteral], marking slot: Int) {
            var whole: Set<LiteralAutomaton.Key> = []
            for keyed in slotKeys where keyed.tail.isEmpty { whole.insert(keyed.key) }
            func index(of key: LiteralAutomaton.Key) -> Int {
                if let index = keyIndex[key] { return index }
                keyIndex[key] = keys.count
                keys.append(key)
                slotsOfKey.append([])
                tailsOfKey.append([])
                return keys.count - 1
            }
            for key in whole { slotsOfKey[index(of: key)].append(Int32(slot)) }
            // A tail of a key that marks the slot whole asks nothing more. (A literal read twice
            // would only be compared twice: not worth a set of them.)
            for keyed in slotKeys where !keyed.tail.isEmpty && !whole.contains(keyed.key) {
                tailsOfKey[index(of: keyed.key)].append(Tail(slot: Int32(slot), start: Int32(tailBytes.count), count: Int32(keyed.tail.count), caseless: keyed.key.caseless))
                tailBytes += keyed.tail
            }
        }
        var conjunctCount = 0
        var conjoined: [(slot: Int, conjuncts: [Int])] = []
        for (slot, pattern) in patterns.enumerated() {
            guard let pattern, let (patternKeys, entry) = Self.keys(of: pattern) else {
                screened.append(nil)
                continue
            }
            add(patternKeys, marking: slot)
            var conjuncts: [Int] = []
            if !entry.everyLine {
                for conjunctKeys in Self.conjunctKeys(of: pattern, besides: patternKeys) {
                    let mark = patterns.count + conjunctCount
                    conjunctCount += 1
                    conjuncts.append(mark)
                    add(conjunctKeys, marking: mark)
                }
            }
            if !conjuncts.isEmpty { conjoined.append((slot, conjuncts)) }
            screened.append(entry)
        }
        let automaton = LiteralAutomaton(keys)
        // Without the automaton (too many states), only patterns without keys are screened.
        let kept = automaton != nil ? screened : screened.map { $0?.everyLine == true ? $0 : nil }
        self.screened = kept
        screensSlot = kept.map { $0 != nil }
        self.automaton = automaton
        (keySlotStart, keySlots) = Self.flattened(slotsOfKey)
        (keyTailStart, keyTails) = Self.flattened(tailsOfKey)
        self.tailBytes = tailBytes
        countsCharacters = kept.contains { $0?.tests?.literals.maxCharacters != nil }
        testsDigits = kept.contains { $0?.tests?.literals.needsDigit == true }
        tested = kept.indices.filter { kept[$0].map { $0.everyLine || $0.tests != nil || $0.byte != nil } ?? false }
        everyLine = kept.indices.filter { kept[$0]?.everyLine == true }
        self.conjoined = conjoined.filter { kept[$0.slot] != nil }
        markSlots = patterns.count + conjunctCount
    }

    /// `lists` as one array, list `index` at `[start[index] ..< start[index + 1]]`.
    private static func flattened<Element>(_ lists: [[Element]]) -> (start: [Int32], elements: [Element]) {
        var start: [Int32] = [0]
        start.reserveCapacity(lists.count + 1)
        var elements: [Element] = []
        for list in lists {
            elements += list
            start.append(Int32(elements.count))
        }
        return (start, elements)
    }

    /// The keys of `pattern` and what else it asks; nil when it cannot be screened. Its literals
    /// when it has some (they pick out fewer lines than a byte), with its required byte as a
    /// test; else its required byte.
    private static func keys(of pattern: Pattern) -> ([KeyedLiteral], Screened)? {
        let byte = pattern.requiredByte
        // Read with the screen's wider limits: a built-in pattern was read ahead (a reading here
        // would cost the screen most of what it is made of), a user's pattern is read now.
        let ahead = BuiltinPatternLiterals.screenReading(of: pattern.source, caseInsensitive: pattern.caseInsensitive)
        let literals = ahead.map(\.requiredLiterals) ?? RequiredLiterals.of(pattern.source, caseInsensitive: pattern.caseInsensitive, limit: maxLiterals)
        let tested = literals.map { $0.maxCharacters != nil || $0.needsDigit || !$0.suffixes.isEmpty } ?? false
        if let literals, !literals.literals.isEmpty || byte == nil, let keys = keys(of: literals) {
            return (keys, Screened(tests: tested ? LineTests(literals) : nil, byte: byte, everyLine: literals.literals.isEmpty))
        }
        guard let byte else { return nil }
        return ([KeyedLiteral(key: .init(bytes: [byte], caseless: false))], Screened(tests: tested ? literals.map(LineTests.init) : nil, byte: nil, everyLine: false))
    }

    /// The keys of each necessary part of `pattern` (`LeadingLookarounds.conjuncts`) whose
    /// required literals are other than the pattern's own, `keys`. A built-in pattern's parts were
    /// read ahead; a user's are read now.
    private static func conjunctKeys(of pattern: Pattern, besides keyed: [KeyedLiteral]) -> [[KeyedLiteral]] {
        let parts = LeadingLookarounds.conjuncts(of: pattern.source)
        guard !parts.isEmpty else { return [] }
        let keys = keyed.map(\.key)
        var found: [Set<LiteralAutomaton.Key>] = [Set(keys)]
        var conjuncts: [[KeyedLiteral]] = []
        for part in parts {
            let ahead = BuiltinPatternLiterals.screenReading(of: part, caseInsensitive: pattern.caseInsensitive)
            guard let literals = ahead.map(\.requiredLiterals) ?? RequiredLiterals.of(part, caseInsensitive: pattern.caseInsensitive, limit: maxLiterals),
                  !literals.literals.isEmpty, let partKeyed = Self.keys(of: literals)
            else { continue }
            // Judged by the keys alone: a part dropped as implied only leaves more candidates.
            let partKeys = partKeyed.map(\.key)
            let set = Set(partKeys)
            guard !found.contains(set), !implies(keys, partKeys) else { continue }
            found.append(set)
            conjuncts.append(partKeyed)
        }
        return conjuncts
    }

    /// Whether a line holding one of `keys` holds one of `others` too, each key holding one of
    /// them: a pattern's part read apart often gives some of the pattern's own literals again,
    /// which would only cost the walk their occurrences.
    private static func implies(_ keys: [LiteralAutomaton.Key], _ others: [LiteralAutomaton.Key]) -> Bool {
        keys.allSatisfy { key in others.contains { holds(key, $0) } }
    }

    /// Whether a line holding `key` holds `other`: `key` spells it, in either case when `other`
    /// is caseless (a case-sensitive key is found as it is: only a case-sensitive key holds it).
    private static func holds(_ key: LiteralAutomaton.Key, _ other: LiteralAutomaton.Key) -> Bool {
        guard other.caseless || !key.caseless, other.bytes.count <= key.bytes.count else { return false }
        let haystack: [UInt8] = other.caseless ? key.bytes.map(RequiredLiterals.lowered) : key.bytes
        let needle: [UInt8] = other.caseless ? other.bytes.map(RequiredLiterals.lowered) : other.bytes
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// A key, and the bytes that follow it in the literal it opens (none when it is the whole
    /// literal, or one spelling of a run of it: `foldedKeys`).
    struct KeyedLiteral: Sendable, Equatable {
        var key: LiteralAutomaton.Key
        var tail: [UInt8] = []
    }

    /// Keys that a line holding one of `literals` holds; nil when a case-insensitive literal has
    /// no ASCII to look for.
    static func keys(of literals: RequiredLiterals) -> [KeyedLiteral]? {
        var keys: [KeyedLiteral] = []
        for literal in literals.literals {
            guard literal.foldsScalars else {
                // Its opening: a line holding the literal holds that, with the rest after it (an
                // ASCII literal's case forms but the Kelvin sign and the long s, which the keys
                // below find).
                keys.append(KeyedLiteral(key: .init(bytes: Array(literal.bytes.prefix(maxKeyBytes)), caseless: literal.caseless), tail: Array(literal.bytes.dropFirst(maxKeyBytes))))
                continue
            }
            guard let folded = foldedKeys(literal.bytes) else { return nil }
            keys += folded.map { KeyedLiteral(key: $0) }
        }
        if literals.foldsNonASCII, !literals.literals.isEmpty {
            keys += RequiredLiterals.caseFormsOfASCII.map { KeyedLiteral(key: .init(bytes: $0, caseless: false)) }
        }
        return keys
    }

    /// Keys of which a line holding the case-insensitive `bytes` (canonical members, see
    /// `CaseEquivalents`) holds one: a non-ASCII character may be written in any form of its
    /// class, so a run of characters is looked for in each of its spellings, the run of at most
    /// `maxKeyBytes` with the most bytes and at most `maxFormsPerLiteral` spellings (ASCII
    /// letters are found in either case by the automaton, or as the Kelvin sign or the long s,
    /// looked for beside). Nil when no run has a byte (a class of too many forms).
    private static func foldedKeys(_ bytes: [UInt8]) -> [LiteralAutomaton.Key]? {
        // Each character's count of spellings (an ASCII one as itself, a non-ASCII one as its
        // forms) and the bytes of its longest one, as plain numbers: the spellings themselves
        // are spelled only for the run chosen (an array of arrays a character cost the screen
        // millions of instructions in allocations).
        var scalars: [Unicode.Scalar] = []
        var counts: [Int] = []
        var widths: [Int] = []
        scalars.reserveCapacity(bytes.count)
        counts.reserveCapacity(bytes.count)
        widths.reserveCapacity(bytes.count)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            guard !scalar.isASCII else {
                counts.append(1)
                widths.append(1)
                continue
            }
            var spellings = 0
            var width = 0
            for value in CaseEquivalents.formValues(of: scalar) where Unicode.Scalar(value) != nil {
                spellings += 1
                width = max(width, value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4)
            }
            counts.append(spellings)
            widths.append(width)
        }
        var best: (range: Range<Int>, bytes: Int, spellings: Int)?
        for start in scalars.indices {
            var spellings = 1
            var length = 0
            for end in start..<scalars.count {
                spellings *= counts[end]
                length += widths[end]
                guard spellings <= maxFormsPerLiteral, length <= maxKeyBytes else { break }
                if best.map({ length > $0.bytes || length == $0.bytes && spellings < $0.spellings }) ?? true {
                    best = (start..<(end + 1), length, spellings)
                }
            }
        }
        guard let best, best.bytes > 0 else { return nil }
        var spelled: [[UInt8]] = [[]]
        for scalar in scalars[best.range] {
            guard !scalar.isASCII else {
                for index in spelled.indices { spelled[index].append(UInt8(scalar.value)) }
                continue
            }
            let forms = CaseEquivalents.formValues(of: scalar).compactMap(Unicode.Scalar.init)
            var longer: [[UInt8]] = []
            longer.reserveCapacity(spelled.count * forms.count)
            for prefix in spelled {
                for form in forms {
                    var key = prefix
                    UTF8.encode(form) { key.append($0) }
                    longer.append(key)
                }
            }
            spelled = longer
        }
        return spelled.map { .init(bytes: $0, caseless: true) }
    }

    /// Whether the pattern in `slot` is screened.
    func screens(_ slot: Int) -> Bool { slot < screensSlot.count && screensSlot[slot] }

    /// `screens` of every slot.
    var screenedSlots: [Bool] { screensSlot }

    /// The lines of a document each screened pattern may match.
    struct Candidates {
        /// The rows of marks of the slots (and conjuncts) with a candidate line, `lineCount` a row.
        let marks: [Bool]
        /// Per slot (then per conjunct), where its row starts in `marks`; -1 for a slot with no
        /// candidate line (most of a document's slots: their rows are neither made nor read).
        let rowStart: [Int]
        let lineCount: Int

        /// Where the row of `slot` starts in `marks`; nil when it has no candidate line.
        func start(of slot: Int) -> Int? {
            guard slot < rowStart.count, rowStart[slot] >= 0 else { return nil }
            return rowStart[slot]
        }

        /// Whether line `line` is a candidate of `slot`.
        func isCandidate(_ line: Int, of slot: Int) -> Bool {
            start(of: slot).map { marks[$0 + line] } ?? false
        }
    }

    /// For each slot, the lines of `lines` its pattern may match (none for a slot not screened);
    /// the conjuncts' marks follow the slots'.
    ///
    /// The walk first gathers the (mark, line) pairs its keys give, then makes a row of marks
    /// only for the marks with a pair and the slots tested on every line: a row for every slot
    /// and line cost clearing 20 KB a document, where a few hundred pairs mark a few dozen rows.
    func candidateLines(in lines: DocumentLines) -> Candidates {
        let count = lines.count
        var rowStart = [Int](repeating: -1, count: markSlots)
        var rows = 0
        // Each mark's (mark, line) pairs, as `mark << 32 | line`, and the last line given to
        // each mark (a key met twice on a line, or a tail already found there, adds nothing).
        var pairs: [UInt64] = []
        pairs.reserveCapacity(256)
        var lastLine = [Int](repeating: -1, count: markSlots)
        // Each line's character count, made when a pattern first asks: most lines are
        // candidates of no pattern that asks (-1 not yet). Its digit test, made for every line
        // in one walk of the text when a pattern asks (patterns that ask every line do).
        var characters = [Int](repeating: -1, count: countsCharacters ? count : 0)
        var marks: [Bool] = []
        lines.text.withUnsafeBufferPointer { text in
            lines.starts.withUnsafeBufferPointer { starts in
                let digits = testsDigits ? RequiredLiterals.digitLines(text, starts: UnsafeBufferPointer(rebasing: starts[..<count])) : []
                var line = 0
                // The key tables as buffers: the walk's closure holds no array and not `self`,
                // which it copied (each of the screen's arrays retained and released) for each
                // run of occurrences the walk reports, many times a document.
                // `lastLine` as a buffer too: written at most occurrences, where the array's
                // every write asked whether it was uniquely held.
                Self.withBuffers(keySlotStart, keySlots, keyTailStart, tailBytes) { keySlotStart, keySlots, keyTailStart, tailBytes in
                    keyTails.withUnsafeBufferPointer { keyTails in
                        lastLine.withUnsafeMutableBufferPointer { lastLine in
                            automaton?.forEachOccurrence(in: text) { key, end in
                                // Occurrences come in order: the line moves on with them.
                                while line + 1 < count, starts[line + 1] < end { line += 1 }
                                for index in Int(keySlotStart[key])..<Int(keySlotStart[key + 1]) {
                                    let slot = Int(keySlots[index])
                                    guard lastLine[slot] != line else { continue }
                                    lastLine[slot] = line
                                    pairs.append(UInt64(slot) << 32 | UInt64(line))
                                }
                                for index in Int(keyTailStart[key])..<Int(keyTailStart[key + 1]) {
                                    let tail = keyTails[index]
                                    let slot = Int(tail.slot)
                                    guard lastLine[slot] != line else { continue }
                                    let rest = UnsafeBufferPointer(rebasing: tailBytes[Int(tail.start)..<Int(tail.start + tail.count)])
                                    guard Self.follows(rest, caseless: tail.caseless, in: text, at: end) else { continue }
                                    lastLine[slot] = line
                                    pairs.append(UInt64(slot) << 32 | UInt64(line))
                                }
                            }
                        }
                    }
                }
                for pair in pairs where rowStart[Int(pair >> 32)] < 0 {
                    rowStart[Int(pair >> 32)] = rows * count
                    rows += 1
                }
                for slot in everyLine {
                    rowStart[slot] = rows * count
                    rows += 1
                }
                marks = [Bool](repeating: false, count: rows * count)
                marks.withUnsafeMutableBufferPointer { marks in
                    for pair in pairs { marks[rowStart[Int(pair >> 32)] + Int(pair & 0xFFFF_FFFF)] = true }
                    for (slot, conjuncts) in conjoined {
                        let first = rowStart[slot]
                        guard first >= 0 else { continue }
                        // A conjunct without a row is on no line: no line of the slot holds a key of each.
                        guard conjuncts.allSatisfy({ rowStart[$0] >= 0 }) else {
                            _ = UnsafeMutableBufferPointer(rebasing: marks[first..<(first + count)]).update(repeating: false)
                            continue
                        }
                        Self.forEachCandidate(marks, from: first, count: count, everyLine: false) { line in
                            if conjuncts.contains(where: { !marks[rowStart[$0] + line] }) { marks[first + line] = false }
                        }
                    }
                    for slot in tested {
                        // Taken once a pattern: each copy of the tests retains their arrays.
                        guard let entry = screened[slot] else { continue }
                        let first = rowStart[slot]
                        // A slot without keys on any line has no candidate to test.
                        guard first >= 0 else { continue }
                        let byte = entry.byte
                        // The box, not a copy of the literals (which would retain each of their arrays).
                        let tests = entry.tests
                        if entry.everyLine, byte == nil, let tests, tests.onlyDigit {
                            // Every line with a digit: the walk's answers as they are.
                            _ = UnsafeMutableBufferPointer(rebasing: marks[first..<(first + count)]).update(fromContentsOf: digits)
                            continue
                        }
                        Self.forEachCandidate(marks, from: first, count: count, everyLine: entry.everyLine) { line in
                            let end = line + 1 < count ? starts[line + 1] - 1 : text.count
                            let bytes = UnsafeBufferPointer(rebasing: text[starts[line]..<end])
                            if let byte, !ByteSearch.contains(bytes, byte: byte) {
                                marks[first + line] = false
                                return
                            }
                            guard let tests else {
                                marks[first + line] = true
                                return
                            }
                            marks[first + line] = tests.literals.passesLineTests(bytes) {
                                if characters[line] < 0 { characters[line] = ByteLanes.characterCount(bytes) }
                                return characters[line]
                            } digit: {
                                digits[line]
                            }
                        }
                    }
                }
            }
        }
        return Candidates(marks: marks, rowStart: rowStart, lineCount: count)
    }

    /// `body` with the buffers of three arrays of `Int32` and one of bytes.
    @inline(__always)
    private static func withBuffers<Result>(
        _ first: [Int32], _ second: [Int32], _ third: [Int32], _ bytes: [UInt8],
        _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                third.withUnsafeBufferPointer { third in
                    bytes.withUnsafeBufferPointer { bytes in body(first, second, third, bytes) }
                }
            }
        }
    }

    /// Whether `text` holds `rest` at `offset`: as it is, or lower-cased when `caseless` (the
    /// literal's bytes are held lower-cased). A literal holds no line end, so a line's `rest` is
    /// never matched across one.
    static func follows(_ rest: UnsafeBufferPointer<UInt8>, caseless: Bool, in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard rest.count <= text.count - offset else { return false }
        for index in rest.indices {
            let byte = text[offset + index]
            if (caseless ? RequiredLiterals.lowered(byte) : byte) != rest[index] { return false }
        }
        return true
    }

    /// Calls `body` with each line marked in `marks[first ..< first + count]`, or with every
    /// line when `everyLine`. A pattern's keys mark a handful of a document's hundreds of lines:
    /// memchr finds them (a Bool is the byte 1) where a loop would read every mark of every
    /// tested pattern.
    @inline(__always)
    private static func forEachCandidate(_ marks: UnsafeMutableBufferPointer<Bool>, from first: Int, count: Int, everyLine: Bool, _ body: (Int) -> Void) {
        guard !everyLine else {
            for line in 0..<count { body(line) }
            return
        }
        guard let base = marks.baseAddress.map({ UnsafeRawPointer($0 + first) }) else { return }
        var line = 0
        while let index = nextMark(in: base, from: line, count: count) {
            body(index)
            line = index + 1
        }
    }

    /// The first of the `count` marks at `base` that is true, at `index` or after: memchr finds
    /// it (a Bool is the byte 1). Shared by the screen and `LineMatcher`'s walk of candidates.
    @inline(__always)
    static func nextMark(in base: UnsafeRawPointer, from index: Int, count: Int) -> Int? {
        guard index < count, let found = memchr(base + index, 1, count - index) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
