/// What the reading knows of a part of a pattern.
struct LiteralInfo {
    /// Every match of the part is one of these strings (nil: not known, or too many).
    var exact: [RequiredLiterals.Literal]?
    /// Every match of the part holds one of these (nil: nothing known).
    var required: [RequiredLiterals.Literal]?
    /// The part matches no characters (an anchor, `\b`, a lookaround).
    var zeroWidth = false
    /// For a sequence: every requirement of its parts, each of which holds (`required` is the strongest).
    var candidates: [[RequiredLiterals.Literal]] = []
    /// Every match of the part holds a decimal digit (`\d`).
    var digit = false
    /// The part is `$`.
    var endAnchor = false
    /// For a sequence that ends with `$`: the strings right before it, one of which ends every match.
    var suffix: [RequiredLiterals.Literal]?
    /// The part is `^`.
    var startAnchor = false
    /// The part is `(?=.{0,N}$)` (or `.{M,N}`): N.
    var lineBound: Int?
    /// Every match is of a subject of at most this many characters: the part opens with `^` and
    /// then, among assertions only, a `lineBound`.
    var maxCharacters: Int?

    static let unknown = LiteralInfo(exact: nil, required: nil)
    static let empty = LiteralInfo(exact: [RequiredLiterals.Literal(bytes: [], caseless: false)], required: nil)

    /// What the part offers as a requirement: its own, or its exact strings when none is empty.
    var requirement: [RequiredLiterals.Literal]? {
        if let required { return required }
        guard let exact, !exact.isEmpty, exact.allSatisfy({ !$0.bytes.isEmpty }) else { return nil }
        return exact
    }
}

/// A recursive-descent reading of a PCRE2 pattern for `RequiredLiterals`; nil at anything it does not know.
struct PatternReader {
    private let bytes: [UInt8]
    private var index = 0
    private var caseless: Bool
    /// Exact sets grow by products: beyond these sizes they are given up (still safe).
    static let maxExact = 32
    private static let maxExactLength = 64
    /// `maxExact`, or more for a reading that may keep more strings (the literal screen's).
    private let maxExact: Int

    init(_ bytes: [UInt8], caseless: Bool, maxExact: Int = PatternReader.maxExact) {
        self.bytes = bytes
        self.caseless = caseless
        self.maxExact = maxExact
    }

    mutating func readPattern() -> LiteralInfo? {
        guard let info = readAlternation(), index == bytes.count else { return nil }
        return info
    }

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8 { bytes[index] }

    private func starts(with text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

    /// Branches up to an unmatched ")" or the end. An inline `(?i)` holds to the group's end,
    /// across its later branches too, as in PCRE2.
    private mutating func readAlternation() -> LiteralInfo? {
        let outerCaseless = caseless
        defer { caseless = outerCaseless }
        var branches: [LiteralInfo] = []
        while true {
            guard let branch = readSequence() else { return nil }
            branches.append(branch)
            if !atEnd, current == UInt8(ascii: "|") {
                index += 1
                continue
            }
            break
        }
        if branches.count == 1 { return branches[0] }
        var exact: [RequiredLiterals.Literal]? = []
        var required: [RequiredLiterals.Literal]? = []
        for branch in branches {
            if let branchExact = branch.exact, let known = exact { exact = union(known, branchExact) } else { exact = nil }
            if let requirement = branch.requirement, let known = required { required = union(known, requirement) } else { required = nil }
        }
        var info = LiteralInfo(exact: exact, required: required, zeroWidth: branches.allSatisfy(\.zeroWidth), digit: branches.allSatisfy(\.digit))
        let bounds = branches.compactMap(\.maxCharacters)
        if bounds.count == branches.count { info.maxCharacters = bounds.max() }
        return info
    }

    /// Items up to "|", ")" or the end: exact strings multiply, requirements are weighed.
    private mutating func readSequence() -> LiteralInfo? {
        var candidates: [[RequiredLiterals.Literal]] = []
        var run: [RequiredLiterals.Literal]? = LiteralInfo.empty.exact
        var wholeExact = true
        var allZeroWidth = true
        var digit = false
        var suffix: [RequiredLiterals.Literal]?
        // Seen `^` first and only zero-width parts since: an assertion here is at the subject's start.
        var atSubjectStart = false
        var itemCount = 0
        var maxCharacters: Int?
        func endRun() {
            if let finished = run, finished.allSatisfy({ !$0.bytes.isEmpty }) { candidates.append(finished) }
            run = LiteralInfo.empty.exact
        }
        while !atEnd, current != UInt8(ascii: "|"), current != UInt8(ascii: ")") {
            guard let item = readQuantifiedItem() else { return nil }
            itemCount += 1
            if item.startAnchor, itemCount == 1 {
                atSubjectStart = true
            } else if atSubjectStart, let bound = item.lineBound {
                maxCharacters = min(bound, maxCharacters ?? bound)
            } else if !item.zeroWidth {
                atSubjectStart = false
            }
            digit = digit || item.digit
            if item.endAnchor { suffix = run.flatMap { tail in tail.allSatisfy { !$0.bytes.isEmpty } ? tail : nil } }
            if !item.zeroWidth { suffix = nil }
            if item.zeroWidth {
                // Matches no characters: the strings on either side are adjacent in the subject.
                if let requirement = item.requirement { candidates.append(requirement) }
                continue
            }
            allZeroWidth = false
            if let exact = item.exact {
                if run != nil, extend(&run, with: exact) {
                    // Extended in place.
                } else {
                    endRun()
                    run = exact
                    wholeExact = false
                }
            } else {
                endRun()
                wholeExact = false
                if let requirement = item.requirement { candidates.append(requirement) }
            }
        }
        let exact = wholeExact ? run : nil
        endRun()
        let best = candidates.max { Self.strength($0) < Self.strength($1) }
        return LiteralInfo(exact: exact, required: best, zeroWidth: allZeroWidth, candidates: candidates, digit: digit, suffix: suffix, maxCharacters: maxCharacters)
    }

    /// How few lines a requirement lets through, roughly: longer shortest literal, then fewer literals.
    static func strength(_ literals: [RequiredLiterals.Literal]) -> Int {
        (literals.map(\.bytes.count).min() ?? 0) * 100 - literals.count
    }

    private func union(_ a: [RequiredLiterals.Literal], _ b: [RequiredLiterals.Literal]) -> [RequiredLiterals.Literal]? {
        var result = a
        for literal in b where !result.contains(literal) { result.append(literal) }
        return result.count <= maxExact ? result : nil
    }

    /// `run` times `exact`, in place when `exact` is one string (the common case: one more
    /// character); false, with `run` unchanged, when the product would grow too large.
    private func extend(_ run: inout [RequiredLiterals.Literal]?, with exact: [RequiredLiterals.Literal]) -> Bool {
        guard var known = run else { return false }
        guard exact.count == 1 else {
            guard let product = product(known, exact) else { return false }
            run = product
            return true
        }
        let right = exact[0]
        guard known.allSatisfy({ $0.bytes.count + right.bytes.count <= Self.maxExactLength }) else { return false }
        run = nil
        for index in known.indices {
            known[index].bytes.append(contentsOf: right.bytes)
            if known[index].caseless != right.caseless { known[index] = known[index].folded }
        }
        run = known
        return true
    }

    private func product(_ a: [RequiredLiterals.Literal], _ b: [RequiredLiterals.Literal]) -> [RequiredLiterals.Literal]? {
        guard a.count * b.count <= maxExact else { return nil }
        var result: [RequiredLiterals.Literal] = []
        for left in a {
            for right in b {
                var joined = RequiredLiterals.Literal(bytes: left.bytes + right.bytes, caseless: left.caseless)
                // A case-sensitive part joined to a case-insensitive one is compared in either case too (only wider).
                if left.caseless != right.caseless { joined = joined.folded }
                guard joined.bytes.count <= Self.maxExactLength else { return nil }
                if !result.contains(joined) { result.append(joined) }
            }
        }
        return result
    }

    private mutating func readQuantifiedItem() -> LiteralInfo? {
        guard var item = readItem() else { return nil }
        guard !atEnd else { return item }
        var minimum = 1
        var maximum: Int? = 1
        switch current {
        case UInt8(ascii: "*"):
            (minimum, maximum) = (0, nil)
            index += 1
        case UInt8(ascii: "+"):
            (minimum, maximum) = (1, nil)
            index += 1
        case UInt8(ascii: "?"):
            (minimum, maximum) = (0, 1)
            index += 1
        case UInt8(ascii: "{"):
            guard let (low, high) = readBraces() else { return nil }
            (minimum, maximum) = (low, high)
        default:
            return item
        }
        // Lazy or possessive: the strings a match can be are the same or fewer.
        if !atEnd, current == UInt8(ascii: "?") || current == UInt8(ascii: "+") { index += 1 }
        // A second quantifier in a row is an error PCRE2 reports; give up.
        if !atEnd, current == UInt8(ascii: "*") || current == UInt8(ascii: "+") || current == UInt8(ascii: "?") || current == UInt8(ascii: "{") { return nil }
        if item.zeroWidth {
            return LiteralInfo(exact: nil, required: minimum > 0 ? item.requirement : nil, zeroWidth: true, digit: minimum > 0 && item.digit)
        }
        if minimum == 0 {
            // Optional: its strings or nothing.
            if maximum == 1, let exact = item.exact { return LiteralInfo(exact: union(exact, LiteralInfo.empty.exact ?? []), required: nil) }
            return .unknown
        }
        if minimum == 1, maximum == 1 { return item }
        item.required = item.requirement
        item.exact = nil
        return item
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil for anything else (PCRE2 10.42 reads other braces as literals).
    private mutating func readBraces() -> (Int, Int?)? {
        var position = index + 1
        func number() -> Int? {
            let start = position
            while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10, position - start < 6 { position += 1 }
            guard position > start else { return nil }
            return Int(String(decoding: bytes[start..<position], as: UTF8.self))
        }
        guard let low = number(), position < bytes.count else { return nil }
        var high: Int? = low
        if bytes[position] == UInt8(ascii: ",") {
            position += 1
            high = position < bytes.count && bytes[position] == UInt8(ascii: "}") ? nil : number()
            if high == nil, position < bytes.count, bytes[position] != UInt8(ascii: "}") { return nil }
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { return nil }
        if let high, high < low { return nil }
        index = position + 1
        return (low, high)
    }

    private mutating func readItem() -> LiteralInfo? {
        let byte = current
        switch byte {
        case UInt8(ascii: "("):
            return readGroup()
        case UInt8(ascii: "["):
            return readClass()
        case UInt8(ascii: "\\"):
            return readEscape()
        case UInt8(ascii: "^"):
            index += 1
            return LiteralInfo(exact: nil, required: nil, zeroWidth: true, startAnchor: true)
        case UInt8(ascii: "$"):
            index += 1
            return LiteralInfo(exact: nil, required: nil, zeroWidth: true, endAnchor: true)
        case UInt8(ascii: "."):
            index += 1
            return .unknown
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
            // A quantifier with nothing to repeat, or a brace PCRE2 might read either way.
            return nil
        default:
            return readLiteralCharacter()
        }
    }

    /// One character as itself: an ASCII byte, or a whole UTF-8 sequence.
    private mutating func readLiteralCharacter() -> LiteralInfo? {
        let length = Self.sequenceLength(current)
        guard length > 0, index + length <= bytes.count else { return nil }
        let character = Array(bytes[index..<(index + length)])
        index += length
        return literal(character)
    }

    private func literal(_ character: [UInt8]) -> LiteralInfo {
        guard caseless else { return LiteralInfo(exact: [.init(bytes: character, caseless: false)], required: nil) }
        // Another case of a non-ASCII character has other bytes: it stands as its class's canonical member.
        return LiteralInfo(exact: [RequiredLiterals.Literal(bytes: character, caseless: true).folded], required: nil)
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC2..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0..<0xF5: 4
        default: 0
        }
    }

    /// Escapes known to match one character of a class, or no character.
    private mutating func readEscape() -> LiteralInfo? {
        guard index + 1 < bytes.count else { return nil }
        let kind = bytes[index + 1]
        index += 2
        switch kind {
        case UInt8(ascii: "d"):
            return LiteralInfo(exact: nil, required: nil, digit: true)
        case UInt8(ascii: "D"), UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "w"), UInt8(ascii: "W"),
            UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "R"), UInt8(ascii: "X"):
            return .unknown
        case UInt8(ascii: "b"), UInt8(ascii: "B"):
            return LiteralInfo(exact: nil, required: nil, zeroWidth: true)
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            guard skipProperty() else { return nil }
            return .unknown
        case 0x21..<0x80 where !Self.isAlphanumeric(kind):
            return literal([kind])
        default:
            return nil
        }
    }

    /// Escapes that stand for a class of characters inside a class.
    private static let classEscapes = ASCIISet("dDsSwWhHvV".utf8)

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// After `\p` or `\P`: a letter, or a name in braces.
    private mutating func skipProperty() -> Bool {
        guard !atEnd else { return false }
        if current != UInt8(ascii: "{") {
            guard Self.isAlphanumeric(current) else { return false }
            index += 1
            return true
        }
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else { return false }
        index = close + 1
        return true
    }

    /// A class matches one character: "anything" unless it is a few plain characters, case-sensitive.
    private mutating func readClass() -> LiteralInfo? {
        index += 1
        var negated = false
        if !atEnd, current == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var members: [[UInt8]] = []
        var plain = !negated
        var first = true
        while !atEnd {
            let byte = current
            if byte == UInt8(ascii: "]"), !first {
                index += 1
                guard plain, !members.isEmpty, members.count <= 4, !caseless else { return .unknown }
                return LiteralInfo(exact: members.map { .init(bytes: $0, caseless: false) }, required: nil)
            }
            first = false
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                let kind = bytes[index + 1]
                if kind == UInt8(ascii: "p") || kind == UInt8(ascii: "P") {
                    index += 2
                    guard skipProperty() else { return nil }
                    plain = false
                } else if kind >= 0x21, kind < 0x80, !Self.isAlphanumeric(kind) {
                    members.append([kind])
                    index += 2
                } else if Self.classEscapes.contains(kind) {
                    plain = false
                    index += 2
                } else {
                    return nil
                }
            case UInt8(ascii: "["):
                // A POSIX class, "[:alpha:]"; a lone "[" is itself.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    guard let close = Self.find([UInt8(ascii: ":"), UInt8(ascii: "]")], in: bytes, from: index + 2) else { return nil }
                    index = close + 2
                    plain = false
                } else {
                    members.append([byte])
                    index += 1
                }
            case UInt8(ascii: "-"):
                // A range, unless it opens or closes the class.
                if members.isEmpty || (index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "]")) {
                    members.append([byte])
                } else {
                    plain = false
                }
                index += 1
            default:
                let length = Self.sequenceLength(byte)
                guard length > 0, index + length <= bytes.count else { return nil }
                members.append(Array(bytes[index..<(index + length)]))
                index += length
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0...].starts(with: needle) }
    }

    private mutating func readGroup() -> LiteralInfo? {
        index += 1
        var zeroWidth = false
        var keepsRequirement = true
        if !atEnd, current == UInt8(ascii: "?") {
            if starts(with: "?:") || starts(with: "?>") || starts(with: "?|") {
                index += 2
            } else if starts(with: "?=") || starts(with: "?<=") {
                index += starts(with: "?=") ? 2 : 3
                zeroWidth = true
            } else if starts(with: "?!") || starts(with: "?<!") {
                index += starts(with: "?!") ? 2 : 3
                zeroWidth = true
                keepsRequirement = false
            } else if starts(with: "?<") || starts(with: "?P<") || starts(with: "?'") {
                // A named group.
                index += starts(with: "?P<") ? 3 : 2
                guard let close = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "'") }),
                      bytes[index..<close].allSatisfy({ Self.isAlphanumeric($0) || $0 == UInt8(ascii: "_") })
                else { return nil }
                index = close + 1
            } else {
                return readOptions()
            }
        } else if !atEnd, current == UInt8(ascii: "*") {
            return nil
        }
        let innerStart = index
        guard let inner = readAlternation(), !atEnd, current == UInt8(ascii: ")") else { return nil }
        let lineBound = zeroWidth && keepsRequirement && innerStart >= 3 && bytes[innerStart - 1] == UInt8(ascii: "=") && bytes[innerStart - 2] == UInt8(ascii: "?") ? Self.lineBound(bytes[innerStart..<index]) : nil
        index += 1
        if zeroWidth { return LiteralInfo(exact: nil, required: keepsRequirement ? inner.requirement : nil, zeroWidth: true, digit: keepsRequirement && inner.digit, lineBound: lineBound) }
        return inner
    }

    /// N of a lookahead's `.{0,N}$` or `.{M,N}$`: the rest of the subject is at most N characters.
    private static func lineBound(_ inner: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: inner, as: UTF8.self)
        guard text.hasPrefix(".{"), text.hasSuffix("}$") else { return nil }
        let range = text.dropFirst(2).dropLast(2).split(separator: ",", omittingEmptySubsequences: false)
        guard range.count == 2, range.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { ("0"..."9").contains($0) } }), let low = Int(range[0]), let high = Int(range[1]), low <= high else { return nil }
        return high
    }

    /// `(?i)`, `(?-i)`, `(?i:...)`, `(?-i:...)`: only the case option is known.
    private mutating func readOptions() -> LiteralInfo? {
        index += 1
        var setting = true
        var value = caseless
        while !atEnd {
            switch current {
            case UInt8(ascii: "i"):
                value = setting
            case UInt8(ascii: "-"):
                setting = false
            case UInt8(ascii: ")"):
                index += 1
                // The rest of the enclosing group (readAlternation restores it at its end).
                caseless = value
                return LiteralInfo(exact: nil, required: nil, zeroWidth: true)
            case UInt8(ascii: ":"):
                index += 1
                let outer = caseless
                caseless = value
                let inner = readAlternation()
                caseless = outer
                guard let inner, !atEnd, current == UInt8(ascii: ")") else { return nil }
                index += 1
                return inner
            default:
                return nil
            }
            index += 1
        }
        return nil
    }
}
