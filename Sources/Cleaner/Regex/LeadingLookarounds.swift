/// A line pattern that opens with assertions at the line's start, `^(?=.*\d)(?!.*[.!?]$)REST`,
/// tests them at every line, and an assertion such as `(?=.*X)` tries X at every position of the
/// line (the dateline rule spent 170 instructions a byte so). The same pattern without them,
/// `^REST`, is a necessary condition: the assertions are zero-width tests at the subject's start,
/// and REST runs from there the same way whether they were tested first or not. Most lines fail
/// `^REST` at once (prose is no date), so it is tried first and the whole pattern only where it
/// matches: the answer is the pattern's own.
///
/// Only when nothing in the pattern could read what the assertions did: no backreference,
/// recursion, subroutine call, condition, callout or backtracking verb (group numbers change when
/// the assertions go), no `\Q` quoting, comment group or extended mode (the assertions' ends are
/// found by counting parentheses), and no quantifier on an assertion.
enum LeadingLookarounds {
    /// `^` and the pattern after its leading assertions, or nil when it has none or might not be
    /// a necessary condition.
    static func body(of source: String) -> String? {
        let bytes = Array(source.utf8)
        guard bytes.first == UInt8(ascii: "^"), !readsGroups(bytes) else { return nil }
        var index = 1
        var assertions = 0
        while let end = assertionEnd(bytes, at: index) {
            index = end
            assertions += 1
        }
        guard assertions > 0, index < bytes.count else { return nil }
        // A quantified assertion, `(?=a)?`, is no plain test.
        switch bytes[index] {
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"): return nil
        default: break
        }
        return "^" + String(decoding: bytes[index...], as: UTF8.self)
    }

    /// Parts of a line pattern that every match of it also matches, each as a pattern of its own:
    /// each leading positive lookahead, and what follows the leading assertions, under the `(?i)`
    /// set before them. `^(?i)(?=.*\bA)(?=.*\bB)REST` gives `^(?i)(?=.*\bA)`, `^(?i)(?=.*\bB)` and
    /// `^(?i)REST`: the assertions are zero-width tests at the subject's start, all of which a
    /// match passes. `LiteralScreen` asks a line for a required literal of each, where the
    /// pattern's own reading gives one set (a line holding "comment" and "moderat" is far rarer
    /// than one holding either). Empty where `body` would refuse the pattern, and where a
    /// top-level alternative or a quantified assertion would make a part optional.
    static func conjuncts(of source: String) -> [String] {
        let bytes = Array(source.utf8)
        let caseless = Array("(?i)".utf8)
        guard bytes.first == UInt8(ascii: "^") else { return [] }
        // Most patterns open with no assertion: their first bytes pass them over before any walk.
        let first = bytes[1...].starts(with: caseless) ? 1 + caseless.count : 1
        guard assertionOpeners.contains(where: { bytes[first...].starts(with: $0) }),
              !readsGroups(bytes), !hasTopLevelAlternative(bytes)
        else { return [] }
        var options: [UInt8] = []
        var parts: [String] = []
        var assertions = 0
        var index = 1
        while index < bytes.count {
            if bytes[index...].starts(with: caseless) {
                options = caseless
                index += caseless.count
                continue
            }
            guard let end = assertionEnd(bytes, at: index) else { break }
            // A quantified assertion, `(?=a)?`, is no plain test.
            if end < bytes.count, [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(bytes[end]) { return [] }
            if bytes[index...].starts(with: Array("(?=".utf8)) {
                parts.append(String(decoding: [UInt8(ascii: "^")] + options + bytes[index..<end], as: UTF8.self))
            }
            assertions += 1
            index = end
        }
        guard assertions > 0 else { return [] }
        if index < bytes.count {
            parts.append(String(decoding: [UInt8(ascii: "^")] + options + bytes[index...], as: UTF8.self))
        }
        return parts
    }

    /// Whether `bytes` has a `|` outside every group and class: the leading assertions would then
    /// belong to the first alternative only.
    private static func hasTopLevelAlternative(_ bytes: [UInt8]) -> Bool {
        var found = false
        let wellFormed = walkGroups(bytes, from: 0) { _, byte, depth in
            found = byte == UInt8(ascii: "|") && depth == 0
            return !found
        }
        return found || !wellFormed
    }

    private static let assertionOpeners: [[UInt8]] = ["(?=", "(?!", "(?<=", "(?<!"].map { Array($0.utf8) }

    /// The index just past the assertion group opening at `start`, nil when none opens there.
    private static func assertionEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard assertionOpeners.contains(where: { bytes[start...].starts(with: $0) }) else { return nil }
        var end: Int?
        let wellFormed = walkGroups(bytes, from: start) { index, byte, depth in
            guard byte == UInt8(ascii: ")"), depth == 0 else { return true }
            end = index + 1
            return false
        }
        return wellFormed ? end : nil
    }

    /// Walks `bytes` from `start`, passing over escaped bytes and the contents of classes, and
    /// calls `visit` with each "(", ")" and "|" and the group depth after it, until `visit`
    /// returns false. False when a POSIX class in a class does not close.
    private static func walkGroups(_ bytes: [UInt8], from start: Int, _ visit: (_ index: Int, _ byte: UInt8, _ depth: Int) -> Bool) -> Bool {
        var depth = 0
        var index = start
        var inClass = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if inClass {
                // A "[" in a class opens a POSIX class ("[[:alpha:]]"): skip it whole.
                if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    guard let close = closingPOSIXClass(bytes, from: index + 2) else { return false }
                    index = close
                    continue
                }
                if byte == UInt8(ascii: "]") { inClass = false }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "["):
                inClass = true
                index += 1
                // "]" first in a class (after an optional "^") is a literal.
                if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
                continue
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"):
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") { depth -= 1 }
                guard visit(index, byte, depth) else { return true }
            default:
                break
            }
            index += 1
        }
        return true
    }

    /// The index past the ":]" that closes a POSIX class name starting at `start`.
    private static func closingPOSIXClass(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "]") { return index + 2 }
            guard bytes[index].isASCIILetter || bytes[index] == UInt8(ascii: "^") else { return nil }
            index += 1
        }
        return nil
    }

    /// Constructs that read capture groups or change how the pattern's text is parsed; their
    /// presence (even as a literal) only costs the shortcut.
    private static let groupReaders: [[UInt8]] = [
        "(?P=", "(?P>", "(?&", "(?R", "(?(", "(?C", "(*", "(?#", "(?x", "(?-x", "(?^", "(?|", "\\Q", "\\g", "\\k",
        // "\c(" is one character, a control code: the parentheses would be miscounted.
        "\\c",
    ].map { Array($0.utf8) }

    private static func readsGroups(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "("), UInt8(ascii: "\\"):
                if groupReaders.contains(where: { bytes[index...].starts(with: $0) }) { return true }
                guard index + 1 < bytes.count else { continue }
                let next = bytes[index + 1]
                // "\1" to "\9": a backreference (or an octal escape, which only loses the shortcut).
                if bytes[index] == UInt8(ascii: "\\"), (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(next) { return true }
                // "(?1)", "(?+1)", "(?-1)": subroutine calls; inline options other than i.
                if bytes[index] == UInt8(ascii: "("), next == UInt8(ascii: "?"), index + 2 < bytes.count {
                    let kind = bytes[index + 2]
                    if kind.isASCIIDigit || kind == UInt8(ascii: "+") { return true }
                    if kind == UInt8(ascii: "-"), index + 3 < bytes.count, bytes[index + 3].isASCIIDigit { return true }
                    if kind.isASCIILetter, !ownsOnlyCaseOption(bytes, from: index + 2) { return true }
                }
            default:
                continue
            }
        }
        return false
    }

    /// True when the inline option group starting at `start` ("i)", "i:", "-i)") sets only `i`.
    private static func ownsOnlyCaseOption(_ bytes: [UInt8], from start: Int) -> Bool {
        let options = bytes[start...].prefix { $0 != UInt8(ascii: ")") && $0 != UInt8(ascii: ":") }
        return options.allSatisfy { $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "-") }
    }
}

private extension UInt8 {
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isASCIILetter: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20) }
}
