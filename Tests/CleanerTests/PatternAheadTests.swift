import Foundation
import XCTest

@testable import Cleaner

/// What is read ahead of a built-in pattern (its required byte and literals, in
/// `BuiltinLiterals.swift`) stands in for compiling it: the candidate lines of a small text are
/// found without PCRE2, and every line the pattern matches is among them.
final class PatternAheadTests: XCTestCase {
    /// The golden cases' and the seeds' texts that are small (under `LiteralPresence.maxBytes`
    /// joined), as line rules join them.
    private func smallTexts() throws -> [DocumentLines] {
        var files: [String] = []
        let golden = Repository.path("golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden).sorted() {
            files.append(((golden as NSString).appendingPathComponent(name) as NSString).appendingPathComponent("input.txt"))
        }
        if let shared = Repository.shared {
            let seeds = (shared as NSString).appendingPathComponent("seeds")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).sorted().prefix(12)
            files += names.map { (seeds as NSString).appendingPathComponent($0) }
        }
        var texts: [DocumentLines] = []
        for file in files {
            guard var text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            guard let lines = text.withUTF8({ TextReader.read(validUTF8: $0) }).lines, lines.text.count < LiteralPresence.maxBytes else { continue }
            texts.append(lines)
        }
        // A page whose words are those of captions and bars, on lines no such rule matches.
        let near = """
            The committee will close the hearing on Friday, a spokesman said in a statement.
            A photo editor and a video producer shared the award with the image desk.
            She wrote that the caption under the picture was wrong and asked to expand it.
            Readers can view the gallery of 12 images from the show in our archive.
            """
        let prose = DocumentLines(lines: near.split(separator: "\n"))
        return texts + [try XCTUnwrap(prose)]
    }

    /// Every built-in pattern with a required byte has it read ahead, and asking for it compiles nothing.
    func testBuiltinRequiredBytesAreKnownWithoutCompiling() throws {
        var withByte = 0
        for entry in BuiltinPatternLiterals.table {
            let pattern = Pattern(compilingOnUse: entry.source)
            let byte = pattern.requiredByte
            XCTAssertFalse(pattern.isCompiled, entry.source)
            XCTAssertEqual(byte, try Pattern(entry.source).requiredByte, entry.source)
            if byte != nil { withByte += 1 }
        }
        XCTAssertGreaterThan(withByte, 10)
        // A pattern of a user's rules is compiled to learn it.
        let user = Pattern(compilingOnUse: #"^Posted by \w+ at \d+:\d+$"#)
        XCTAssertEqual(user.requiredByte, UInt8(ascii: ":"))
        XCTAssertTrue(user.isCompiled)
    }

    /// In a small text, every line a built-in rule's pattern matches is a candidate; and of the
    /// patterns whose literals the text holds, some have no candidate line and are not compiled
    /// (their literals stand in words of other lines), where a search of the text compiled each.
    func testSmallTextCandidatesHoldEveryMatchAndCompileNothingWhenNone() throws {
        let sources = try RuleLibrary.builtin().rules(forSite: nil).lineRules.compactMap(\.pattern?.source)
        XCTAssertGreaterThan(sources.count, 40)
        let references = try sources.map { try Pattern($0, usesShortcuts: false) }
        let texts = try smallTexts()
        XCTAssertGreaterThan(texts.count, 5)
        var matched = 0
        var heldButUncompiled = 0
        for lines in texts {
            for (source, reference) in zip(sources, references) {
                let pattern = Pattern(compilingOnUse: source)
                guard let candidates = pattern.candidateLines(in: lines) else { continue }
                for index in 0..<lines.count where lines.withLine(index, { reference.matches(bytes: $0) }) {
                    matched += 1
                    XCTAssertTrue(candidates[index], "\(source) on \(lines.withLine(index) { String(decoding: $0, as: UTF8.self) }.debugDescription)")
                }
                guard let presence = pattern.presence, !candidates.contains(true) else { continue }
                var held = TextLiterals(lines.text)
                if presence.mayMatch(&held), !pattern.isCompiled { heldButUncompiled += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 10)
        XCTAssertGreaterThan(heldButUncompiled, 5)
    }
}
