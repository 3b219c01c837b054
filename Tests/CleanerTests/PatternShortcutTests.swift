import XCTest

@testable import Cleaner

/// A pattern's shortcuts (its body without leading assertions tried first, the lines without its
/// required byte passed over) answer exactly as PCRE2 does with the pattern alone.
final class PatternShortcutTests: XCTestCase {
    func testLeadingAssertionsAreSplitOff() {
        let split = [
            "^(?=.*\\d)abc": "^abc",
            "^(?=.*\\d)(?!.*[.!?]$)(?:\\S+\\s+){0,14}\\S+$": "^(?:\\S+\\s+){0,14}\\S+$",
            "^(?<![a)(])x|y": "^x|y",
            "^(?=[]a)])(?=[^]x])(?=[[:alpha:]()])b": "^b",
            "^(?=\\(x\\))(?i:ab)": "^(?i:ab)",
            "^(?=(?:a|b(?!c)))(?<name>z)": "^(?<name>z)",
        ]
        for (source, body) in split {
            XCTAssertEqual(LeadingLookarounds.body(of: source), body, source)
        }
        let kept = [
            "abc", "^abc", "(?=a)b", "^(?=a)", "^(?=a)?b", "^(?=a){2}b", "^(?=(a))\\1", "^(?=(?<n>a))(?P=n)", "^(?=(a))(?1)", "^(?=(a))(?-1)",
            "^(?=a)(*COMMIT)b", "^(?=a\\Q)\\E)b", "^(?=a)(?x) b", "^(?=a)\\g{1}", "^(?=a)\\k<n>", "^(?=a)(?(1)b|c)", "^(?=a)(?s).", "^(?=a", "^(?=\\c))x",
        ]
        for source in kept {
            XCTAssertNil(LeadingLookarounds.body(of: source), source)
        }
    }

    func testLeadingLookaheadsAreConjuncts() {
        let split: [String: [String]] = [
            "^(?i)(?=.{0,300}$)(?=.*\\bA)(?=.*\\bB)": ["^(?i)(?=.{0,300}$)", "^(?i)(?=.*\\bA)", "^(?i)(?=.*\\bB)"],
            "^(?=.{0,250}$)(?i)(?=.*\\b(?:x|y))(?:.*\\b)?z\\b": ["^(?=.{0,250}$)", "^(?i)(?=.*\\b(?:x|y))", "^(?i)(?:.*\\b)?z\\b"],
            "^(?=.*\\d)(?!.*[.!?]$)(?>(?:\\S+\\s+){0,14})\\S+$": ["^(?=.*\\d)", "^(?>(?:\\S+\\s+){0,14})\\S+$"],
            "^(?![|])(?=[]|)])(?:a|b)": ["^(?=[]|)])", "^(?:a|b)"],
        ]
        for (source, parts) in split {
            XCTAssertEqual(LeadingLookarounds.conjuncts(of: source), parts, source)
        }
        // No leading assertion; one for the first alternative only; a quantified one; group readers.
        for source in ["^abc", "(?=a)b", "^(?=.*a)b|c", "^(?=.*a)(?:b)|c", "^(?=a)?b", "^(?=(a))\\1", "^(?=a)(?x) b", "^(?=a"] {
            XCTAssertEqual(LeadingLookarounds.conjuncts(of: source), [], source)
        }
    }

    /// Each part a pattern is split into for the screen matches every line the pattern matches.
    func testConjunctsHoldEveryMatch() throws {
        let lines = randomLines(count: 3000) + [
            "Comments are moderated", "Note: we are moderating all comments", "Subscribe now to our e-edition for the full story.",
            "Get the latest updates right in your inbox. Subscribe to our newsletters.", "This video is unavailable on your device.",
        ]
        var split = 0
        for source in patternSources() {
            let pattern = try Pattern(source, usesShortcuts: false)
            let parts = try LeadingLookarounds.conjuncts(of: source).map { try Pattern($0, usesShortcuts: false) }
            if !parts.isEmpty { split += 1 }
            for line in lines where pattern.matches(line) {
                for part in parts { XCTAssertTrue(part.matches(line), "\(part.source) of \(source) on \(line.debugDescription)") }
            }
        }
        XCTAssertGreaterThan(split, 8)
    }

    func testRequiredBytesAreUnambiguousPunctuation() throws {
        XCTAssertEqual(try Pattern("\\s(?:Credit|Image credit)\\s?:\\s?\\p{Lu}").requiredByte, UInt8(ascii: ":"))
        XCTAssertEqual(try Pattern("^\\d{1,3}\\s?/\\s?\\d{1,3}$").requiredByte, UInt8(ascii: "/"))
        // Its last literal is a letter; its first is "(".
        XCTAssertEqual(try Pattern("\\((?:AP|AFP) ?Photo").requiredByte, UInt8(ascii: "("))
        // Letters may match in another case, digits and spaces pick out nearly every line.
        for source in ["(?i)make .{1,40} your home", "^(?i)share(?: this)? on", "abc", "\\d{4}x", "a.b", "\\.\\.\\.", "x,y"] {
            XCTAssertNil(try Pattern(source).requiredByte, source)
        }
    }

    /// The built-in line rules, and patterns with the constructs the shortcuts care about
    /// (assertions, non-ASCII letters, case-insensitive matching, required punctuation).
    private func patternSources() -> [String] {
        let directive = /^(?:drop_line|drop_block|drop_from|drop_from_repeated|drop_before|teaser)\(\w+\): (.+)$/
        let builtin = BuiltinRules.files.flatMap { file in
            file.text.split(separator: "\n").compactMap { line in (try? directive.wholeMatch(in: line)).map { String($0.1) } }
        }
        XCTAssertGreaterThan(builtin.count, 30)
        return builtin + [
            "^(?=.*\\d)(?i:straße|österreich|ÉTÉ)\\s?:$", "^(?!.*é)\\p{Lu}\\w+$", "^(?=.*ß)(?i)STRASSE", "^(?<!x)(?i)k.{0,3}:",
            "(?i)é:\\s*\\p{L}+", "^(?=.*[٠-٩\\d])\\w+/\\w+$", "^(?=.*\\bKELVIN\\b)(?i:kelvin)", "日本:", "^(?!.*[。.]$).{1,20}$",
        ]
    }

    private let pieces = [
        "Jul 26, 2021", " ", "  ", "8:34 PM", "|", "Updated:", "Monday", "05/05/2024", "1", "12", "٣:٤٥", "१२", "said:", "says:", "John", "wrote",
        "a écrit", "ÉCRIT", "Straße", "STRASSE", "straße:", "Österreich", "É", "é", "e\u{301}", "K", "\u{212A}elvin", "kelvin", "KELVIN", "ſ", "日本", ":", "：",
        "/", "AP", "Reuters", "(AP Photo/Jane Doe)", "Photo:", "Credit: Jane", "©", "2019", "Home", ">", "»", ".", "!", "?", "”", "by", "By Jane Doe",
        "2 days ago", "Share", "Tags:", "x", "\t", "word word", "contributed reporting", "CONTRIBUTED TO THE STORY", "contributed", " to this report",
    ]

    private func randomLines(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    func testShortcutsAnswerAsThePatternAlone() throws {
        let lines = randomLines(count: 3000)
        for source in patternSources() {
            for caseInsensitive in [false, true] {
                let pattern = try Pattern(source, caseInsensitive: caseInsensitive)
                let reference = try Pattern(source, caseInsensitive: caseInsensitive, usesShortcuts: false)
                for line in lines {
                    XCTAssertEqual(pattern.matches(line), reference.matches(line), "\(source) (i: \(caseInsensitive)) on \(line.debugDescription)")
                }
            }
        }
    }

    /// Documents of such lines: the candidates (lines with the required byte, or the whole-text
    /// search's) hold every line the pattern alone matches.
    func testCandidateLinesHoldEveryMatch() throws {
        let patterns = try patternSources().map { (try Pattern($0), try Pattern($0, usesShortcuts: false)) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let blocks = (0..<Int.random(in: 1...5, using: &generator)).map { _ in Block(kind: .paragraph, lines: randomLines(count: Int.random(in: 1...4, using: &generator))) }
            var document = Document(blocks: blocks)
            // Removed lines are left empty in the joined text.
            if let block = document.blocks.indices.randomElement(using: &generator) { document.blocks[block].lines[0].removedBy = .heuristic(name: "test", category: .other, detail: "") }
            let lines = try XCTUnwrap(DocumentLines(document))
            for (pattern, reference) in patterns {
                let matcher = LineMatcher(pattern, lines: lines)
                let expected = document.blocks.indices.flatMap { block in
                    document.blocks[block].lines.indices.filter { document.blocks[block].lines[$0].isKept && reference.matches(document.blocks[block].lines[$0].text) }.map { [block, $0] }
                }
                XCTAssertEqual(matcher.matchingKeptLines(in: document).map { [$0.block, $0.line] }, expected, pattern.source)
            }
        }
    }
}
