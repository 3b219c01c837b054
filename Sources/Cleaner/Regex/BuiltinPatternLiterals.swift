#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `RequiredLiterals` of the built-in rules' patterns, read ahead: reading a pattern's
/// multilingual alternations costs hundreds of thousands of instructions, which a run over one
/// small page paid on its main thread for every pattern it matched on enough text (14.6 million
/// for a text scrape). The readings are made by `PatternReader` when the built-in rules are
/// embedded (`scripts/embed-rules` runs `BuiltinLiteralsTests` to write `BuiltinLiterals.swift`),
/// and the same test fails when they differ from what `RequiredLiterals.of` reads now, so they
/// cannot go stale. A pattern not in the table (a user's rule) is read as before (`LazyRequiredLiterals`).
/// The literal screen's wider reading (`LiteralScreen`) is read ahead the same way.
enum BuiltinPatternLiterals {
    /// What `RequiredLiterals.of(source, caseInsensitive: false)` gives: its arguments, or none.
    enum Reading: Sendable {
        case none
        case literals([RequiredLiterals.Literal], needsDigit: Bool, suffixes: [RequiredLiterals.Literal], maxCharacters: Int?)

        var requiredLiterals: RequiredLiterals? {
            switch self {
            case .none: nil
            case let .literals(literals, needsDigit, suffixes, maxCharacters):
                RequiredLiterals(literals, needsDigit: needsDigit, suffixes: suffixes, maxCharacters: maxCharacters)
            }
        }
    }

    /// A built-in pattern's reading, under `key(of: source)`, and its `RequiredByte` (what
    /// PCRE2 reports of the compiled pattern): line rules look a line over for the byte before
    /// matching it, and the literal screen keys a pattern by it, which compiled every built-in
    /// pattern only to learn it (9 million instructions), where a small page compiles few.
    struct Entry: Sendable {
        let key: UInt64
        let source: String
        let reading: Reading
        let requiredByte: UInt8?

        init(key: UInt64, source: String, reading: Reading, requiredByte: UInt8? = nil) {
            self.key = key
            self.source = source
            self.reading = reading
            self.requiredByte = requiredByte
        }
    }

    /// The screen's wider reading of a built-in pattern (`RequiredLiterals.of(source,
    /// caseInsensitive: false, limit: LiteralScreen.maxLiterals)`) where it differs from `reading`,
    /// under the same key. A table of its own, made on its first use: by the screen, or at
    /// start-up by the first `LiteralPresence` (the test of a small document, which asks both
    /// readings), on a machine of several cores by the thread that compiles the global patterns
    /// ahead (`compilePatternsAhead` asks each pattern for it): about 0.55 million instructions.
    struct ScreenEntry: Sendable {
        let key: UInt64
        let reading: Reading
    }

    /// The reading of `source` made ahead, or nil when it is not a built-in pattern. Case-sensitive
    /// sources only (the built-in rules' options are inline, as `(?i:...)`).
    static func reading(of source: String, caseInsensitive: Bool) -> Reading? {
        index(of: source, caseInsensitive: caseInsensitive).map { table[$0].reading }
    }

    /// The entry of `source`, or nil when it is not a built-in pattern (as `reading`).
    static func entry(of source: String, caseInsensitive: Bool) -> Entry? {
        index(of: source, caseInsensitive: caseInsensitive).map { table[$0] }
    }

    /// The screen's reading of `source` made ahead, or nil when it is not a built-in pattern: read
    /// at run time, the multilingual alternations that the narrower reading gives up on cost the
    /// screen some 50 million instructions.
    static func screenReading(of source: String, caseInsensitive: Bool) -> Reading? {
        guard let index = index(of: source, caseInsensitive: caseInsensitive) else { return nil }
        return screenReading(of: table[index])
    }

    /// The screen's reading of a built-in pattern's `entry`.
    static func screenReading(of entry: Entry) -> Reading {
        let wider = screenTable.lowerBound(of: entry.key, by: \.key)
        return wider < screenTable.count && screenTable[wider].key == entry.key ? screenTable[wider].reading : entry.reading
    }

    private static func index(of source: String, caseInsensitive: Bool) -> Int? {
        guard !caseInsensitive else { return nil }
        let key = key(of: source)
        let index = table.lowerBound(of: key, by: \.key)
        guard index < table.count, table[index].key == key,
              sameBytes(table[index].source, source)
        else { return nil }
        return index
    }

    /// Byte for byte, as `memcmp` (a walk of the UTF-8 views cost 12,000 instructions a pattern).
    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                guard one.count == other.count, let oneBase = one.baseAddress, let otherBase = other.baseAddress else { return one.count == other.count && one.isEmpty }
                return memcmp(oneBase, otherBase, one.count) == 0
            }
        }
    }

    /// The table's key for `source`: FNV-1a of its UTF-8. The table is an array sorted by key,
    /// not a dictionary: a String key is hashed through Unicode normalisation, and a dictionary's
    /// first use looks up its key's conformances, each about half a million instructions at start-up.
    static func key(of source: String) -> UInt64 {
        var source = source
        return source.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    /// A literal written as its text (the generated table's form).
    static func literal(_ text: String, _ caseless: Bool) -> RequiredLiterals.Literal {
        RequiredLiterals.Literal(bytes: Array(text.utf8), caseless: caseless)
    }
}
