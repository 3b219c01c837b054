import Foundation
import XCTest

@testable import Cleaner

/// The scorer is the bench's score.py: its token rules, empty cases, means and snippets.
final class ScorerTests: XCTestCase {
    private func score(_ gold: String, _ prediction: String) -> DocumentScore {
        DocumentScore(id: "d", gold: TokenBag(gold), prediction: TokenBag(prediction))
    }

    func testEmptySidesFollowTheMetric() {
        XCTAssertEqual(score("", ""), DocumentScore(id: "d", p: 1, r: 1, f1: 1))
        XCTAssertEqual(score("Some gold.", " ... "), DocumentScore(id: "d", p: 0, r: 0, f1: 0))
        XCTAssertEqual(score("", "Some output."), DocumentScore(id: "d", p: 0, r: 1, f1: 0))
        XCTAssertEqual(score("alpha", "beta"), DocumentScore(id: "d", p: 0, r: 0, f1: 0))
    }

    func testTokensAreComparedAsBags() {
        // gold {a:2, b:1}, output {a:1, b:2, c:1}: shared a:1 + b:1.
        let result = score("A a, b.", "a B b c")
        XCTAssertEqual(result.p, 2.0 / 4.0)
        XCTAssertEqual(result.r, 2.0 / 3.0)
        XCTAssertEqual(result.f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0))
    }

    func testWordsAndLowercasingAreThoseOfPython() {
        func tokens(_ text: String) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: TokenBag(text).counts.map { (String(decoding: $0.key, as: UTF8.self), $0.value) })
        }
        XCTAssertEqual(tokens("snake_case 42nd Ünïcode"), ["snake_case": 1, "42nd": 1, "ünïcode": 1])
        // Python's \w takes no combining marks: a decomposed é ends the word.
        XCTAssertEqual(tokens("cafe\u{301}"), ["cafe": 1])
        // str.lower() maps İ to i + U+0307 (a mark), so the word splits.
        XCTAssertEqual(tokens("İstanbul"), ["i": 1, "stanbul": 1])
        // Capital sigma is final at the end of a word.
        XCTAssertEqual(tokens("ΟΔΟΣ ΣΑΣ"), ["οδος": 1, "σας": 1])
        // Numbers of any script are word characters: ² and ½ too.
        XCTAssertEqual(tokens("x² ½ ٣"), ["x²": 1, "½": 1, "٣": 1])
        // A compatibility ideograph is its own token, not its canonical equivalent.
        XCTAssertEqual(score("\u{F900}", "\u{8C48}").f1, 0)
    }

    func testSetScoresAreMeansOfDocuments() {
        let report = Scorer.score(
            goldIDs: ["a", "b"],
            gold: { $0 == "a" ? "one two" : "three" },
            prediction: { $0 == "a" ? "one two" : "" },
            types: ["a": "blog"]
        )
        XCTAssertEqual(report.f1, 0.5)
        XCTAssertEqual(report.p, 0.5)
        XCTAssertEqual(report.byType?["blog"], ScoreSummary(documents: 1, p: 1, r: 1, f1: 1))
        XCTAssertEqual(report.byType?["other"]?.f1, 0)
        XCTAssertEqual(report.worst(1).map(\.id), ["b"])
    }

    func testSnippetsMatchLowercasedWithCollapsedSpace() {
        var snippets = SnippetScore()
        snippets.add(SnippetCheck(id: "a", with: ["The  Story\tgoes", "missing part"], without: ["share THIS", "not there"]),
                     output: "the story\n\ngoes on. Share this!")
        XCTAssertEqual([snippets.tp, snippets.fn, snippets.fp, snippets.tn], [1, 1, 1, 1])
        XCTAssertEqual(snippets.f, 2.0 / 4.0)
        // Scalars, not canonical equivalents: a precomposed é is not a decomposed one.
        var exact = SnippetScore()
        exact.add(SnippetCheck(id: "b", with: ["caf\u{E9}"]), output: "cafe\u{301}")
        XCTAssertEqual(exact.tp, 0)
    }

    func testSnippetOnlyPagesCountInSnippetsOnly() {
        let report = Scorer.score(
            goldIDs: ["a"],
            gold: { _ in "gold text" },
            prediction: { $0 == "a" ? "gold text" : "kept passage" },
            snippets: [SnippetCheck(id: "s", with: ["kept passage"], without: ["gone"])]
        )
        XCTAssertEqual(report.n, 1)
        XCTAssertEqual(report.snippets?.tp, 1)
        XCTAssertEqual(report.snippets?.tn, 1)
    }

    /// Every scalar Python knows: the same word characters and the same lowercase mappings.
    func testWordCharactersAndLowercaseMatchPythonForEveryScalar() throws {
        // Python prints its Unicode version, the runs of \w scalars ("W first last") and every
        // scalar that lower() changes ("L scalar mapped...").
        let script = """
            import re, sys, unicodedata
            word = re.compile(r"\\w")
            out = [unicodedata.unidata_version]
            start = None
            for c in range(0x110001):
                w = c < 0x110000 and not 0xD800 <= c < 0xE000 and word.match(chr(c)) is not None
                if w and start is None: start = c
                if not w and start is not None:
                    out.append(f"W {start} {c - 1}")
                    start = None
                if c < 0x110000 and not 0xD800 <= c < 0xE000 and chr(c).lower() != chr(c):
                    out.append("L " + str(c) + " " + " ".join(str(ord(x)) for x in chr(c).lower()))
            print("\\n".join(out))
            """
        let lines = String(decoding: try PythonProcess.run(["-c", script]), as: UTF8.self).split(separator: "\n")
        guard let version = lines.first else { return XCTFail("no output from python3") }
        let known = version.split(separator: ".").compactMap { Int($0) } + [0, 0]
        var wordRuns: [ClosedRange<UInt32>] = []
        var lowercase: [UInt32: [UInt32]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ").compactMap { UInt32($0) }
            if line.hasPrefix("W "), fields.count == 2 { wordRuns.append(fields[0]...fields[1]) }
            if line.hasPrefix("L "), fields.count >= 2 { lowercase[fields[0]] = Array(fields.dropFirst()) }
        }
        XCTAssertGreaterThan(wordRuns.count, 500)
        XCTAssertGreaterThan(lowercase.count, 1_000)
        var differences: [String] = []
        var compared = 0
        var run = 0
        for value in UInt32(0)..<0x110000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            while run < wordRuns.count, wordRuns[run].upperBound < value { run += 1 }
            // Scalars assigned after Python's Unicode version are unassigned there.
            if let age = scalar.properties.age, (age.major, age.minor) > (known[0], known[1]) { continue }
            compared += 1
            let pythonWord = run < wordRuns.count && wordRuns[run].contains(value)
            if PythonText.isWord(scalar) != pythonWord { differences.append("U+\(String(value, radix: 16)) word") }
            let lower = lowercase[value] ?? [value]
            if scalar.properties.changesWhenLowercased || lowercase[value] != nil {
                let mapped = PythonText.lowercased(String(scalar)).map(\.value)
                if mapped != lower { differences.append("U+\(String(value, radix: 16)) lower \(mapped) != \(lower)") }
            }
        }
        XCTAssertGreaterThan(compared, 1_000_000)
        XCTAssertEqual(differences, [], "\(differences.count) scalars differ from python3 (Unicode \(version))")
    }

    /// The same numbers as score.py --json on a real set: the page text of wcxb-dev as output
    /// (532 gold pages, per-type table, snippets with snippet-only pages).
    func testScoresMatchScorePyOnARealSet() throws {
        let bench = try BenchData.directory()
        let set = (bench as NSString).appendingPathComponent("text/wcxb-dev-page")
        let gold = set + "/gold", pred = set + "/text", meta = set + "/meta.jsonl", snippets = set + "/snippets.jsonl"
        let python = try PythonProcess.run([bench + "/score.py", gold, pred, "--meta", meta, "--snippets", snippets, "--json"])
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: python) as? [String: Any])

        let report = Scorer.score(
            goldIDs: try DataSetFiles.ids(in: gold, extension: "txt"),
            gold: { DataSetFiles.text(at: gold + "/\($0).txt") },
            prediction: { DataSetFiles.text(at: pred + "/\($0).txt") },
            types: try DataSetFiles.meta(at: meta).mapValues { $0.type ?? "other" },
            snippets: try DataSetFiles.snippets(at: snippets),
            jobs: 2
        )
        let actual = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])

        let expectedDocs = try XCTUnwrap(expected["docs"] as? [[String: Any]])
        let actualDocs = try XCTUnwrap(actual["docs"] as? [[String: Any]])
        XCTAssertEqual(actualDocs.count, expectedDocs.count)
        for (a, e) in zip(actualDocs, expectedDocs) {
            XCTAssertEqual(a["id"] as? String, e["id"] as? String)
            for key in ["p", "r", "f1"] {
                XCTAssertEqual(a[key] as? Double, e[key] as? Double, "\(e["id"] ?? "") \(key)")
            }
        }
        // Means: Python 3.12's sum is compensated, so allow for the last bits.
        for key in ["p", "r", "f1"] {
            XCTAssertEqual(try XCTUnwrap(actual[key] as? Double), try XCTUnwrap(expected[key] as? Double), accuracy: 1e-12, key)
        }
        let expectedTypes = try XCTUnwrap(expected["by_type"] as? [String: [String: Any]])
        let actualTypes = try XCTUnwrap(actual["by_type"] as? [String: [String: Any]])
        XCTAssertEqual(Set(actualTypes.keys), Set(expectedTypes.keys))
        for (type, e) in expectedTypes {
            XCTAssertEqual(actualTypes[type]?["n"] as? Int, e["n"] as? Int, type)
            XCTAssertEqual(actualTypes[type]?["f1"] as? Double ?? -1, try XCTUnwrap(e["f1"] as? Double), accuracy: 1e-12, type)
        }
        let expectedSnippets = try XCTUnwrap(expected["snippets"] as? [String: Any])
        let actualSnippets = try XCTUnwrap(actual["snippets"] as? [String: Any])
        for key in ["tp", "fn", "fp", "tn"] {
            XCTAssertEqual(actualSnippets[key] as? Int, expectedSnippets[key] as? Int, key)
        }
        XCTAssertEqual(actualSnippets["f"] as? Double, expectedSnippets["f"] as? Double)
    }
}
