import Foundation
import XCTest

@testable import Cleaner

/// One walk of a document for all of a rule file's patterns (`LiteralScreen`) picks out every
/// line each pattern matches on its own.
final class LiteralScreenTests: XCTestCase {
    /// Phrases the built-in rules look for, and text around them, in several scripts.
    private let pieces = [
        "Share this article", "share on Facebook", "FOLLOW US ON TWITTER", "Like us on Instagram", "Photo: AP", "(AP Photo/Jane Doe)", "Getty Images",
        "Comments are moderated", "КОММЕНТАРИИ МОДЕРИРУЮТСЯ", "Комментарии", "модерация", "Commentaires : modération", "COMENTÁRIOS", "moderação",
        "Tags:", "tags", "Back to top", "Zurück nach oben", "Subscribe to our newsletter", "sign up", "inbox", "Newsletters", "Advertisement",
        "Published: Jan 3, 2019 8:34 pm", "Updated", "12:30", "2019", "3/4", "12", "١٢", "Click here", "KLICKEN SIE HIER", "Privacy | Terms | Contact us |",
        "John says:", "Jane wrote:", "écrit :", "Anzeige", "Password", "Log in", "Forgot your password?", "View all", "»", " > ", "Home", "News",
        "Your browser is not supported", "this video is no longer available", "Video", "enable JavaScript", "Credit: Reuters", "Image copyright",
        "the", "a", "and", " ", ", ", ". ", ":", "!", "?", "’", "—", "日本", "σας", "ΣΑΣ", "ß", "Straße", "İ", "ı", "\u{212A}iosk", "\u{17F}ign up",
        "Sponsored", "Related articles", "Read more", "Continue reading", "Copyright © 2020", "All rights reserved", "contributed reporting",
    ]

    /// Lines of pieces, each in one of several case forms, some ASCII letters as the Kelvin sign or the long s.
    private func randomLines(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            var line = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: Bool.random(using: &generator) ? " " : "")
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: line = line.uppercased()
            case 1: line = line.lowercased()
            case 2: line = line.capitalized
            case 3: line = line.replacingOccurrences(of: "k", with: "\u{212A}").replacingOccurrences(of: "s", with: "\u{17F}")
            default: break
            }
            return line
        }
    }

    /// Lines of the bench's text scrapes, each also in upper case (none where the bench is absent).
    private func benchLines(limit: Int) -> [String] {
        guard let bench = try? BenchData.directory() else { return [] }
        let text = (bench as NSString).appendingPathComponent("text")
        var lines: [String] = []
        for set in ((try? FileManager.default.contentsOfDirectory(atPath: text)) ?? []).sorted() {
            let folder = ((text as NSString).appendingPathComponent(set) as NSString).appendingPathComponent("text")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().prefix(20) {
                guard let contents = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8) else { continue }
                for line in contents.split(separator: "\n").map({ TextNormalizer.normalizeLine($0) }) where !line.isEmpty {
                    lines += [line, line.uppercased()]
                }
                if lines.count >= limit { return lines }
            }
        }
        return lines
    }

    private func builtinRules() throws -> [RuleSet.LineRule] {
        try RuleLibrary.builtin().rules(forSite: nil).lineRules
    }

    /// `lines` in documents of a few hundred lines, as the rules see them, each with its candidates.
    private func forEachDocument(of lines: [String], screenedBy screen: LiteralScreen, _ body: ([String], LiteralScreen.Candidates) throws -> Void) throws {
        for start in stride(from: 0, to: lines.count, by: 400) {
            let chunk = Array(lines[start..<min(start + 400, lines.count)])
            let document = try XCTUnwrap(DocumentLines(lines: chunk.map { Substring($0) }))
            try body(chunk, screen.candidateLines(in: document))
        }
    }

    func testBuiltinRulesShareOnePass() throws {
        let rules = try builtinRules()
        let passes = rules.compactMap(\.literalSlot?.pass)
        // Each rule with a pattern has a slot (and holds its pass); the others have none.
        XCTAssertEqual(passes.count, rules.filter { $0.pattern != nil }.count)
        XCTAssertTrue(rules.allSatisfy { ($0.literalSlot == nil) == ($0.pattern == nil) && ($0.literalOwner === $0.literalSlot?.pass) })
        XCTAssertTrue(passes.allSatisfy { $0 === passes.first })
    }

    /// Every built-in pattern, over random and real lines: a line the pattern alone matches is a
    /// candidate of its slot, and most patterns are screened.
    func testScreenHoldsEveryMatchOfBuiltinRules() throws {
        let rules = try builtinRules()
        let screen = LiteralScreen(rules.map(\.pattern))
        let screenedCount = rules.indices.filter { screen.screens($0) }.count
        XCTAssertGreaterThan(screenedCount, rules.filter { $0.pattern != nil }.count / 2)
        var lines = randomLines(count: 6000) + benchLines(limit: 20000)
        lines += ["", " ", "\u{212A}", "\u{17F}"]
        var matched = 0
        try forEachDocument(of: lines, screenedBy: screen) { chunk, candidates in
            for (slot, rule) in rules.enumerated() {
                guard let source = rule.pattern?.source else { continue }
                guard screen.screens(slot) else { continue }
                let found = (0..<candidates.lineCount).map { candidates.isCandidate($0, of: slot) }
                let reference = try Pattern(source, usesShortcuts: false)
                for (index, line) in chunk.enumerated() where reference.matches(line) {
                    matched += 1
                    XCTAssertTrue(found[index], "\(source) on \(line.debugDescription)")
                }
            }
        }
        // The lines meet the patterns often enough for the test to mean something.
        XCTAssertGreaterThan(matched, 300)
    }

    /// Once the screen is made, no built-in line rule searches the whole text on its own: each
    /// one that would (its multilingual alternations of headings, form labels and share words
    /// included) is screened.
    func testEveryBuiltinRuleThatSearchesTheTextIsScreened() throws {
        let rules = try builtinRules()
        let screen = LiteralScreen(rules.map(\.pattern))
        var searching = 0
        for (slot, rule) in rules.enumerated() {
            guard let pattern = rule.pattern, pattern.searchesDocument else { continue }
            searching += 1
            XCTAssertTrue(screen.screens(slot), pattern.source)
        }
        XCTAssertGreaterThan(searching, 20)
    }

    /// Line patterns of a user's file: the screened ones find what they find alone, those the
    /// screen cannot read keep every line.
    func testScreenOnUserPatterns() throws {
        let sources = [
            "^Like Us on Facebook$", "(?i)kiosk", "^(?i:straße|écrit)\\s?:$", "(?i:модер)", "\\d{1,2}:\\d{2}", "^(?=.{0,20}$).*\\bnews\\b",
            "(a+)+$", "(?i)σας", "\\bAP\\b", "^(?:x|y)$", "Photo(?=:)", "[»>]", "\\p{Lu}{3,}", ".", "(?i:ſign)", "(?i)\u{212A}",
        ]
        let patterns = try sources.map { try Pattern($0) }
        let screen = LiteralScreen(patterns)
        let lines = randomLines(count: 3000) + [
            "kiosk", "KIOSK", "Stra\u{1E9E}e:", "ÉCRIT :", "МОДЕР", "МоДеР", "м\u{1C82}\u{1C81}ер", "ΣΑΣ", "σας", "Σας", "news today", "aaaa", "x", "Photo:", "SIGN", "\u{212A}",
        ]
        let document = try XCTUnwrap(DocumentLines(lines: lines.map { Substring($0) }))
        let candidates = screen.candidateLines(in: document)
        for (slot, pattern) in patterns.enumerated() {
            let reference = try Pattern(pattern.source, usesShortcuts: false)
            let found = screen.screens(slot) ? lines.indices.map { candidates.isCandidate($0, of: slot) } : [Bool](repeating: true, count: lines.count)
            for (index, line) in lines.enumerated() where reference.matches(line) {
                XCTAssertTrue(found[index], "\(pattern.source) on \(line.debugDescription)")
            }
        }
        // `(?i:модер)` has no ASCII: it is looked for in each spelling of a run of its letters
        // (the Cyrillic rounded and tall forms too). `.` gives nothing to read: it searches alone.
        XCTAssertTrue(screen.screens(3))
        XCTAssertTrue(screen.screens(7))
        // Lines without those letters are passed over.
        let plain = try XCTUnwrap(lines.firstIndex(of: "news today"))
        XCTAssertFalse(candidates.isCandidate(plain, of: 3))
        XCTAssertFalse(candidates.isCandidate(plain, of: 7))
        XCTAssertFalse(screen.screens(13))
        XCTAssertTrue(screen.screens(1))
    }

    /// A key is at most `maxKeyBytes` of its literal: a line holding a key opens the literal's
    /// rest only where the rest follows it, as it is or, for a case-insensitive literal, in
    /// either case. "Associat" of "Associated Press" in "Associating" is passed over; a line with
    /// the Kelvin sign (or the long s) stays a candidate of each case-insensitive literal with a
    /// "k" or an "s", as before.
    func testKeysOfLongLiteralsAskForTheirRest() throws {
        let sources = ["Associated Press", "(?i)contributed reporting", "(?i)kiosk mode enabled", "^(?i:use of this (?:web ?site|service))"]
        let patterns = try sources.map { try Pattern($0) }
        let screen = LiteralScreen(patterns)
        let lines = [
            "Associated Press", "By the Associated Press.", "Associating with the press", "ASSOCIATED PRESS", "Contributed reporting by A.", "CONTRIBUTED REPORTING",
            "He contributed to the report", "kiosk mode enabled", "KIOSK MODE ENABLED", "\u{212A}iosk mode enabled", "kiosk mode is off", "Use of this website",
            "because of the rain", "USE OF THIS SERVICE", "Contribu", "Associated",
        ]
        let document = try XCTUnwrap(DocumentLines(lines: lines.map { Substring($0) }))
        let candidates = screen.candidateLines(in: document)
        let expected: [[String]] = [
            ["Associated Press", "By the Associated Press."],
            ["Contributed reporting by A.", "CONTRIBUTED REPORTING"],
            ["kiosk mode enabled", "KIOSK MODE ENABLED", "\u{212A}iosk mode enabled"],
            ["\u{212A}iosk mode enabled", "Use of this website", "USE OF THIS SERVICE"],
        ]
        for slot in patterns.indices {
            XCTAssertTrue(screen.screens(slot), sources[slot])
            let marked = lines.indices.filter { candidates.isCandidate($0, of: slot) }.map { lines[$0] }
            XCTAssertEqual(marked, expected[slot], sources[slot])
            // Each line the pattern matches alone is among them.
            XCTAssertTrue(lines.filter { patterns[slot].matches($0) }.allSatisfy { marked.contains($0) }, sources[slot])
        }
    }

    /// A pattern whose literals share an opening is screened by the literals whole, not by their
    /// opening: "your " alone, on most lines that address the reader, is passed over.
    func testScreenKeepsLiteralsWithACommonOpeningWhole() throws {
        let source = "^(?i)(?=.{0,400}$).*\\byour (?:e-?mail )?address (?:is|will be) used only\\b"
        let screen = LiteralScreen([try Pattern(source)])
        let lines = ["Your e-mail address is used only to send you the newsletter.", "Enter your email address", "Your address will be used only once", "Your order ships today", "your address is used only"]
        let document = try XCTUnwrap(DocumentLines(lines: lines.map { Substring($0) }))
        let candidates = screen.candidateLines(in: document)
        XCTAssertTrue(screen.screens(0))
        XCTAssertEqual(lines.indices.filter { candidates.isCandidate($0, of: 0) }.map { lines[$0] }, [lines[0], lines[2], lines[4]])
    }

    /// Each line's digit test from one walk of the text (`RequiredLiterals.digitLines`) is the
    /// line's own test (`holdsDigit`): on random and real lines, with empty lines and digits at
    /// either end of a line.
    func testDigitLinesOfATextAreEachLinesOwn() throws {
        var lines = randomLines(count: 3000) + benchLines(limit: 8000)
        lines += ["", "1", "", "a1", "1a", "\u{2019}9", "\u{2019}", "x\u{2014}", "\u{660}", "\u{2070}", "abcdefgh1", "abcdefghi", "12345678", ""]
        var withDigit = 0
        for start in stride(from: 0, to: lines.count, by: 250) {
            let chunk = Array(lines[start..<min(start + 250, lines.count)])
            let document = try XCTUnwrap(DocumentLines(lines: chunk.map { Substring($0) }))
            let found = document.text.withUnsafeBufferPointer { text in
                document.starts.withUnsafeBufferPointer { RequiredLiterals.digitLines(text, starts: UnsafeBufferPointer(rebasing: $0[..<document.count])) }
            }
            let expected = chunk.map { line in
                var line = line
                return line.withUTF8 { RequiredLiterals.holdsDigit($0) }
            }
            XCTAssertEqual(found, expected)
            withDigit += expected.filter { $0 }.count
        }
        XCTAssertGreaterThan(withDigit, 500)
        XCTAssertLessThan(withDigit, lines.count - 500)
    }

    /// The literals' own test (`RequiredLiterals.mayMatch`), the definition the keys stand for: on
    /// random and real lines, each candidate of a built-in pattern read to literals of ASCII or
    /// of one case holds one of them whole, beyond the key that opens it (or, for case-insensitive
    /// literals with a "k" or an "s", the Kelvin sign or the long s, which mark a line as before).
    func testCandidatesOfBuiltinRulesHoldTheirLiteralsWhole() throws {
        let rules = try builtinRules()
        let screen = LiteralScreen(rules.map(\.pattern))
        let lines = randomLines(count: 4000) + benchLines(limit: 20000)
        var checked = 0
        var withLongLiterals = 0
        var first = true
        try forEachDocument(of: lines, screenedBy: screen) { chunk, candidates in
            defer { first = false }
            for (slot, rule) in rules.enumerated() {
                guard let pattern = rule.pattern, screen.screens(slot) else { continue }
                let reading = BuiltinPatternLiterals.screenReading(of: pattern.source, caseInsensitive: pattern.caseInsensitive).map(\.requiredLiterals)
                    ?? RequiredLiterals.of(pattern.source, caseInsensitive: pattern.caseInsensitive, limit: LiteralScreen.maxLiterals)
                guard let reading, !reading.literals.isEmpty, !reading.literals.contains(where: \.foldsScalars),
                      let literals = RequiredLiterals(reading.literals) else { continue }
                if first, reading.literals.contains(where: { $0.bytes.count > LiteralScreen.maxKeyBytes }) { withLongLiterals += 1 }
                for (index, line) in chunk.enumerated() where candidates.isCandidate(index, of: slot) {
                    checked += 1
                    var text = line
                    // By scalar: a string search would take the Kelvin sign for "K", its canonical equivalent.
                    let holdsCaseForm = literals.foldsNonASCII && line.unicodeScalars.contains { $0.value == 0x212A || $0.value == 0x17F }
                    XCTAssertTrue(holdsCaseForm || text.withUTF8 { literals.mayMatch($0) }, "\(pattern.source) on \(line.debugDescription)")
                }
            }
        }
        XCTAssertGreaterThan(withLongLiterals, 20)
        XCTAssertGreaterThan(checked, 1000)
    }

    /// The chain over the screen's candidates, passing over the rules it finds none for, removes
    /// what the same rules remove each searching on its own: the built-in rules over documents of
    /// random and real lines, in blocks of one to four lines.
    func testScreenedChainRemovesWhatRulesAloneRemove() throws {
        let rules = try builtinRules()
        let pass = try XCTUnwrap(rules.first?.literalSlot?.pass)
        XCTAssertNotNil(pass.current(forSubjectBytes: LiteralPass.thresholdBytes))
        let alone = rules.map { rule -> RuleSet.LineRule in
            var rule = rule
            rule.literalSlot = nil
            return rule
        }
        let lines = randomLines(count: 3000) + benchLines(limit: 12000)
        var removed = 0
        var keptByBoth = 0
        for start in stride(from: 0, to: lines.count, by: 300) {
            let chunk = Array(lines[start..<min(start + 300, lines.count)])
            var blocks: [Block] = []
            var index = 0
            while index < chunk.count {
                let end = min(index + 1 + index % 4, chunk.count)
                blocks.append(Block(kind: .paragraph, lines: Array(chunk[index..<end])))
                index = end
            }
            var screened = Document(blocks: blocks)
            var reference = Document(blocks: blocks)
            LineFilterChain.apply(rules, to: &screened)
            LineFilterChain.apply(alone, to: &reference)
            let found = screened.blocks.map { $0.lines.map { $0.removedBy?.description } }
            let expected = reference.blocks.map { $0.lines.map { $0.removedBy?.description } }
            XCTAssertEqual(found, expected)
            removed += expected.joined().filter { $0 != nil }.count
            keptByBoth += expected.joined().filter { $0 == nil }.count
        }
        // Rules remove lines and keep others: the comparison means something.
        XCTAssertGreaterThan(removed, 500)
        XCTAssertGreaterThan(keptByBoth, 500)
    }

    /// A pattern whose leading lookaheads ask for two words is a candidate only on lines holding
    /// both: a line with one of them is passed over.
    func testScreenAsksForEachLookaheadsLiterals() throws {
        let sources = ["^(?i)(?=.{0,300}$)(?=.*\\b(?:comments?|kommentare?)\\b)(?=.*\\b(?:moderat|moderie))", "^(?=.{0,250}$)(?i)(?=.*\\bsubscri)(?:.*\\b)?for the full story\\b"]
        let patterns = try sources.map { try Pattern($0) }
        let screen = LiteralScreen(patterns)
        let lines = ["Comments are moderated", "Leave a comment", "The moderator", "KOMMENTARE WERDEN MODERIERT", "Subscribe for the full story.", "Subscribe today", "Read the full story"]
        let document = try XCTUnwrap(DocumentLines(lines: lines.map { Substring($0) }))
        let candidates = screen.candidateLines(in: document)
        for slot in patterns.indices {
            XCTAssertTrue(screen.screens(slot))
            let marked = lines.indices.filter { candidates.isCandidate($0, of: slot) }.map { lines[$0] }
            XCTAssertEqual(marked, lines.filter { patterns[slot].matches($0) }, sources[slot])
        }
    }

    /// Marks are made only for the patterns with a candidate line: a document holding one of a
    /// pattern's lookahead literals but never the other, or none of its keys, gives it no
    /// candidate, and a pattern none of whose keys it holds has no row of marks at all.
    func testPatternsWithoutCandidatesHaveNoMarks() throws {
        let sources = [
            "^(?i)(?=.{0,300}$)(?=.*\\b(?:comments?|kommentare?)\\b)(?=.*\\b(?:moderat|moderie))", "^(?=.{0,250}$)(?i)(?=.*\\bsubscri)(?:.*\\b)?for the full story\\b",
            "(?i)kiosk", "^Like Us on Facebook$",
        ]
        let patterns = try sources.map { try Pattern($0) }
        let screen = LiteralScreen(patterns)
        let lines = ["Leave a comment", "Comments below", "The weather today", "Subscribe today", "Like us"]
        let document = try XCTUnwrap(DocumentLines(lines: lines.map { Substring($0) }))
        let candidates = screen.candidateLines(in: document)
        for slot in patterns.indices {
            XCTAssertTrue(screen.screens(slot), sources[slot])
            XCTAssertEqual(lines.indices.filter { candidates.isCandidate($0, of: slot) }, [], sources[slot])
        }
        XCTAssertNil(candidates.start(of: 2))
        XCTAssertNil(candidates.start(of: 3))
        XCTAssertLessThan(candidates.marks.count, patterns.count * lines.count)
        // The same patterns over lines that hold their keys: each has its row.
        let matching = ["Comments are moderated", "Subscribe for the full story", "KIOSK", "Like Us on Facebook"]
        let full = screen.candidateLines(in: try XCTUnwrap(DocumentLines(lines: matching.map { Substring($0) })))
        for slot in patterns.indices {
            XCTAssertEqual(matching.indices.filter { full.isCandidate($0, of: slot) }, [slot], sources[slot])
        }
    }

    /// Each key's ends in `bytes` by a plain comparison at every place, as [key, end], in order of
    /// end, then key: a caseless key in either case, the others as they are.
    private func plainSearch(_ keys: [LiteralAutomaton.Key], in bytes: [UInt8]) -> [[Int]] {
        var expected: [[Int]] = []
        for end in 0...bytes.count {
            for (index, key) in keys.enumerated() where key.bytes.count <= end {
                let slice = bytes[(end - key.bytes.count)..<end]
                let equal = key.caseless ? slice.map(RequiredLiterals.lowered) == key.bytes : Array(slice) == key.bytes
                if equal { expected.append([index, end]) }
            }
        }
        return expected
    }

    /// The automaton finds each key where a plain search does, case-sensitive keys in their own case only.
    func testAutomatonFindsWhatASearchFinds() throws {
        let keys: [LiteralAutomaton.Key] = [
            .init(bytes: Array("he".utf8), caseless: true), .init(bytes: Array("she".utf8), caseless: true), .init(bytes: Array("hers".utf8), caseless: true),
            .init(bytes: Array("AP".utf8), caseless: false), .init(bytes: Array("»".utf8), caseless: false), .init(bytes: [0xE2, 0x84, 0xAA], caseless: false),
            .init(bytes: Array(":".utf8), caseless: false), .init(bytes: Array("ap".utf8), caseless: false),
        ]
        let automaton = try XCTUnwrap(LiteralAutomaton(keys))
        for text in ["ushers", "USHERS", "AP, ap, Ap, aP", "a » b:\u{212A}", "", "hhhershe", "日本AP"] {
            var found: [[Int]] = []
            Array(text.utf8).withUnsafeBufferPointer { bytes in automaton.forEachOccurrence(in: bytes) { found.append([$0, $1]) } }
            let expected = plainSearch(keys, in: Array(text.utf8))
            XCTAssertEqual(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }, expected, text)
        }
    }

    /// The walk reads `roundBytes` a round and the rest one at a time: on texts of every length
    /// up to five rounds, with keys ending at each place of a round, it finds each key
    /// where a plain search does, in the order of their ends.
    func testAutomatonFindsWhatASearchFindsAtEveryLength() throws {
        let keys: [LiteralAutomaton.Key] = [
            .init(bytes: Array("ab".utf8), caseless: true), .init(bytes: Array("b".utf8), caseless: false), .init(bytes: Array("abc".utf8), caseless: true),
            .init(bytes: Array("ca".utf8), caseless: false), .init(bytes: Array("é".utf8), caseless: false), .init(bytes: Array("bb".utf8), caseless: true),
        ]
        let automaton = try XCTUnwrap(LiteralAutomaton(keys))
        let alphabet: [[UInt8]] = ["a", "b", "c", "A", "B", "C", "é", " ", "x"].map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            for _ in 0..<25 {
                var bytes: [UInt8] = []
                while bytes.count < length { bytes += alphabet.randomElement(using: &generator) ?? [] }
                var found: [[Int]] = []
                bytes.withUnsafeBufferPointer { automaton.forEachOccurrence(in: $0) { found.append([$0, $1]) } }
                XCTAssertEqual(found.map { $0[1] }, found.map { $0[1] }.sorted(), "\(bytes)")
                let expected = plainSearch(keys, in: bytes)
                XCTAssertEqual(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }, expected, "\(bytes)")
            }
        }
    }

    /// Long texts where keys end at most bytes, so that most rounds of the walk hold several
    /// ends, at lengths around a round: each key is found where a plain search finds it, in order.
    func testAutomatonFindsDenseKeysInLongTexts() throws {
        let keys: [LiteralAutomaton.Key] = [.init(bytes: Array("a".utf8), caseless: true), .init(bytes: Array("aa".utf8), caseless: false), .init(bytes: Array("ab".utf8), caseless: true)]
        let automaton = try XCTUnwrap(LiteralAutomaton(keys))
        for length in [LiteralAutomaton.roundBytes * 24 - 1, LiteralAutomaton.roundBytes * 24, 1000, 1001, 1007] {
            for pattern in [Array("a".utf8), Array("aAb".utf8), Array("abaXa".utf8)] {
                let bytes = (0..<length).map { pattern[$0 % pattern.count] }
                var found: [[Int]] = []
                bytes.withUnsafeBufferPointer { automaton.forEachOccurrence(in: $0) { found.append([$0, $1]) } }
                let expected = plainSearch(keys, in: bytes)
                XCTAssertEqual(found.map { $0[1] }, found.map { $0[1] }.sorted(), "\(length) \(pattern)")
                XCTAssertEqual(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }, expected, "\(length) \(pattern)")
                XCTAssertGreaterThan(found.count, length / 2)
            }
        }
    }

    /// Keys that overlap, nest, differ in case and span a space and a multi-byte character: the
    /// keys of the window and lane tests.
    private static let laneKeys: [LiteralAutomaton.Key] = [
        .init(bytes: Array("ab".utf8), caseless: true), .init(bytes: Array("b".utf8), caseless: false), .init(bytes: Array("abc".utf8), caseless: true),
        .init(bytes: Array("ca".utf8), caseless: false), .init(bytes: Array("é".utf8), caseless: false), .init(bytes: Array("x yz".utf8), caseless: true),
    ]

    /// Texts of several windows, cut in lines of every length (some longer than a window, some
    /// a lone line feed): the walk in four lanes a window finds each key where a plain search
    /// does, in order of their ends, wherever the windows and lanes fall.
    func testAutomatonFindsKeysAcrossWindowsAndLanes() throws {
        let keys = Self.laneKeys
        let automaton = try XCTUnwrap(LiteralAutomaton(keys))
        let alphabet: [[UInt8]] = ["a", "b", "c", "A", "B", "C", "é", " ", "x", "y", "z", "Z", "q"].map { Array($0.utf8) }
        let window = 4 * LiteralAutomaton.laneBytes
        var generator = SystemRandomNumberGenerator()
        for length in [LiteralAutomaton.fourLaneBytes - 1, LiteralAutomaton.fourLaneBytes, window - 1, window, window + 1, 2 * window, 3 * window + 7, 5 * window + 300] {
            for lineLengths in [0...0, 1...3, 1...80, 20...300, window / 2...window / 2 + 2, window...3 * window] {
                var bytes: [UInt8] = []
                while bytes.count < length {
                    let line = Int.random(in: lineLengths, using: &generator)
                    var written = 0
                    while written < line, bytes.count < length {
                        let character = alphabet.randomElement(using: &generator) ?? []
                        bytes += character
                        written += character.count
                    }
                    if bytes.count < length { bytes.append(0x0A) }
                }
                var found: [[Int]] = []
                bytes.withUnsafeBufferPointer { automaton.forEachOccurrence(in: $0) { found.append([$0, $1]) } }
                XCTAssertEqual(found.map { $0[1] }, found.map { $0[1] }.sorted(), "\(length) \(lineLengths)")
                XCTAssertEqual(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }, plainSearch(keys, in: bytes), "\(length) \(lineLengths)")
            }
        }
    }

    /// Lanes start a key's length early, wherever they fall: keys as long as a lane's warm-up,
    /// and one longer than the warm-up the lanes allow (walked in one lane then), are found
    /// across the lanes' cuts where a plain search finds them, in order of their ends.
    func testAutomatonFindsLongKeysAcrossLaneCuts() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 12) + Array("b".utf8)
        let longest = [UInt8](repeating: UInt8(ascii: "c"), count: LiteralAutomaton.maxWarmUp + 5)
        for keys: [LiteralAutomaton.Key] in [[.init(bytes: long, caseless: true), .init(bytes: Array("ab".utf8), caseless: false)], [.init(bytes: longest, caseless: false), .init(bytes: Array("cb".utf8), caseless: true)]] {
            let automaton = try XCTUnwrap(LiteralAutomaton(keys))
            for length in [LiteralAutomaton.fourLaneBytes, 4 * LiteralAutomaton.laneBytes + 100, 9 * LiteralAutomaton.laneBytes + 3] {
                for run in [5, 13, 14, 70, 80] {
                    // Runs of "a" or "c" ended by a "b", so that long keys end at every place.
                    let unit = [UInt8](repeating: keys[0].bytes[0], count: run) + Array("b".utf8)
                    let bytes = (0..<length).map { unit[$0 % unit.count] }
                    var found: [[Int]] = []
                    bytes.withUnsafeBufferPointer { automaton.forEachOccurrence(in: $0) { found.append([$0, $1]) } }
                    XCTAssertEqual(found.map { $0[1] }, found.map { $0[1] }.sorted(), "\(length) \(run)")
                    XCTAssertEqual(found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }, plainSearch(keys, in: bytes), "\(length) \(run)")
                }
            }
        }
    }

    /// A table too large for 16-bit entries (asked here of a few keys) takes 32-bit ones, and
    /// the walk over it finds each key where a plain search does, as the 16-bit table's does.
    func testWideEntriesFindWhatNarrowOnesFind() throws {
        let keys = Self.laneKeys
        let narrow = try XCTUnwrap(LiteralAutomaton(keys))
        let wide = try XCTUnwrap(LiteralAutomaton(keys, maxNarrowEntries: 0))
        XCTAssertTrue(narrow.hasNarrowEntries)
        XCTAssertFalse(wide.hasNarrowEntries)
        let alphabet: [[UInt8]] = ["a", "b", "c", "A", "B", "C", "é", " ", "x", "y", "z", "Z", "q", "\n"].map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        for length in [0, 7, 8, 100, LiteralAutomaton.fourLaneBytes, 12 * LiteralAutomaton.laneBytes + 7] {
            for _ in 0..<5 {
                var bytes: [UInt8] = []
                while bytes.count < length { bytes += alphabet.randomElement(using: &generator) ?? [] }
                var fromNarrow: [[Int]] = []
                var fromWide: [[Int]] = []
                bytes.withUnsafeBufferPointer { text in
                    narrow.forEachOccurrence(in: text) { fromNarrow.append([$0, $1]) }
                    wide.forEachOccurrence(in: text) { fromWide.append([$0, $1]) }
                }
                XCTAssertEqual(fromWide, fromNarrow, "\(length)")
                XCTAssertEqual(fromWide.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }, plainSearch(keys, in: bytes), "\(length)")
            }
        }
    }

    /// Keys that make more than `maxStates` trie states give no automaton; as many as that do.
    func testAutomatonStopsAtMaxStates() {
        // Six letters from a number: keys sharing openings, as literals do.
        let keys: [LiteralAutomaton.Key] = (0..<4000).map { number in
            var value = number &* 7919
            let bytes = (0..<6).map { _ -> UInt8 in
                defer { value /= 26 }
                return UInt8(ascii: "a") + UInt8(value % 26)
            }
            return .init(bytes: bytes, caseless: true)
        }
        // The trie's states: the root and each distinct opening, counted key by key.
        var openings: Set<[UInt8]> = []
        var fitting = 0
        for key in keys {
            openings.formUnion((1...key.bytes.count).map { Array(key.bytes.prefix($0)) })
            guard openings.count + 1 <= LiteralAutomaton.maxStates else { break }
            fitting += 1
        }
        XCTAssertLessThan(fitting, keys.count)
        XCTAssertNotNil(LiteralAutomaton(Array(keys[..<fitting])))
        XCTAssertNil(LiteralAutomaton(Array(keys[..<(fitting + 1)])))
        XCTAssertNil(LiteralAutomaton(keys))
    }
}
