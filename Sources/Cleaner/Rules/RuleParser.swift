#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads one rule file: ftr-site-config's format (`directive: value`, `directive(argument): value`,
/// `#` comments, repeatable directives) plus clean's line directives.
///
/// Strict mode (built-in rules, `--rules DIR`) throws the first error as `PATH:LINE: message`.
/// Lenient mode (large third-party collections) skips each broken line and reports it as a warning.
struct RuleParser {
    enum Mode {
        case strict
        case lenient
    }

    let file: String
    let mode: Mode
    private(set) var warnings: [RuleError] = []
    /// Every directive read, with its line, when `recordsDirectives` is set (for `clean rules check`).
    private(set) var directives: [(line: Int, directive: Directive)] = []
    let recordsDirectives: Bool
    /// Patterns are compiled when first used, not checked now: for the built-in rules, whose
    /// patterns a test compiles (compiling them all cost more start-up than a small page).
    let compilesPatternsOnUse: Bool

    init(file: String, mode: Mode = .strict, recordsDirectives: Bool = false, compilesPatternsOnUse: Bool = false) {
        self.file = file
        self.mode = mode
        self.recordsDirectives = recordsDirectives
        self.compilesPatternsOnUse = compilesPatternsOnUse
    }

    /// Directives whose argument in parentheses is a category.
    static let removingDirectives: Set<String> = [
        "strip", "strip_id_or_class", "strip_class", "strip_image_src",
        "drop_line", "drop_unrepeated", "drop_block", "drop_from", "drop_from_repeated", "drop_before", "teaser", "drop_with_titles", "drop_repeated", "drop_repeated_title", "drop_orphan_headings", "drop_duplicates", "main_text", "drop_trailing_titles",
        "drop_repeated_lines", "drop_name_lists",
    ]

    mutating func parse(_ text: String) throws -> RuleSet {
        var rules = RuleSet()
        var finds: [(String, Int)] = []
        var replaces: [(String, Int)] = []
        var lineNumber = 0
        for rawLine in Self.lines(of: text) {
            lineNumber += 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                let directive = try Self.split(line, file: file, line: lineNumber)
                try take(directive, line: lineNumber, to: &rules, finds: &finds, replaces: &replaces)
            } catch let error as RuleError {
                guard mode == .lenient else { throw error }
                warnings.append(error)
            }
        }
        return try finish(rules, finds: finds, replaces: replaces)
    }

    /// `parse` of a file's directives as `split` read them ahead, with their line numbers (the
    /// built-in rules', `BuiltinDirectives.swift`): start-up does not read their lines again.
    mutating func parse(directives read: [(line: Int, directive: Directive)]) throws -> RuleSet {
        var rules = RuleSet()
        var finds: [(String, Int)] = []
        var replaces: [(String, Int)] = []
        for (line, directive) in read {
            do {
                try take(directive, line: line, to: &rules, finds: &finds, replaces: &replaces)
            } catch let error as RuleError {
                guard mode == .lenient else { throw error }
                warnings.append(error)
            }
        }
        return try finish(rules, finds: finds, replaces: replaces)
    }

    /// Records (when asked) and applies one directive.
    private mutating func take(
        _ directive: Directive, line: Int, to rules: inout RuleSet, finds: inout [(String, Int)], replaces: inout [(String, Int)]
    ) throws {
        if recordsDirectives { directives.append((line, directive)) }
        try apply(directive, line: line, to: &rules, finds: &finds, replaces: &replaces)
    }

    /// The file's rules once every directive is applied: replacements paired, line rules sharing one pass.
    private mutating func finish(_ rules: RuleSet, finds: [(String, Int)], replaces: [(String, Int)]) throws -> RuleSet {
        var rules = rules
        try pairReplacements(finds: finds, replaces: replaces, into: &rules)
        rules.lineRules = LiteralPass.sharing(rules.lineRules)
        return rules
    }

    /// The lines of a text: a line ends at LF, CRLF or a lone CR, as in editors (files saved on
    /// Windows are common in rule collections). Split on the UTF-8 bytes, which is several times
    /// faster than on Characters, where CRLF is one Character; each break found by `memchr` for
    /// LF (a CR is looked for only when the text holds one), not by stepping the view's indices
    /// one byte at a time (a million instructions for the built-in rules at start-up).
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>] in
            guard let base = bytes.baseAddress else { return [0..<0] }
            let count = bytes.count
            let hasCR = memchr(base, 0x0D, count) != nil
            var ranges: [Range<Int>] = []
            var start = 0
            while start <= count {
                var end = count
                if let found = memchr(base + start, 0x0A, count - start) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                }
                var next = end + 1
                if hasCR, let carriage = memchr(base + start, 0x0D, end - start) {
                    // A CR before the LF ends the line there: CRLF is one break, a lone CR one too.
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(carriage))
                    next = at + 1 < count && base[at + 1] == 0x0A ? at + 2 : at + 1
                    end = at
                }
                ranges.append(start..<end)
                if end == count { break }
                start = next
                if start == count {
                    ranges.append(count..<count)
                    break
                }
            }
            return ranges
        }
        guard let found else { return slowLines(of: text) }
        return found.map { range in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    /// `lines(of:)` for a text without contiguous UTF-8 (bridged), stepping its view.
    static func slowLines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(Substring(utf8[start..<index]))
            index = utf8.index(after: index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
    }

    struct Directive: Hashable {
        let name: String
        let argument: String?
        let value: String
    }

    /// `name: value` or `name(argument): value`. The argument ends at the first `):`.
    /// Names are ASCII, so the line is read as bytes: collections of thousands of files load fast.
    static func split(_ line: Substring, file: String, line number: Int) throws -> Directive {
        let bytes = line.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex, isNameByte(bytes[index]) { index = bytes.index(after: index) }
        let name = String(Substring(bytes[bytes.startIndex..<index])).lowercased()
        guard !name.isEmpty, index < bytes.endIndex else {
            throw RuleError(file: file, line: number, message: "expected 'directive: value', got '\(line.prefix(60))'")
        }
        var argument: String?
        if bytes[index] == UInt8(ascii: "(") {
            let open = bytes.index(after: index)
            guard let close = firstParenthesisColon(in: bytes, from: open) else {
                throw RuleError(file: file, line: number, message: "'\(name)(' has no closing '):'")
            }
            argument = String(Substring(bytes[open..<close]))
            index = bytes.index(after: close)
        }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw RuleError(file: file, line: number, message: "expected ':' after '\(name)'")
        }
        let value = Substring(bytes[bytes.index(after: index)...]).trimmingWhitespace()
        return Directive(name: name, argument: argument, value: String(value))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// The index of the `)` of the first `):` from `start`.
    private static func firstParenthesisColon(in bytes: Substring.UTF8View, from start: String.Index) -> String.Index? {
        var index = start
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: ")"), next < bytes.endIndex, bytes[next] == UInt8(ascii: ":") { return index }
            index = next
        }
        return nil
    }

    private func apply(
        _ directive: Directive, line: Int, to rules: inout RuleSet,
        finds: inout [(String, Int)], replaces: inout [(String, Int)]
    ) throws {
        let name = directive.name
        var category = Category.other
        if Self.removingDirectives.contains(name), let argument = directive.argument {
            guard let parsed = Category(rawValue: argument.lowercased()) else {
                let known = Category.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(line, "unknown category '\(argument)' (one of: \(known))")
            }
            category = parsed
        }
        let source = RuleSource(file: file, line: line, directive: name, category: category)
        let value = directive.value
        switch name {
        case "body":
            rules.body.append(.init(xpath: try xpath(value, line), source: source))
        case "strip":
            rules.strip.append(.init(xpath: try xpath(value, line), source: source))
        case "strip_id_or_class":
            rules.stripIdOrClass.append(.init(needle: try literal(value, line), source: source))
        case "strip_class":
            rules.stripClass.append(.init(needle: try literal(value, line), source: source))
        case "strip_image_src":
            rules.stripImageSrc.append(.init(needle: try literal(value, line), source: source))
        case "title":
            rules.title.append(.init(xpath: try xpath(value, line), source: source))
        case "author":
            rules.author.append(.init(xpath: try xpath(value, line), source: source))
        case "date":
            rules.date.append(.init(xpath: try xpath(value, line), source: source))
        case "prune":
            rules.prune = try flag(value, line)
        case "find_string":
            finds.append((value, line))
        case "replace_string":
            if let argument = directive.argument {
                guard !argument.isEmpty else { throw error(line, "replace_string() needs the text to find") }
                rules.replacements.append(.init(find: argument, replace: value, source: source))
            } else {
                replaces.append((value, line))
            }
        case "test_url":
            rules.tests.append(.init(url: value, contains: [], file: file, line: line))
        case "test_contains":
            guard !rules.tests.isEmpty else { throw error(line, "test_contains before any test_url") }
            rules.tests[rules.tests.count - 1].contains.append(value)
        case "signature_line":
            rules.signatures.append(try pattern(value, line))
        case "drop_line", "drop_unrepeated", "drop_block", "drop_from", "drop_from_repeated", "drop_before", "teaser", "drop_with_titles":
            guard let kind = RuleSet.LineRuleKind(rawValue: name) else { return }
            rules.lineRules.append(.init(kind: kind, pattern: try pattern(value, line), source: source))
        case "drop_repeated", "drop_repeated_title", "drop_orphan_headings", "drop_duplicates", "main_text", "drop_trailing_titles", "drop_repeated_lines", "drop_name_lists":
            guard let kind = RuleSet.LineRuleKind(rawValue: name) else { return }
            if try flag(value, line) {
                rules.lineRules.append(.init(kind: kind, pattern: nil, source: source))
            }
        default:
            // Other ftr-site-config directives (single_page_link, tidy, http_header, ...): accepted, counted.
            rules.ignored[name, default: 0] += 1
        }
    }

    private mutating func pairReplacements(finds: [(String, Int)], replaces: [(String, Int)], into rules: inout RuleSet) throws {
        if finds.count != replaces.count {
            let line = (finds.last ?? replaces.last)?.1 ?? 0
            let message = "\(finds.count) find_string but \(replaces.count) replace_string: they pair up in order"
            guard mode == .lenient else { throw error(line, message) }
            // Lenient: pair what can be paired, as ftr's own readers do.
            warnings.append(error(line, message))
        }
        for ((find, line), (replace, _)) in zip(finds, replaces) {
            guard !find.isEmpty else {
                guard mode == .lenient else { throw error(line, "find_string is empty") }
                warnings.append(error(line, "find_string is empty"))
                continue
            }
            let source = RuleSource(file: file, line: line, directive: "find_string", category: .other)
            rules.replacements.append(.init(find: find, replace: replace, source: source))
        }
    }

    private func error(_ line: Int, _ message: String) -> RuleError {
        RuleError(file: file, line: line, message: message)
    }

    private func xpath(_ value: String, _ line: Int) throws -> XPathExpression {
        guard !value.isEmpty else { throw error(line, "empty XPath") }
        guard let compiled = XPathExpression(value) else {
            throw error(line, "XPath does not compile: \(value)")
        }
        return compiled
    }

    private func pattern(_ value: String, _ line: Int) throws -> Pattern {
        guard !value.isEmpty else { throw error(line, "empty pattern") }
        if compilesPatternsOnUse { return Pattern(compilingOnUse: value) }
        do {
            return try Pattern(value)
        } catch let failure {  // typed: always a Pattern.CompileError
            throw error(line, "pattern does not compile at offset \(failure.offset): \(failure.message)")
        }
    }

    private func literal(_ value: String, _ line: Int) throws -> String {
        // ftr strips quotes from these values; a quoted value is still the same needle.
        let needle = value.filter { $0 != "'" && $0 != "\"" }
        guard !needle.isEmpty else { throw error(line, "empty value") }
        return needle
    }

    private func flag(_ value: String, _ line: Int) throws -> Bool {
        switch value.lowercased() {
        case "yes", "true", "1", "on": return true
        case "no", "false", "0", "off": return false
        default: throw error(line, "expected yes or no, got '\(value)'")
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode-aware, newlines included).
    ///
    /// ASCII whitespace next to other ASCII is a whole Character of its own (nothing joins an ASCII
    /// byte but a combining mark after it, or a prepended mark before it, neither ASCII), so it is
    /// trimmed by bytes; an end that is ASCII and not whitespace is an end of a Character that is
    /// not whitespace. Only ends that are not ASCII are read as Characters.
    func trimmingWhitespace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        let byBytes = utf8.withContiguousStorageIfAvailable { Self.asciiTrim($0) }
        if let (from, to, done) = byBytes {
            start = utf8.index(startIndex, offsetBy: from)
            end = utf8.index(startIndex, offsetBy: to)
            if done { return self[start..<end] }
        }
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }

    /// The byte offsets left after trimming ASCII whitespace that is a Character of its own, and
    /// whether the ends left are ASCII other than whitespace (nothing more to trim).
    private static func asciiTrim(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Bool) {
        var start = 0
        var end = bytes.count
        while start < end, ASCIIText.isWhitespace(bytes[start]) {
            // CR LF is one Character: trimmed together.
            let length = bytes[start] == 0x0D && start + 1 < end && bytes[start + 1] == 0x0A ? 2 : 1
            guard start + length == end || bytes[start + length] < 0x80 else { break }
            start += length
        }
        while end > start, ASCIIText.isWhitespace(bytes[end - 1]) {
            let length = bytes[end - 1] == 0x0A && end - 2 >= start && bytes[end - 2] == 0x0D ? 2 : 1
            guard end - length == start || bytes[end - length - 1] < 0x80 else { break }
            end -= length
        }
        return (start, end, start == end || (isASCIIInk(bytes[start]) && isASCIIInk(bytes[end - 1])))
    }

    /// Printable ASCII but space.
    private static func isASCIIInk(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
