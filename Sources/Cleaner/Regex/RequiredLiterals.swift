internal import CPCRE2
import Glibc

/// Literal strings of which every match of a pattern holds one: a line without any of them cannot
/// match, and PCRE2 is not asked (as RE2 and Hyperscan prefilter). A pattern such as
/// `^(?=.{0,300}$).*\b(?i:contributed (?:reporting|to ...))` runs `.*` to the line's end and
/// backs off one character at a time on every line of prose; "contributed " is looked for instead.
///
/// The literals come from a reading of the pattern that knows a small part of PCRE2's syntax
/// (literal characters, escaped punctuation, classes, groups, alternation, quantifiers,
/// lookarounds, `(?i)`); anything else (back references, `\Q`, `\x`, options other than `i`,
/// verbs, conditions) gives no literals, and the pattern is matched on every line. Each step
/// only ever widens what may match: a class, `.` or `\w` is "anything", an optional part is
/// dropped, a case-insensitive literal is compared in either case.
///
/// Case-insensitive letters: under UTF and Unicode properties PCRE2 also matches "k" with the
/// Kelvin sign (U+212A) and "s" with the long s (U+017F) (`PatternPrefilterTests` checks that no
/// other scalar matches an ASCII letter); a line holding either is not passed over when a
/// case-insensitive literal holds those letters. A non-ASCII character of a case-insensitive
/// literal is held as its class's canonical member (`CaseEquivalents`), and a line's characters
/// are compared by their class there.
struct RequiredLiterals: Sendable {
    struct Literal: Sendable, Hashable {
        /// Lower-cased when `caseless`, non-ASCII characters as `CaseEquivalents.canonical`.
        var bytes: [UInt8]
        var caseless: Bool

        /// The same literal compared in either case: each character its class's canonical member.
        var folded: Literal { Literal(bytes: CaseEquivalents.canonicalBytes(bytes), caseless: true) }

        /// Compared character by character through the case classes, not byte by byte.
        var foldsScalars: Bool { caseless && bytes.contains { $0 >= 0x80 } }
    }

    let literals: [Literal]
    /// Every match also holds a decimal digit (`\d`: ASCII, or a scalar from U+0660 on).
    let needsDigit: Bool
    /// Every match ends with one of these at the subject's end (the pattern ends `...:$`).
    let suffixes: [Literal]
    /// Every match is of a subject of at most this many characters (the pattern opens `^(?=.{0,N}$)`).
    let maxCharacters: Int?
    private let minLength: Int
    /// A case-insensitive literal holds "k" or "s": see the type's comment.
    let foldsNonASCII: Bool
    /// `literals`, those case-insensitive ones that open with the same ASCII byte together.
    private let groups: [LiteralGroup]

    /// Literals looked for in one pass: one, or case-insensitive ones that open with `first`, an ASCII byte.
    private struct LiteralGroup: Sendable {
        var literals: [Literal]
        var foldsScalars: [Bool]
        var shortest: Int
        var first: UInt8
        var caseless: Bool

        init(_ literal: Literal) {
            literals = [literal]
            foldsScalars = [literal.foldsScalars]
            shortest = literal.bytes.count
            first = literal.bytes.first ?? 0
            caseless = literal.caseless
        }

        mutating func append(_ literal: Literal) {
            literals.append(literal)
            foldsScalars.append(literal.foldsScalars)
            shortest = min(shortest, literal.bytes.count)
        }
    }
    /// Every case form of the non-ASCII characters of case-insensitive literals with its canonical
    /// member, sorted by form: a few, searched by halves. Not a dictionary: the first dictionary
    /// of its type looked up its key's conformances, 230,000 instructions at start-up.
    private let canonicalForms: [(form: UInt32, canonical: UInt32)]

    init?(_ literals: [Literal], needsDigit: Bool = false, suffixes: [Literal] = [], maxCharacters: Int? = nil) {
        guard !literals.isEmpty || needsDigit || !suffixes.isEmpty || maxCharacters != nil,
              literals.allSatisfy({ !$0.bytes.isEmpty && !$0.bytes.contains(0x0A) }),
              suffixes.allSatisfy({ !$0.bytes.isEmpty && !$0.bytes.contains(0x0A) }),
              // A case-insensitive end is compared byte by byte.
              !suffixes.contains(where: { $0.foldsScalars })
        else { return nil }
        self.literals = literals
        self.needsDigit = needsDigit
        self.suffixes = suffixes
        self.maxCharacters = maxCharacters
        // Closures, not key paths: a key path's application cost about 2,000 instructions a
        // literal, millions for the literal screen's readings.
        var minLength = literals.first?.bytes.count ?? 0
        for literal in literals { minLength = min(minLength, literal.bytes.count) }
        self.minLength = minLength
        var groups: [LiteralGroup] = []
        for literal in literals {
            if literal.caseless, let first = literal.bytes.first, first < 0x80, let index = groups.firstIndex(where: { $0.caseless && $0.first == first }) {
                groups[index].append(literal)
            } else {
                groups.append(LiteralGroup(literal))
            }
        }
        self.groups = groups
        foldsNonASCII = literals.contains { $0.caseless && $0.bytes.contains { $0 == UInt8(ascii: "k") || $0 == UInt8(ascii: "s") } }
        var canonicalForms: [(form: UInt32, canonical: UInt32)] = []
        for literal in literals where literal.foldsScalars {
            for scalar in String(decoding: literal.bytes, as: UTF8.self).unicodeScalars where !scalar.isASCII {
                for form in CaseEquivalents.formValues(of: scalar) {
                    // A form met again takes the later canonical member, as a dictionary's assignment would.
                    if let index = canonicalForms.firstIndex(where: { $0.form == form }) {
                        canonicalForms[index].canonical = scalar.value
                    } else {
                        canonicalForms.append((form, scalar.value))
                    }
                }
            }
        }
        canonicalForms.sort { $0.form < $1.form }
        self.canonicalForms = canonicalForms
    }

    /// False when `bytes` hold none of the literals: the pattern cannot match them.
    func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= minLength, let base = bytes.baseAddress else { return false }
        if let maxCharacters, bytes.count > maxCharacters, Self.isLongerLine(bytes, than: maxCharacters) { return false }
        // `$` also matches before a final newline: only a line ending in printable ASCII is judged by its end.
        if !suffixes.isEmpty, let last = bytes.last, last >= 0x20, last < 0x7F, !suffixes.contains(where: { Self.ends(bytes, with: $0) }) { return false }
        if needsDigit, !Self.holdsDigit(bytes) { return false }
        return holdsLiteral(base, bytes.count)
    }

    /// Whether `base[..<count]` holds a literal (true when there are none).
    private func holdsLiteral(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        if literals.isEmpty { return true }
        for group in groups where firstOccurrence(of: group, in: base, count, from: 0) != nil { return true }
        return foldsNonASCII && Self.holdsCaseFormOfASCII(base, count)
    }

    /// The Kelvin sign (E2 84 AA) and the long s (C5 BF), which PCRE2 matches with "k" and "s" under `(?i)`.
    static let caseFormsOfASCII: [[UInt8]] = [[0xE2, 0x84, 0xAA], [0xC5, 0xBF]]

    /// Whether the Kelvin sign or the long s is in `base[..<count]`.
    private static func holdsCaseFormOfASCII(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        caseFormsOfASCII.contains { find($0, in: base, count, from: 0) != nil }
    }

    /// Where `needle` (case-sensitive) first occurs in `base[from..<count]`.
    private static func find(_ needle: [UInt8], in base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int? {
        needle.withUnsafeBufferPointer { needle -> Int? in
            guard let needleBase = needle.baseAddress, let first = needle.first else { return nil }
            var start = start
            while start + needle.count <= count, let found = memchr(base + start, Int32(first), count - needle.count + 1 - start) {
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if memcmp(base + position, needleBase, needle.count) == 0 { return position }
                start = position + 1
            }
            return nil
        }
    }

    /// PCRE2 was built to end lines at "\n" only (its default), the one byte `.` does not match.
    private static let newlineIsLF: Bool = {
        var newline: UInt32 = 0
        return pcre2_config_8(UInt32(PCRE2_CONFIG_NEWLINE), &newline) >= 0 && newline == UInt32(PCRE2_NEWLINE_LF)
    }()

    /// More than `limit` characters and no line break (with one, `.` and `$` read it otherwise).
    static func isLongerLine(_ bytes: UnsafeBufferPointer<UInt8>, than limit: Int) -> Bool {
        guard bytes.count > limit, let base = bytes.baseAddress else { return false }
        guard newlineIsLF else { return isLongerLineAnyBreak(bytes, than: limit) }
        if memchr(base, 0x0A, bytes.count) != nil { return false }
        // A character takes at most four bytes.
        if bytes.count > 4 * limit { return true }
        return ByteLanes.characterCount(bytes) > limit
    }

    /// `isLongerLine` for a PCRE2 that ends lines at other breaks too.
    private static func isLongerLineAnyBreak(_ bytes: UnsafeBufferPointer<UInt8>, than limit: Int) -> Bool {
        var characters = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { characters += 1 }
            // LF, VT, FF, CR; NEL (C2 85); U+2028 and U+2029 (E2 80 A8, E2 80 A9).
            if byte &- 0x0A < 4 || (byte == 0x85 && index > 0 && bytes[index - 1] == 0xC2) || ((byte == 0xA8 || byte == 0xA9) && index > 1 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2) {
                return false
            }
        }
        return characters > limit
    }

    /// Where a literal of `group` first occurs in `base[from..<count]`: one literal, or
    /// case-insensitive ones that open with the same ASCII byte, looked for in one pass.
    private func firstOccurrence(of group: LiteralGroup, in base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int? {
        let shortest = group.shortest
        guard shortest > 0, start + shortest <= count else { return nil }
        // memchr to each place the first byte is, then the rest compared (a case-sensitive literal is a group alone).
        if !group.caseless { return Self.find(group.literals[0].bytes, in: base, count, from: start) }
        do {
            let last = count - shortest
            func holds(at position: Int) -> Bool {
                for index in group.literals.indices {
                    let needle = group.literals[index].bytes
                    guard position + needle.count <= count else { continue }
                    if group.foldsScalars[index] {
                        if needle.withUnsafeBufferPointer({ holdsFolded($0, base, count, at: position) }) { return true }
                        continue
                    }
                    var offset = 1
                    while offset < needle.count, Self.lowered(base[position + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
            let first = group.first
            var index = start
            if first >= 0x80 {
                // A non-ASCII first character: its forms may open with other bytes, all of them above ASCII.
                while index <= last {
                    if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                    if base[index] >= 0xC0, holds(at: index) { return index }
                    index += 1
                }
                return nil
            }
            // Eight bytes at a time: a byte OR 0x20 is the lower-case first byte only when it is
            // that letter in either case (bytes above ASCII stay above it); the zero bytes of the
            // XOR with it are found as in "haszero" (a flag may be false, never missing), and
            // each flagged place is compared in full.
            let caseBit: UInt64 = first &- UInt8(ascii: "a") < 26 ? 0x2020_2020_2020_2020 : 0
            let pattern = 0x0101_0101_0101_0101 &* UInt64(first)
            while index + 8 <= count, index <= last {
                let word = (UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) | caseBit) ^ pattern
                var flags = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                while flags != 0 {
                    let position = index + flags.trailingZeroBitCount / 8
                    if position <= last, Self.lowered(base[position]) == first, holds(at: position) { return position }
                    flags &= flags &- 1
                }
                index += 8
            }
            while index <= last {
                if Self.lowered(base[index]) == first, holds(at: index) { return index }
                index += 1
            }
            return nil
        }
    }

    /// Whether the text at `position` is `needle` character by character, a non-ASCII one by its
    /// case class (an ASCII one of the needle by ASCII case: other forms of ASCII letters are
    /// the Kelvin sign and the long s, which `holdsCaseFormOfASCII` lets through).
    private func holdsFolded(_ needle: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ count: Int, at position: Int) -> Bool {
        var subject = position
        var offset = 0
        while offset < needle.count {
            guard subject < count else { return false }
            let expected = needle[offset]
            if expected < 0x80 {
                guard Self.lowered(base[subject]) == expected else { return false }
                subject += 1
                offset += 1
                continue
            }
            guard let (found, foundLength) = Self.scalar(at: subject, base, count),
                  let (wanted, wantedLength) = Self.scalar(at: offset, needle.baseAddress ?? base, needle.count),
                  canonical(of: found) == wanted
            else { return false }
            subject += foundLength
            offset += wantedLength
        }
        return true
    }

    /// The canonical member of `scalar`'s case class when it is a form of a literal's character, else `scalar`.
    private func canonical(of scalar: UInt32) -> UInt32 {
        let index = canonicalForms.lowerBound(of: scalar) { $0.form }
        return index < canonicalForms.count && canonicalForms[index].form == scalar ? canonicalForms[index].canonical : scalar
    }

    /// The scalar whose UTF-8 starts at `position`, and its length; nil where no sequence starts.
    private static func scalar(at position: Int, _ base: UnsafePointer<UInt8>, _ count: Int) -> (UInt32, Int)? {
        let lead = base[position]
        let length = lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 0
        guard length > 0, position + length <= count else { return nil }
        if length == 1 { return (UInt32(lead), 1) }
        var value = UInt32(lead) & (0x7F >> length)
        for offset in 1..<length {
            let byte = base[position + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, with literal: Literal) -> Bool {
        guard literal.bytes.count <= bytes.count else { return false }
        let start = bytes.count - literal.bytes.count
        for (offset, byte) in literal.bytes.enumerated() where (literal.caseless ? lowered(bytes[start + offset]) : bytes[start + offset]) != byte {
            return false
        }
        return true
    }

    /// Which lines of `lines` may match: those holding a literal (each found by one search of the
    /// joined text, as `holdsLiteral` would find it on the line) and passing the other tests.
    func candidateLines(in lines: DocumentLines) -> [Bool] {
        var result = [Bool](repeating: literals.isEmpty, count: lines.count)
        // Through buffers: a captured array would be checked for exclusive access at every write.
        result.withUnsafeMutableBufferPointer { marked in
            lines.text.withUnsafeBufferPointer { text in
                guard let base = text.baseAddress else { return }
                if maxCharacters != nil {
                    // Long lines (most of a page's text) are passed over before any literal is looked for.
                    for line in marked.indices {
                        let bytes = UnsafeBufferPointer(rebasing: text[lines.bounds(of: line)])
                        marked[line] = bytes.count >= minLength && passesLineTests(bytes) && (bytes.baseAddress.map { holdsLiteral($0, bytes.count) } ?? literals.isEmpty)
                    }
                    return
                }
                func markEach(_ find: (Int) -> Int?) {
                    var from = 0
                    while let found = find(from) {
                        let line = lines.line(containing: found)
                        marked[line] = true
                        guard line + 1 < lines.count else { return }
                        from = lines.starts[line + 1]
                    }
                }
                for group in groups {
                    markEach { firstOccurrence(of: group, in: base, text.count, from: $0) }
                }
                if foldsNonASCII, !literals.isEmpty {
                    for form in Self.caseFormsOfASCII {
                        markEach { Self.find(form, in: base, text.count, from: $0) }
                    }
                }
                guard maxCharacters != nil || needsDigit || !suffixes.isEmpty else { return }
                for line in marked.indices where marked[line] {
                    let bytes = UnsafeBufferPointer(rebasing: text[lines.bounds(of: line)])
                    marked[line] = passesLineTests(bytes)
                }
            }
        }
        return result
    }

    /// `passesLineTests` for a line without a line break, whose character count and
    /// `holdsDigit` are asked of `characters` and `digit` only when needed: one walk of a
    /// document gives them for every pattern (`LiteralScreen`). A line of no more bytes than
    /// the bound has no more characters either, so most lines are never counted.
    func passesLineTests(_ bytes: UnsafeBufferPointer<UInt8>, characters: () -> Int, digit: () -> Bool) -> Bool {
        if let maxCharacters, bytes.count > maxCharacters, characters() > maxCharacters, Self.newlineIsLF || Self.isLongerLine(bytes, than: maxCharacters) { return false }
        if !suffixes.isEmpty, let last = bytes.last, last >= 0x20, last < 0x7F, !suffixes.contains(where: { Self.ends(bytes, with: $0) }) { return false }
        if needsDigit, !digit() { return false }
        return true
    }

    /// The tests of `mayMatch` other than the literals'.
    private func passesLineTests(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let maxCharacters, bytes.count > maxCharacters, Self.isLongerLine(bytes, than: maxCharacters) { return false }
        if !suffixes.isEmpty, let last = bytes.last, last >= 0x20, last < 0x7F, !suffixes.contains(where: { Self.ends(bytes, with: $0) }) { return false }
        if needsDigit, !Self.holdsDigit(bytes) { return false }
        return true
    }

    /// Whether `bytes` may hold a decimal digit: an ASCII one, or a scalar from U+0660 on (where
    /// the first digits after ASCII's are) other than U+2000 to U+207F (E2 80 and E2 81: dashes
    /// and quotation marks, which news text is full of, and superscripts, which are no decimal
    /// digits). `PatternPrefilterTests` checks this against every scalar PCRE2's `\d` matches.
    static func holdsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // Eight bytes at a time past those that are neither an ASCII digit nor from D9 on: each
        // would only move the walk on by one.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                if digitOrLateLeadBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) == 0 {
                    index += 8
                    continue
                }
                let end = index + 8
                while index < end {
                    guard let next = digitStep(bytes, at: index) else { return true }
                    index = next
                }
            }
        }
        while index < bytes.count {
            guard let next = digitStep(bytes, at: index) else { return true }
            index = next
        }
        return false
    }

    /// `holdsDigit` of each line of a text whose lines open at `starts` (each line's bytes up to
    /// the next one's start, less its line feed), from one walk of the whole text: a walk a line
    /// paid its call and the bytes after its last eight, and most lines of a scrape are asked.
    /// The text is valid UTF-8, so that no character runs across a line end.
    static func digitLines(_ text: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>) -> [Bool] {
        var found = [Bool](repeating: false, count: starts.count)
        guard let base = text.baseAddress, !starts.isEmpty else { return found }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var line = 0
        while index < text.count {
            if index + 8 <= text.count, digitOrLateLeadBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) == 0 {
                index += 8
                continue
            }
            while line + 1 < starts.count, starts[line + 1] <= index { line += 1 }
            // A line's own walk ends at its line feed: the eight bytes a step at a time, within it.
            let end = line + 1 < starts.count ? starts[line + 1] - 1 : text.count
            let bytes = UnsafeBufferPointer(rebasing: text[..<end])
            let stop = min(index + 8, end)
            while index < stop, let next = digitStep(bytes, at: index) { index = next }
            if index < stop {
                // A digit, or maybe one: the line holds one, and the walk goes on at the next.
                found[line] = true
                index = end + 1
            } else if index >= end {
                index = end + 1
            }
        }
        return found
    }

    /// One step of `holdsDigit` at `index`: nil when a digit may be there, else where to go on.
    @inline(__always)
    private static func digitStep(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte &- UInt8(ascii: "0") < 10 { return nil }
        if byte >= 0xD9 {
            guard byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 else { return nil }
            return index + 3
        }
        return index + 1
    }

    /// The high bit of each byte of `word` that is an ASCII digit or from D9 on, per byte without
    /// carries between them.
    @inline(__always)
    static func digitOrLateLeadBytes(_ word: UInt64) -> UInt64 {
        let low = ByteLanes.low7(word)
        let digit = ByteLanes.atLeast(0x30, low) & ~ByteLanes.atLeast(0x3A, low) & ~word
        let lateLead = ByteLanes.atLeast(0x59, low) & word
        return digit | lateLead
    }

    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// At most this many literals are looked for: more cost more than PCRE2 would. A
    /// case-insensitive one costs about an instruction a byte, what PCRE2 spends on a line that
    /// fails at its start, so fewer of them; a pattern that runs along the line (`.*`, `.{0,N}`)
    /// costs PCRE2 tens of instructions a byte, and affords as many as `maxLiterals`.
    static let maxLiterals = 8
    static let maxCaselessLiterals = 2
    /// A literal this long or longer picks out few lines; a shorter one must hold a rare byte.
    static let minUsefulLength = 4
    static let minScreenLength = 2
    /// A pattern holding one of these runs along the line.
    private static let runOpenings: [[UInt8]] = [".*", ".+", ".{"].map { Array($0.utf8) }

    /// The literals of `source`, or nil when none can be found safely or they would pick out most lines.
    /// `limit`: at most this many literals of either kind, for a search that costs the same
    /// however many it looks for (`LiteralAutomaton`), where a literal of `minScreenLength` bytes
    /// is useful too (it costs no search of its own, only the lines it lets through).
    static func of(_ source: String, caseInsensitive: Bool, limit: Int? = nil) -> RequiredLiterals? {
        var reader = PatternReader(Array(source.utf8), caseless: caseInsensitive, maxExact: max(PatternReader.maxExact, limit ?? 0))
        guard let info = reader.readPattern() else { return nil }
        // As bytes: `String.contains` of a string costs some 50,000 instructions a call here.
        var bytes = source
        let runsAlongLine = bytes.withUTF8 { bytes in runOpenings.contains { run in run.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) } } }
        let maxLiterals = limit ?? Self.maxLiterals
        let caselessLimit = limit ?? (runsAlongLine ? maxLiterals : maxCaselessLiterals)
        // Each requirement the pattern's top level offers holds alone: the strongest usable one.
        let usable = (info.candidates + [info.requirement].compactMap { $0 }).map { requirement in
            // The screen (`limit`) keeps literals whole while they fit: it looks for any number
            // at one walk's cost, where their common opening ("your " of "your address is used
            // only" and its variants) picks out many lines for PCRE2 to match.
            let whole = withoutLonger(requirement)
            let shortened = limit.map { whole.count <= $0 } == true ? whole : commonPrefix(requirement) ?? whole
            return runsAlongLine && shortened.filter(\.caseless).count > caselessLimit ? merged(shortened, limit: caselessLimit) : shortened
        }.filter { literals in
            literals.count <= maxLiterals && literals.filter(\.caseless).count <= caselessLimit
                && literals.allSatisfy { isUseful($0) || limit != nil && $0.bytes.count >= minScreenLength }
        }
        let best = usable.max { PatternReader.strength($0) < PatternReader.strength($1) }
        // A case-insensitive "k" or "s" at the end may be U+212A or U+017F there, a non-ASCII
        // character another form: no end test then.
        let suffix = info.suffix ?? []
        let suffixes = suffix.contains { $0.foldsScalars || $0.caseless && $0.bytes.contains { $0 == UInt8(ascii: "k") || $0 == UInt8(ascii: "s") } } ? [] : suffix
        return RequiredLiterals(best ?? [], needsDigit: info.digit, suffixes: suffixes, maxCharacters: info.maxCharacters)
    }

    /// A literal long enough, or holding a byte that few lines hold (not a letter, digit,
    /// space or the commonest punctuation).
    private static func isUseful(_ literal: Literal) -> Bool {
        literal.bytes.count >= minUsefulLength || literal.bytes.contains { byte in
            !(byte >= 0x80 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == 0x20 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","))
        }
    }

    /// The literals without those that hold another one of them ("Photos" beside "Photo"): a line
    /// holding the longer one holds the shorter.
    private static func withoutLonger(_ literals: [Literal]) -> [Literal] {
        var kept: [Literal] = []
        for literal in literals where !kept.contains(literal) {
            let holdsOther = literals.contains { other in
                other != literal && other.caseless == literal.caseless && other.bytes.count <= literal.bytes.count
                    && (0...(literal.bytes.count - other.bytes.count)).contains { literal.bytes[$0...].starts(with: other.bytes) }
            }
            if !holdsOther { kept.append(literal) }
        }
        return kept
    }

    /// Fewer literals: of the literals in byte order, the two neighbours that open with the
    /// longest run of whole characters (`minUsefulLength` bytes or more) give way to that opening,
    /// which a line holding either holds ("moderat", "moderie" to "moder"), until at most `limit`
    /// are case-insensitive or no two open alike.
    static func merged(_ literals: [Literal], limit: Int) -> [Literal] {
        var literals = literals
        while literals.filter(\.caseless).count > limit {
            let sorted = literals.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
            var best: Literal?
            for (first, second) in zip(sorted, sorted.dropFirst()) where first.caseless == second.caseless {
                var length = zip(first.bytes, second.bytes).prefix { $0 == $1 }.count
                while length > 0, length < first.bytes.count, first.bytes[length] & 0xC0 == 0x80 { length -= 1 }
                guard length >= minUsefulLength, length > best?.bytes.count ?? 0 else { continue }
                best = Literal(bytes: Array(first.bytes.prefix(length)), caseless: first.caseless)
            }
            guard let best else { break }
            literals = withoutLonger(literals + [best])
        }
        return literals
    }

    /// Literals that all open with the same `minUsefulLength` bytes or more: that opening alone
    /// (a line holding a literal holds its opening), found in one search.
    private static func commonPrefix(_ literals: [Literal]) -> [Literal]? {
        guard literals.count > 1, let first = literals.first else { return nil }
        var length = first.bytes.count
        for literal in literals.dropFirst() {
            length = min(length, zip(first.bytes, literal.bytes).prefix { $0 == $1 }.count)
        }
        // Whole characters only.
        while length > 0, length < first.bytes.count, first.bytes[length] & 0xC0 == 0x80 { length -= 1 }
        guard length >= minUsefulLength else { return nil }
        let prefix = Literal(bytes: Array(first.bytes.prefix(length)), caseless: first.caseless)
        return [literals.contains(where: \.caseless) ? prefix.folded : prefix]
    }
}
