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

    private static let assertionOpeners: [[UInt8]] = ["(?=", "(?!", "(?<=", "(?<!"].map { Array($0.utf8) }

    /// The index just past the assertion group opening at `start`, nil when none opens there.
    private static func assertionEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard assertionOpeners.contains(where: { bytes[start...].starts(with: $0) }) else { return nil }
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
                    guard let close = closingPOSIXClass(bytes, from: index + 2) else { return nil }
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
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return nil
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
