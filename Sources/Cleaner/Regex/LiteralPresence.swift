import Synchronization

/// Which literals a small document's joined text holds, read as `RequiredLiterals` reads a line:
/// a case-insensitive literal in either case, its non-ASCII characters in any form of their
/// class. The line rules' patterns, many, ask the text's `TextTrigrams`, made at their first
/// question. The site signatures, few, ask `bySearch`: their first few case-sensitive literals are
/// searched for in the text as it is (a `memchr` walk each); from the next one on, or at the first
/// case-insensitive one, the trigrams are made and asked. Once the rules' `LiteralScreen` is made,
/// only the signatures ask, two literals a scrape for the built-in ones: making the trigrams for
/// them cost about 30 instructions a byte, where the searches cost about one. Both ways give the
/// same answer: the trigrams only turn away literals that a search would not find.
struct TextLiterals: Sendable {
    /// Literals searched for one by one before the trigrams are made: about the walks that
    /// making them costs (a search costs about one instruction a byte, the trigrams about 30,
    /// which then turn most literals away without reading the text).
    static let searchesBeforeTrigrams = 8

    private let text: [UInt8]
    private var trigrams: TextTrigrams?
    private var searchesLeft: Int
    private var digit: Bool?

    /// `searchesBeforeTrigrams`: 0 makes the trigrams at the first literal asked.
    init(_ text: [UInt8], searchesBeforeTrigrams: Int = Self.searchesBeforeTrigrams) {
        self.text = text
        searchesLeft = searchesBeforeTrigrams
    }

    /// False when `literal` is nowhere in the text.
    mutating func mayHold(_ literal: RequiredLiterals.Literal, bySearch: Bool) -> Bool {
        if bySearch, trigrams == nil, !literal.caseless, searchesLeft > 0 {
            searchesLeft -= 1
            return text.withUnsafeBufferPointer { text in literal.bytes.withUnsafeBufferPointer { ByteSearch.contains(text, $0) } }
        }
        if trigrams == nil { trigrams = TextTrigrams(text) }
        // Asked in place: a copy out of the optional retains and releases its three arrays.
        return trigrams?.mayHold(literal) ?? true
    }

    /// An ASCII digit, or a byte from D9 on (see `TextTrigrams.mayHoldDigit`).
    mutating func mayHoldDigit(bySearch: Bool) -> Bool {
        if let held = trigrams?.mayHoldDigit { return held }
        if !bySearch {
            trigrams = TextTrigrams(text)
            return trigrams?.mayHoldDigit ?? true
        }
        if let digit { return digit }
        let found = text.withUnsafeBufferPointer { text in text.contains { $0 >= 0xD9 || $0 &- 0x30 < 10 } }
        digit = found
        return found
    }
}

/// A text's lower-cased byte trigrams, for `TextLiterals`: a literal is first looked up in a
/// hashed set of them (made in one walk; a bit may stand for several trigrams, so it only turns
/// literals away), and one that passes is searched for: most literals of the built-in rules are
/// turned away by a trigram, where a search for each reads the text again.
struct TextTrigrams: Sendable {
    /// 32,768 bits (4 KB): a small page's few thousand trigrams leave most of them clear.
    static let bitCountLog2 = 15

    private let text: [UInt8]
    private let lowered: [UInt8]
    private let trigrams: [UInt64]
    /// An ASCII digit, or a byte from D9 on (the lead byte of a scalar from U+0640, where the
    /// non-ASCII decimal digits are, see `RequiredLiterals.holdsDigit`).
    let mayHoldDigit: Bool
    /// The Kelvin sign (E2 84 AA) or the long s (C5 BF): PCRE2 matches them with "k" and "s"
    /// under `(?i)`, so a case-insensitive literal's "k" or "s" may be there in that form.
    private let holdsCaseFormOfASCII: Bool

    init(_ text: [UInt8]) {
        var trigrams = [UInt64](repeating: 0, count: (1 << Self.bitCountLog2) / 64)
        var digit = false
        var folded = false
        let lowered = text.withUnsafeBufferPointer { text in
            [UInt8](unsafeUninitializedCapacity: text.count) { lowered, count in
                trigrams.withUnsafeMutableBufferPointer { trigrams in
                    var previous: UInt32 = 0
                    for index in text.indices {
                        let raw = text[index]
                        let byte = Self.lowered(raw)
                        lowered[index] = byte
                        if raw >= 0xC5 {
                            digit = digit || raw >= 0xD9
                            folded = folded || Self.opensCaseFormOfASCII(text, at: index)
                        } else if raw &- 0x30 < 10 {
                            digit = true
                        }
                        previous = (previous << 8 | UInt32(byte)) & 0xFF_FFFF
                        guard index >= 2 else { continue }
                        let bit = Self.bit(previous)
                        trigrams[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
                count = text.count
            }
        }
        self.text = text
        self.lowered = lowered
        self.trigrams = trigrams
        mayHoldDigit = digit
        holdsCaseFormOfASCII = folded
    }

    /// False when `literal` is nowhere in the text.
    func mayHold(_ literal: RequiredLiterals.Literal) -> Bool {
        guard literal.caseless else {
            return mayHoldTrigrams(of: literal.bytes) && contains(text, literal.bytes)
        }
        // Most literals are ASCII without a "k" or "s" the text may hold in another form: one run,
        // looked for as it is, without decoding it into characters.
        if !literal.bytes.contains(where: { $0 >= 0x80 || holdsCaseFormOfASCII && ($0 | 0x20 == UInt8(ascii: "k") || $0 | 0x20 == UInt8(ascii: "s")) }) {
            let run = literal.bytes.allSatisfy { $0 &- 0x41 >= 26 } ? literal.bytes : literal.bytes.map(Self.lowered)
            return run.isEmpty || mayHoldTrigrams(of: run) && contains(lowered, run)
        }
        // Runs of ASCII are looked for in the lower-cased text; "k" and "s" end a run where the
        // text has their other forms. Each non-ASCII character is looked for in each of its forms.
        var run: [UInt8] = []
        func holdsRun() -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            return run.isEmpty || mayHoldTrigrams(of: run) && contains(lowered, run)
        }
        for scalar in String(decoding: literal.bytes, as: UTF8.self).unicodeScalars {
            if scalar.isASCII, !holdsCaseFormOfASCII || (scalar != "k" && scalar != "s") {
                run.append(Self.lowered(UInt8(scalar.value)))
                continue
            }
            guard holdsRun() else { return false }
            guard !scalar.isASCII else { continue }
            let forms = CaseEquivalents.formValues(of: scalar).compactMap(Unicode.Scalar.init)
            guard forms.contains(where: { contains(text, Array(String($0).utf8)) }) else { return false }
        }
        return holdsRun()
    }

    /// False when a trigram of `bytes`, lower-cased, is not in the set.
    private func mayHoldTrigrams(of bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return true }
        return bytes.withUnsafeBufferPointer { bytes in
            trigrams.withUnsafeBufferPointer { trigrams in
                var trigram = UInt32(Self.lowered(bytes[0])) << 8 | UInt32(Self.lowered(bytes[1]))
                for index in 2..<bytes.count {
                    trigram = (trigram << 8 | UInt32(Self.lowered(bytes[index]))) & 0xFF_FFFF
                    let bit = Self.bit(trigram)
                    if trigrams[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
                }
                return true
            }
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { ByteSearch.contains(haystack, $0) } }
    }

    /// The set's bit for a trigram (three bytes, the first highest): Fibonacci hashing.
    private static func bit(_ trigram: UInt32) -> Int {
        Int((trigram &* 0x9E37_79B1) >> UInt32(32 - bitCountLog2))
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    private static func opensCaseFormOfASCII(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        RequiredLiterals.caseFormsOfASCII.contains { form in
            index + form.count <= text.count && form.indices.allSatisfy { text[index + $0] == form[$0] }
        }
    }
}

/// What a built-in pattern's matches must hold (its literals and digit, read ahead in
/// `BuiltinPatternLiterals`), tested against a small document's `TextLiterals` before the
/// pattern is compiled: a small page holds the literals of few of the built-in rules' patterns,
/// and the others were each compiled and run over the whole text only to find nothing. A
/// pattern that fails the test has no candidate line, as a search would have found; one that
/// passes is searched as before.
struct LiteralPresence: Sendable {
    /// Each reading's literals (none: no literal asked) and whether it asks for a digit: every
    /// match satisfies each reading.
    private let readings: [(literals: [RequiredLiterals.Literal], needsDigit: Bool)]

    /// Documents of fewer joined bytes than this are tested: one that alone makes its rule
    /// file's `LiteralPass` screen, which looks for every pattern's literals in one walk, is not.
    static let maxBytes = LiteralPass.thresholdBytes

    /// Nil when `source` is not a built-in pattern, or its readings ask for nothing the test can see.
    init?(source: String, caseInsensitive: Bool) {
        guard let entry = BuiltinPatternLiterals.entry(of: source, caseInsensitive: caseInsensitive) else { return nil }
        self.init(entry: entry)
    }

    /// Nil when the built-in pattern's readings ask for nothing the test can see.
    init?(entry: BuiltinPatternLiterals.Entry) {
        var readings: [(literals: [RequiredLiterals.Literal], needsDigit: Bool)] = []
        for reading in [entry.reading, BuiltinPatternLiterals.screenReading(of: entry)] {
            guard case .literals(let literals, let needsDigit, _, _) = reading, !literals.isEmpty || needsDigit else { continue }
            readings.append((literals, needsDigit))
        }
        guard !readings.isEmpty else { return nil }
        self.readings = readings
    }

    /// False when no line of the text can match. `bySearch`: see `TextLiterals`.
    func mayMatch(_ text: inout TextLiterals, bySearch: Bool = false) -> Bool {
        for reading in readings {
            if reading.needsDigit, !text.mayHoldDigit(bySearch: bySearch) { return false }
            guard !reading.literals.isEmpty else { continue }
            var held = false
            for literal in reading.literals where text.mayHold(literal, bySearch: bySearch) {
                held = true
                break
            }
            if !held { return false }
        }
        return true
    }
}

/// A document's `TextLiterals`, made when a pattern first asks for them.
final class TextLiteralsCache: Sendable {
    private let made = Mutex<TextLiterals?>(nil)

    /// `presence.mayMatch` of `text`'s literals.
    func mayMatch(_ presence: LiteralPresence, in text: [UInt8], bySearch: Bool) -> Bool {
        made.withLock { made in
            // Taken out while asked, so that making its trigrams does not copy what it holds.
            var literals = made.take() ?? TextLiterals(text)
            defer { made = literals }
            return presence.mayMatch(&literals, bySearch: bySearch)
        }
    }
}
