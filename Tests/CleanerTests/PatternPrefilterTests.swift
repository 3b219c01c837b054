import Foundation
import XCTest

@testable import Cleaner

/// `RequiredLiterals` passes over a line only when PCRE2 could not match it.
final class PatternPrefilterTests: XCTestCase {
    /// The literals are compared in ASCII case only, and a line with the Kelvin sign or the long s
    /// is never passed over: that is exact only if no other scalar matches a printable ASCII
    /// character case-insensitively under UTF and Unicode properties.
    func testOnlyKelvinAndLongSMatchASCIICaselessly() throws {
        let printable = (0x21...0x7E).map { "\\x{\(String($0, radix: 16))}" }.joined(separator: "|")
        let anyASCII = try Pattern("^(?i:\(printable))$", usesShortcuts: false)
        var matched: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if anyASCII.matches(String(Character(scalar))) { matched.append(value) }
        }
        XCTAssertEqual(matched, [0x17F, 0x212A])
        // Among ASCII, each character matches itself and, for letters, its other case only.
        for byte in UInt8(0x21)...0x7E {
            let pattern = try Pattern("^(?i:\\x{\(String(byte, radix: 16))})$", usesShortcuts: false)
            let matches = (UInt8(0x01)...0x7F).filter { pattern.matches(String(UnicodeScalar($0))) }
            XCTAssertEqual(matches, Set([byte, RequiredLiterals.lowered(byte), byte &- UInt8(ascii: "a") < 26 ? byte - 0x20 : byte]).sorted(), "\(byte)")
        }
    }

    /// Every scalar PCRE2 matches with a cased scalar under `(?i)` is among `CaseEquivalents.forms`
    /// of it (the scalars Unicode gives a case to or a case mapping are the ones PCRE2 can pair).
    func testCaseFormsHoldEveryScalarPCRE2MatchesCaselessly() throws {
        var universe: [Unicode.Scalar] = []
        for value in UInt32(0x41)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if properties.isCased || properties.changesWhenCaseMapped || properties.changesWhenCaseFolded { universe.append(scalar) }
        }
        XCTAssertGreaterThan(universe.count, 2500)
        var subject = String.UnicodeScalarView()
        subject.append(contentsOf: universe)
        let bytes = Array(String(subject).utf8)
        var scalarAt: [Int: Unicode.Scalar] = [:]
        var offset = 0
        for scalar in universe {
            scalarAt[offset] = scalar
            offset += String(scalar).utf8.count
        }
        var paired = 0
        for scalar in universe where !scalar.isASCII {
            let pattern = try Pattern("(?i)\\x{\(String(scalar.value, radix: 16))}", usesShortcuts: false)
            let forms = CaseEquivalents.forms(of: scalar)
            var from = 0
            while from < bytes.count, let range = pattern.firstMatch(in: String(decoding: bytes[from...], as: UTF8.self)) {
                let found = try XCTUnwrap(scalarAt[from + range.lowerBound])
                if found != scalar { paired += 1 }
                XCTAssertTrue(forms.contains(found), "U+\(String(found.value, radix: 16)) for U+\(String(scalar.value, radix: 16))")
                from += range.upperBound
            }
        }
        XCTAssertGreaterThan(paired, 2000)
    }

    /// The eight-bytes-at-a-time search finds a literal exactly where a byte-by-byte comparison
    /// in ASCII case does, on random bytes of every value (controls, "@" and "[" beside the letters;
    /// a case-insensitive literal of ASCII: one with other bytes is compared by characters).
    func testLiteralSearchAnswersAsByteComparison() throws {
        var generator = SystemRandomNumberGenerator()
        let ascii: [UInt8] = Array("aAbBkK@[`{ \u{0}\u{1}".utf8) + [0x7F, 0x41 ^ 0x20, 0x60, 0x40]
        let alphabet: [UInt8] = ascii + [0x80, 0x84, 0xAA, 0xBF, 0xC5, 0xE2, 0xFF]
        for _ in 0..<20000 {
            let caseless = Bool.random(using: &generator)
            let needle = (0..<Int.random(in: 1...4, using: &generator)).map { _ in (caseless ? ascii : alphabet).randomElement(using: &generator) ?? 0 }
            let literal = RequiredLiterals.Literal(bytes: caseless ? needle.map(RequiredLiterals.lowered) : needle, caseless: caseless)
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            var expected = false
            if haystack.count >= needle.count {
                for start in 0...(haystack.count - needle.count) {
                    var same = true
                    for offset in 0..<needle.count {
                        let byte = haystack[start + offset]
                        if (caseless ? RequiredLiterals.lowered(byte) : byte) != literal.bytes[offset] { same = false }
                    }
                    if same { expected = true }
                }
            }
            let literals = try XCTUnwrap(RequiredLiterals([literal]))
            let found = haystack.withUnsafeBufferPointer { literals.mayMatch($0) }
            // A case-insensitive "k" or "s" also lets lines with U+212A or U+017F through (when
            // long enough: each takes more bytes than its letter).
            let holdsForm = [[0xE2, 0x84, 0xAA], [0xC5, 0xBF]].contains { (form: [UInt8]) in
                haystack.count >= form.count && (0...(haystack.count - form.count)).contains { haystack[$0...].starts(with: form) }
            }
            let widened = caseless && haystack.count >= needle.count && literal.bytes.contains { $0 == UInt8(ascii: "k") || $0 == UInt8(ascii: "s") } && holdsForm
            XCTAssertEqual(found, expected || widened, "\(needle) in \(haystack), caseless: \(caseless)")
        }
    }

    /// `\d` under Unicode properties: ASCII digits, and scalars from U+0660 on outside U+2000 to
    /// U+207F, the bytes `RequiredLiterals.holdsDigit` looks for.
    func testDecimalDigitsAreWhereTheDigitTestLooks() throws {
        let digit = try Pattern("^\\d$", usesShortcuts: false)
        var count = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(Character(scalar))
            let isDigit = digit.matches(text)
            if isDigit { count += 1 }
            let found = text.withUTF8 { RequiredLiterals.holdsDigit($0) }
            if isDigit { XCTAssertTrue(found, "U+\(String(value, radix: 16))") }
            if (0x2000...0x207F).contains(value) || value < 0x80 && !isDigit { XCTAssertFalse(found, "U+\(String(value, radix: 16))") }
        }
        XCTAssertGreaterThan(count, 500)
    }

    /// The digit test reads eight bytes at a time where it can: the same answer as its byte walk,
    /// on lines of ASCII, dashes and quotation marks (skipped as three bytes), Arabic and CJK.
    func testDigitTestMatchesItsByteWalk() {
        func byteWalk(_ bytes: [UInt8]) -> Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte &- UInt8(ascii: "0") < 10 { return true }
                if byte >= 0xD9 {
                    guard byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 else { return true }
                    index += 3
                    continue
                }
                index += 1
            }
            return false
        }
        let pieces = ["word", " ", "a longer run of letters", "7", "—", "’", "“", "\u{2070}", "é", "\u{660}", "日本", "/", "9:", "\u{7F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = byteWalk(Array(text.utf8))
            XCTAssertEqual(text.withUTF8 { RequiredLiterals.holdsDigit($0) }, expected, text.debugDescription)
        }
    }

    private func literals(_ source: String, caseInsensitive: Bool = false) -> [String]? {
        RequiredLiterals.of(source, caseInsensitive: caseInsensitive)?.literals.map { ($0.caseless ? "i:" : "") + String(decoding: $0.bytes, as: UTF8.self) }
    }

    func testLiteralsOfPatterns() {
        XCTAssertEqual(literals("^(?=.{0,300}$).*\\b(?i:contributed (?:reporting|to (?:this|the) (?:report|story|article)))\\b[^.!?]{0,60}[.!?]?$"), ["i:contributed "])
        XCTAssertEqual(literals("\\((?:Image|Photo)s?\\s?:"), ["(Image", "(Photo"])
        XCTAssertEqual(literals("^(?=.*\\d)(?:\\S.{0,80}\\s)?(?i:said|wrote)\\s?:$"), ["i:said", "i:wrote"])
        XCTAssertEqual(literals("(?i)Kiosk"), ["i:kiosk"])
        XCTAssertEqual(literals("(?i:ab)CD"), ["i:abcd"])
        XCTAssertEqual(literals("abcd", caseInsensitive: true), ["i:abcd"])
        // An inline option holds to the end of its group, in later branches too.
        XCTAssertEqual(literals("(?:x(?i)|Abcd)"), nil)
        XCTAssertEqual(literals("(?:(?i)wxyz|Abcd)"), ["i:wxyz", "i:abcd"])
        XCTAssertEqual(literals("(?i:(?-i)Abcd)"), ["Abcd"])
        // A positive lookaround's literal is the line's; a negative one says nothing.
        XCTAssertEqual(literals("^(?=.*Straße)\\w+"), ["Straße"])
        XCTAssertNil(literals("^(?!.*Straße)\\w+"))
        // A non-ASCII character in another case has other bytes: it is held as its class's canonical member.
        XCTAssertEqual(literals("(?i)éabcd"), ["i:Éabcd"])
        XCTAssertEqual(literals("(?i)éabc"), ["i:Éabc"])
        XCTAssertEqual(literals("(?i:модер)"), ["i:МОДЕР"])
        XCTAssertEqual(literals("(?i)\u{212A}elvin"), ["i:kelvin"])
        // A pattern that runs along the line affords more case-insensitive literals, openings shared.
        XCTAssertEqual(literals("^(?i:.*\\b(?:moderat|moderie|moderador|modéra|модер|abcd|efgh|ijkl|mnop))"), ["i:moderie", "i:modÉra", "i:МОДЕР", "i:abcd", "i:efgh", "i:ijkl", "i:mnop", "i:modera"])
        XCTAssertNil(literals("^(?i:abcd|efgh|ijkl)"))
        // A bound on the line's length from a lookahead at its start, not from one after a character.
        let bound = { (source: String) in RequiredLiterals.of(source, caseInsensitive: false)?.maxCharacters }
        XCTAssertEqual(bound("^(?i)(?=.{0,300}$)(?=.*\\bmoder)"), 300)
        XCTAssertEqual(bound("^(?=.*x)(?=.{2,40}$)abcd"), 40)
        XCTAssertNil(bound("a(?=.{0,300}$)"))
        XCTAssertNil(bound("^(?=.{0,300}$)a|bcde"))
        XCTAssertNil(bound("^(?=.{0,300}x)abcd"))
        // Optional and repeated parts.
        XCTAssertNil(literals("(?:abcd)?x"))
        XCTAssertEqual(literals("(?:abcd)+x"), ["abcd"])
        XCTAssertEqual(literals("a{2}bcde"), ["bcde"])
        // Short literals of letters pick out most lines; rare punctuation does not.
        XCTAssertNil(literals("\\bby\\b"))
        XCTAssertEqual(literals("\\s»\\s|>"), nil)
        XCTAssertEqual(literals("\\s>\\s"), [">"])
        // A digit the pattern needs, with or without literals.
        XCTAssertEqual(RequiredLiterals.of("^(?=.*\\b\\d{1,2}[:.]\\d{2}\\b)(?:\\S+\\s+){0,14}\\S+$", caseInsensitive: false)?.needsDigit, true)
        XCTAssertEqual(RequiredLiterals.of("^(?=.*\\d)(?i:said)", caseInsensitive: false)?.needsDigit, true)
        XCTAssertNil(RequiredLiterals.of("^(?!.*\\d)\\w+", caseInsensitive: false))
        XCTAssertNil(RequiredLiterals.of("(?:\\d|x)y", caseInsensitive: false))
        XCTAssertNil(RequiredLiterals.of("\\d?x", caseInsensitive: false))
        // What every match ends with, before "$".
        let suffixes = { (source: String) in RequiredLiterals.of(source, caseInsensitive: false)?.suffixes.map { ($0.caseless ? "i:" : "") + String(decoding: $0.bytes, as: UTF8.self) } }
        XCTAssertEqual(suffixes("^(?:\\S.{0,80}\\s)?(?i:says|sagt)\\s?:$"), [":"])
        XCTAssertEqual(suffixes("(?i:ab|cd)$"), ["i:ab", "i:cd"])
        XCTAssertEqual(suffixes("x(?i:ask)$"), [])
        XCTAssertNil(suffixes("(?:ab$)"))
        XCTAssertNil(suffixes("ab$|cd"))
        XCTAssertNil(suffixes("ab\\s?$"))
        // Anything unknown gives no literals.
        for source in ["\\Qabcd\\E", "(abcd)\\1", "(?x)abcd", "(?s)abcd", "\\x41bcd", "abcd{,2}", "(?#c)abcd", "(*UTF)abcd", "(?(1)abcd|efgh)", "(?1)abcd", "\\Kabcd"] {
            XCTAssertNil(literals(source), source)
        }
    }

    private let words = [
        "contributed", "CONTRIBUTED", "Contributed", "reporting", "to", "this", "report", "kiosk", "KIOSK", "\u{212A}iosk", "ſtraße", "Straße", "STRASSE",
        "said", "SAID", "wrote", "écrit", "ÉCRIT", "abcd", "ABCD", "Abcd", "(Image", "Photo", "s", "k", "K", ":", "»", ">", ".", "!", "?", "12", "2019",
        "\u{301}", "日本", "—", "x", "", "٣", "१२", "’", "⁰", "‰", "8:34", "2019",
        "модер", "МОДЕР", "м\u{1C82}дер", "Модерация", "σας", "ΣΑΣ", "ς", "Å", "\u{212B}", "å", "moderação", "MODERAÇÃO", "modÉra", "\u{1E9E}", "ß", "ı", "I", "i", "İ",
    ]
    private let separators = [" ", "", "  ", "\t", ", "]

    private func randomLine(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...7, using: &generator)).map { _ in
            (words.randomElement(using: &generator) ?? "") + (separators.randomElement(using: &generator) ?? "")
        }.joined()
    }

    /// Random patterns of the constructs the reading knows (and some it does not), over random
    /// lines of the same words: wherever PCRE2 matches, the literals are found.
    func testLiteralsHoldOnRandomPatternsAndLines() throws {
        var generator = SystemRandomNumberGenerator()
        let atoms = [
            "contributed", "(?i:contributed)", "kiosk", "(?i)kiosk", "(?i:KIOSK)", "Straße", "(?i:straße)", "(?i:STRASSE)", "said", "(?i:said|wrote)",
            "écrit", "(?i:écrit)", "abcd", "(?:abcd|Abcd)", "\\(Image", "Photo", "s?", "\\s", "\\s?", "\\S+", ".*", ".{0,20}", "\\b", "^", "$", "\\d+",
            "[>»]", "[.!?]", "[^x]", "\\p{Lu}", "\\w+", ":", " ", "(?=.*report)",
            "(?i:модер)", "(?i)σας", "(?i:å)", "(?i:moderação)", "(?i:ß)", "(?i:modéra|модер|moderat)", "(?i:ıxyz)", "(?i)\u{212A}", "(?i:\u{17F})", "^(?=.{0,12}$)", "^(?i)(?=.{0,30}$)", "(?!.*x)", "(?<=\\s)", "(?<!k)", "(?:to|this)", "(?:report){1,2}",
            "(?:x|)", "日本", "(?i)", "(?-i)", "$", ":$", "(?i:ask)$", "\\s?:$", "(?=.*\\d)", "\\d{1,2}:\\d{2}", "(?:\\d|x)", "\\d?", "[[:alpha:]]", "[-a]", "[a-]", "(?<name>abcd)", "\\.", "\\?",
        ]
        var tested = 0
        for _ in 0..<3000 {
            var source = (0..<Int.random(in: 1...6, using: &generator)).map { _ in atoms.randomElement(using: &generator) ?? "" }.joined()
            if Bool.random(using: &generator) { source = "(?:\(source))|" + (atoms.randomElement(using: &generator) ?? "") }
            for caseInsensitive in [false, true] {
                guard let literals = RequiredLiterals.of(source, caseInsensitive: caseInsensitive),
                      let pattern = try? Pattern(source, caseInsensitive: caseInsensitive, usesShortcuts: false)
                else { continue }
                tested += 1
                var lines: [String] = []
                for _ in 0..<100 {
                    var line = randomLine(&generator)
                    lines.append(line)
                    guard pattern.matches(line) else { continue }
                    XCTAssertTrue(line.withUTF8 { literals.mayMatch($0) }, "\(source) (i: \(caseInsensitive)) on \(line.debugDescription)")
                }
                // One search of the joined lines picks out every line the test of each line passes
                // (and may pick out more: a line with the Kelvin sign or the long s shorter than a literal).
                let document = try XCTUnwrap(DocumentLines(lines: lines.map { Substring($0) }))
                let candidates = literals.candidateLines(in: document)
                for (index, line) in lines.enumerated() {
                    var line = line
                    if line.withUTF8({ literals.mayMatch($0) }) { XCTAssertTrue(candidates[index], "\(source) (i: \(caseInsensitive)) on \(line.debugDescription)") }
                }
            }
        }
        XCTAssertGreaterThan(tested, 500)
    }

    /// Lines of the bench's text scrapes (none where the bench is absent).
    private func benchTextLines(limit: Int) -> [String] {
        guard let bench = try? BenchData.directory() else { return [] }
        let text = (bench as NSString).appendingPathComponent("text")
        var lines: [String] = []
        for set in (try? FileManager.default.contentsOfDirectory(atPath: text)) ?? [] {
            let folder = ((text as NSString).appendingPathComponent(set) as NSString).appendingPathComponent("text")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().prefix(40) {
                guard let contents = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8) else { continue }
                lines += contents.split(separator: "\n").map { TextNormalizer.normalizeLine($0) }.filter { !$0.isEmpty }
                if lines.count >= limit { return lines }
            }
        }
        return lines
    }

    /// The built-in rules' patterns with their literals, on lines of the bench's text scrapes.
    func testLiteralsHoldOnBuiltinRulesAndRealLines() throws {
        let directive = /^(?:drop_line|drop_block|drop_from|drop_from_repeated|drop_before|drop_unrepeated|drop_with_titles|teaser)\(\w+\): (.+)$/
        let sources = BuiltinRules.files.flatMap { file in
            file.text.split(separator: "\n").compactMap { line in (try? directive.wholeMatch(in: line)).map { String($0.1) } }
        }
        var generator = SystemRandomNumberGenerator()
        var lines = (0..<5000).map { _ in randomLine(&generator) }
        lines += ["John Doe contributed reporting.", "Jane Roe CONTRIBUTED TO THIS REPORT", "Reporters \u{212A}elly contributed to this story", "Con\u{17F}tributed to the article"]
        lines += ["Комментарии модерируются", "КОММЕНТАРИИ МОДЕРИРУЮТСЯ", "Ко\u{1C82}\u{1C82}ентарии \u{1C82}о\u{1C81}ерируются", "Comentários: moderação",
                  "COMENTÁRIOS SÃO MODERADOS", "Commentaires : modération", "Comments are moderated", "Vidéo : your browser is not supported", "VÍDEO player requires flash"]
        lines += benchTextLines(limit: 30000)
        var checked = 0
        for source in sources {
            guard let literals = RequiredLiterals.of(source, caseInsensitive: false) else { continue }
            let pattern = try Pattern(source, usesShortcuts: false)
            checked += 1
            for var line in lines where pattern.matches(line) {
                XCTAssertTrue(line.withUTF8 { literals.mayMatch($0) }, "\(source) on \(line.debugDescription)")
            }
        }
        XCTAssertGreaterThan(checked, 3)
    }
}
