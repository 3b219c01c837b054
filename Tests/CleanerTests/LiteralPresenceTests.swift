import Foundation
import XCTest

@testable import Cleaner

/// A small text is tested for a built-in pattern's literals before the pattern is compiled
/// (`LiteralPresence`): a text the test turns away holds no line the pattern matches.
final class LiteralPresenceTests: XCTestCase {
    /// Every built-in pattern (rules, signatures and the bodies of leading lookarounds) with a test.
    private func builtinTests() throws -> [(source: String, presence: LiteralPresence)] {
        BuiltinPatternLiterals.table.compactMap { entry in
            LiteralPresence(source: entry.source, caseInsensitive: false).map { (entry.source, $0) }
        }
    }

    /// The golden cases' and the seeds' lines, and those of some bench scrapes when the bench is
    /// there, each also in upper case and with "k" and "s" as the Kelvin sign and the long s
    /// (which `(?i)` matches with them).
    private func lines() throws -> [String] {
        var files: [String] = []
        let golden = Repository.path("golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden).sorted() {
            for input in ["input.txt", "input.html"] {
                files.append(((golden as NSString).appendingPathComponent(name) as NSString).appendingPathComponent(input))
            }
        }
        if let shared = Repository.shared {
            for folder in ["seeds", "bench/text/scrapinghub-page/text", "bench/text/wcxb-dev-page/text"] {
                let path = (shared as NSString).appendingPathComponent(folder)
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().prefix(8)
                files += names.map { (path as NSString).appendingPathComponent($0) }
            }
        }
        var lines: [String] = []
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").map({ TextNormalizer.normalizeLine($0) }) where !line.isEmpty {
                lines += [line, line.uppercased(), line.replacingOccurrences(of: "k", with: "\u{212A}").replacingOccurrences(of: "s", with: "\u{17F}")]
            }
        }
        return lines + [
            "Share this article", "SHARE ON FACEBOOK", "(AP Photo/Jane Doe)", "Photo: Reuters", "OPINIONS EXPRIMÉES ICI SONT CELLES DE L'AUTEUR",
            "Die hier geäusserten Meinungen sind", "DIE HIER GEÄUSSERTEN MEINUNGEN GEBEN", "Ваш комментарий будет опубликован", "Copyright © 2020 The Associated Press.",
            "John said:", "Jane wrote :", "Il a écrit :", "ÉCRIT :", "٣ hours ago", "Published: Jan 3, 2019 8:34 pm", "12 3 4", "\u{212A}iosk", "ſubscribe to our newsletter",
        ]
    }

    func testATextTurnedAwayHasNoMatchingLine() throws {
        let tests = try builtinTests()
        XCTAssertGreaterThan(tests.count, 100)
        let lines = try lines()
        XCTAssertGreaterThan(lines.count, 300)
        var turnedAway = 0
        for (source, presence) in tests {
            let reference = try Pattern(source, usesShortcuts: false)
            for line in lines {
                var literals = TextLiterals(Array(line.utf8))
                guard !presence.mayMatch(&literals) else { continue }
                turnedAway += 1
                XCTAssertFalse(reference.matches(line), "\(source) on \(line.debugDescription)")
            }
        }
        // Most pairs of a pattern and a line are turned away: the test is what saves the compiling.
        XCTAssertGreaterThan(turnedAway, tests.count * lines.count / 2)
    }

    /// A short page of prose holds the literals of few built-in rules: the others are not compiled for it.
    func testProseTurnsMostBuiltinPatternsAway() throws {
        let rules = try RuleLibrary.builtin().rules(forSite: nil).lineRules.compactMap(\.pattern)
        let prose = "The council met on Tuesday to discuss the budget.\nMembers agreed to meet again next month."
        let document = try XCTUnwrap(DocumentLines(lines: prose.split(separator: "\n")))
        let tested = rules.filter { $0.presence != nil }
        XCTAssertGreaterThan(tested.count, rules.count / 2)
        let kept = tested.filter { $0.candidateLines(in: document)?.contains(true) ?? true }
        XCTAssertLessThan(kept.count, tested.count / 4)
        // Those turned away were not compiled.
        for pattern in tested where !kept.contains(where: { $0 === pattern }) {
            XCTAssertFalse(pattern.isCompiled, pattern.source)
        }
    }

    /// The first literals are searched for in the text as it is, the later ones through its
    /// trigrams: the answers are the same either way, for every built-in literal on texts of
    /// real lines (one line, and several joined), and so are a pattern's, whenever the trigrams come.
    func testSearchingBeforeTheTrigramsAnswersAsTheTrigrams() throws {
        let tests = try builtinTests()
        let lines = try lines()
        var literals: [RequiredLiterals.Literal] = []
        for entry in BuiltinPatternLiterals.table {
            guard case .literals(let read, _, let suffixes, _) = entry.reading else { continue }
            literals += read + suffixes
        }
        literals += [RequiredLiterals.Literal(bytes: [], caseless: false), RequiredLiterals.Literal(bytes: Array("The Associated Press.".utf8), caseless: false)]
        XCTAssertGreaterThan(literals.count, 200)
        var texts = stride(from: 0, to: lines.count, by: 7).map { Array(lines[$0].utf8) }
        texts += stride(from: 0, to: lines.count - 40, by: 40).map { Array(lines[$0..<$0 + 40].joined(separator: "\n").utf8) }
        texts += [[], Array("٣".utf8), Array("a1".utf8)]
        var held = 0
        for text in texts {
            var searched = TextLiterals(text, searchesBeforeTrigrams: .max)
            var trigrams = TextLiterals(text, searchesBeforeTrigrams: 0)
            XCTAssertEqual(searched.mayHoldDigit(bySearch: true), trigrams.mayHoldDigit(bySearch: false), String(decoding: text, as: UTF8.self))
            for literal in literals where !literal.caseless {
                let answer = trigrams.mayHold(literal, bySearch: false)
                held += answer ? 1 : 0
                XCTAssertEqual(searched.mayHold(literal, bySearch: true), answer, "\(literal) in \(String(decoding: text, as: UTF8.self).debugDescription)")
            }
            // As the signatures ask: searches first, then the trigrams, pattern by pattern.
            var mixed = TextLiterals(text)
            var reference = TextLiterals(text, searchesBeforeTrigrams: 0)
            for (source, presence) in tests {
                XCTAssertEqual(presence.mayMatch(&mixed, bySearch: true), presence.mayMatch(&reference), "\(source) on \(String(decoding: text, as: UTF8.self).debugDescription)")
            }
        }
        // Some literals are there: the comparison is not of two empty answers only.
        XCTAssertGreaterThan(held, texts.count)
    }

    /// The built-in signatures, whose literals are searched for in a scrape of any size before
    /// the patterns are, find the site a line-by-line match of the signature lines finds: scrapes
    /// of a few lines to tens of kilobytes (past `LiteralPresence.maxBytes`), with a signature line,
    /// a near miss or neither at some place.
    func testBuiltinSignaturesFindTheSiteAsLineByLine() throws {
        let library = try RuleLibrary.builtin()
        // The definition: each built-in file's signature lines, read from the rule files.
        var signatures: [(pattern: Pattern, site: String)] = []
        for file in RuleFile.builtin {
            for line in file.text.split(separator: "\n") where line.hasPrefix("signature_line:") {
                let source = line.dropFirst("signature_line:".count).trimmingCharacters(in: .whitespaces)
                signatures.append((try Pattern(source, usesShortcuts: false), file.name))
            }
        }
        XCTAssertGreaterThanOrEqual(signatures.count, 2)
        let prose = try lines().filter { !$0.contains("Associated Press") && !$0.contains("TOPIX") }
        let inserted = [
            "Copyright © 2019 The Associated Press. All rights reserved.", "Copyright © The Associated Press.", "CHINA TOPIX", "  CHINA TOPIX  ",
            "©2019 The Associated Press. All rights reserved.", "The Associated Press.", "CHINA TOPIX NEWS", "Copyright © 2019 The Associated Press",
        ]
        var random = PseudoRandom(state: 3)
        var found = 0
        var large = 0
        for _ in 0..<300 {
            var lines = (0..<(1 + random.next(random.next(2) == 0 ? 20 : 600))).map { _ in prose[random.next(prose.count)] }
            if random.next(4) > 0 { lines.insert(inserted[random.next(inserted.count)], at: random.next(lines.count + 1)) }
            var text = lines.joined(separator: random.next(2) == 0 ? "\n" : "\n\n")
            let reading = text.withUTF8 { TextReader.read(validUTF8: $0) }
            let joined = try XCTUnwrap(reading.lines)
            var expected: String?
            search: for line in reading.blocks.flatMap(\.lines) {
                for signature in signatures where signature.pattern.matches(line.text) {
                    expected = signature.site
                    break search
                }
            }
            XCTAssertEqual(library.siteName(forJoined: joined), expected, String(text.prefix(200)))
            if expected != nil { found += 1 }
            if joined.text.count >= LiteralPresence.maxBytes { large += 1 }
        }
        // Both outcomes, in small and large scrapes.
        XCTAssertGreaterThan(found, 30)
        XCTAssertLessThan(found, 270)
        XCTAssertGreaterThan(large, 30)
    }

    /// The Kelvin sign and the long s stand for "k" and "s" in a case-insensitive literal; any
    /// form of a non-ASCII letter stands for it; a case-sensitive literal is compared as it is.
    func testTextLiteralsReadLiteralsAsTheLinesDo() {
        func holds(_ text: String, _ literal: String, caseless: Bool) -> Bool {
            // A case-insensitive literal is held as the readings hold it: each character its class's canonical member.
            let exact = RequiredLiterals.Literal(bytes: Array(literal.utf8), caseless: false)
            let literal = caseless ? exact.folded : exact
            var searched = TextLiterals(Array(text.utf8), searchesBeforeTrigrams: .max)
            var trigrams = TextLiterals(Array(text.utf8), searchesBeforeTrigrams: 0)
            let held = trigrams.mayHold(literal, bySearch: false)
            XCTAssertEqual(searched.mayHold(literal, bySearch: true), held, "\(literal) in \(text.debugDescription)")
            return held
        }
        XCTAssertTrue(holds("Read MORE here", "more", caseless: true))
        XCTAssertFalse(holds("Read less here", "more", caseless: true))
        XCTAssertTrue(holds("\u{212A}iosk", "kiosk", caseless: true))
        XCTAssertTrue(holds("ſubſcribe", "subscribe", caseless: true))
        XCTAssertFalse(holds("subscribe", "kiosk", caseless: true))
        XCTAssertTrue(holds("GEÄU\u{1E9E}ERTEN", "geÄußerten", caseless: true))
        XCTAssertFalse(holds("GEAUSSERTEN", "geÄußerten", caseless: true))
        XCTAssertTrue(holds("МОДЕРАЦИЯ", "модер", caseless: true))
        XCTAssertFalse(holds("Moderation", "модер", caseless: true))
        XCTAssertTrue(holds("a:b", ":", caseless: false))
        XCTAssertFalse(holds("a b", ":", caseless: false))
        XCTAssertTrue(holds("AP photo", "AP", caseless: false))
        XCTAssertFalse(holds("a map", "AP", caseless: false))
    }
}
