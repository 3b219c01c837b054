import Foundation
import XCTest

@testable import Cleaner

/// `BuiltinLiterals.swift` holds what `RequiredLiterals.of` reads from each built-in pattern now,
/// with the narrower limits and with `LiteralScreen`'s wider ones.
/// With `CLEAN_EMBED_LITERALS=1` (as `scripts/embed-rules` runs it) the test writes the file instead.
final class BuiltinLiteralsTests: XCTestCase {
    static let generatedPath = "Sources/Cleaner/Rules/BuiltinLiterals.swift"

    func testEmbeddedLiteralsAreTheReadingOfTheBuiltinPatterns() throws {
        guard try Self.compare(try Self.generatedText(), with: Self.generatedPath, "the built-in patterns or their reading changed: run scripts/embed-rules") else { return }
        // The table as compiled gives what a reading gives now.
        let sources = try Self.builtinSources()
        XCTAssertEqual(BuiltinPatternLiterals.table.map(\.source).sorted(), sources, "run scripts/embed-rules")
        XCTAssertEqual(BuiltinPatternLiterals.table.map(\.key), BuiltinPatternLiterals.table.map(\.key).sorted())
        XCTAssertEqual(Set(BuiltinPatternLiterals.table.map(\.key)).count, sources.count, "two sources with one key")
        XCTAssertEqual(BuiltinPatternLiterals.screenTable.map(\.key), BuiltinPatternLiterals.screenTable.map(\.key).sorted())
        for source in sources {
            let ahead = BuiltinPatternLiterals.reading(of: source, caseInsensitive: false)?.requiredLiterals
            let now = RequiredLiterals.of(source, caseInsensitive: false)
            XCTAssertEqual(ahead.map(Self.fields), now.map(Self.fields), source)
            let screenAhead = BuiltinPatternLiterals.screenReading(of: source, caseInsensitive: false)?.requiredLiterals
            let screenNow = Self.screenReading(source)
            XCTAssertEqual(screenAhead.map(Self.fields), screenNow.map(Self.fields), "screen: " + source)
            let entry = BuiltinPatternLiterals.entry(of: source, caseInsensitive: false)
            XCTAssertNotNil(entry, source)
            XCTAssertEqual(entry?.requiredByte, Self.requiredByte(source), "required byte: " + source)
        }
        XCTAssertNil(BuiltinPatternLiterals.reading(of: sources.first ?? "", caseInsensitive: true))
        XCTAssertNil(BuiltinPatternLiterals.reading(of: "a user's (?:pattern)", caseInsensitive: false))
        XCTAssertNil(BuiltinPatternLiterals.screenReading(of: sources.first ?? "", caseInsensitive: true))
        XCTAssertNil(BuiltinPatternLiterals.screenReading(of: "a user's (?:pattern)", caseInsensitive: false))
        XCTAssertEqual(CaseEquivalents.formsAhead.map(\.scalar), try Self.foldedScalars())
        for (scalar, forms) in CaseEquivalents.formsAhead.map({ ($0.scalar, $0.forms) }) {
            let walked = Unicode.Scalar(scalar).map { CaseEquivalents.walkedForms(of: $0).map(\.value).sorted() }
            XCTAssertEqual(forms, walked, "U+\(String(scalar, radix: 16))")
        }
    }

    /// With `CLEAN_EMBED_LITERALS=1`, writes `text` to the generated file at `path` (in the
    /// repository) and returns false: nothing more to check. Else asserts that the file holds
    /// `text` and returns true.
    static func compare(_ text: String, with path: String, _ message: String) throws -> Bool {
        let path = Repository.path(path)
        if ProcessInfo.processInfo.environment["CLEAN_EMBED_LITERALS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return false
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, message)
        return true
    }

    /// The `RequiredByte` of `source` as line rules compile it (nil when it does not compile).
    static func requiredByte(_ source: String) -> UInt8? {
        (try? CompiledPattern(source, caseInsensitive: false, usesShortcuts: true))?.requiredByte
    }

    /// What `LiteralScreen` reads from a user's pattern, with its wider limits.
    static func screenReading(_ source: String) -> RequiredLiterals? {
        RequiredLiterals.of(source, caseInsensitive: false, limit: LiteralScreen.maxLiterals)
    }

    /// The non-ASCII scalars of the built-in patterns' case-insensitive literals in either
    /// reading, whose classes `RequiredLiterals` looks up.
    static func foldedScalars() throws -> [UInt32] {
        var scalars: Set<UInt32> = []
        for source in try builtinSources() {
            let literals = (RequiredLiterals.of(source, caseInsensitive: false)?.literals ?? []) + (screenReading(source)?.literals ?? [])
            for literal in literals where literal.foldsScalars {
                for scalar in String(decoding: literal.bytes, as: UTF8.self).unicodeScalars where !scalar.isASCII { scalars.insert(scalar.value) }
            }
        }
        return scalars.sorted()
    }

    private struct Fields: Equatable {
        let literals: [RequiredLiterals.Literal]
        let needsDigit: Bool
        let suffixes: [RequiredLiterals.Literal]
        let maxCharacters: Int?
    }

    private static func fields(_ literals: RequiredLiterals) -> Fields {
        Fields(literals: literals.literals, needsDigit: literals.needsDigit, suffixes: literals.suffixes, maxCharacters: literals.maxCharacters)
    }

    /// Every pattern of the built-in rules, the body a line pattern is tried with first
    /// (`LeadingLookarounds`), each compiled with its own `LazyRequiredLiterals`, and the parts
    /// whose literals the literal screen asks a line for besides a pattern's own
    /// (`LeadingLookarounds.conjuncts`: read at run time, they cost the screen 30 million instructions).
    static func builtinSources() throws -> [String] {
        var sources: Set<String> = []
        for file in RuleFile.builtin {
            var parser = RuleParser(file: file.path, mode: .strict, compilesPatternsOnUse: true)
            let rules = try parser.parse(file.text)
            var pending = rules.lineRules.compactMap { $0.pattern?.source } + rules.signatures.map(\.source)
            pending += rules.lineRules.compactMap { $0.pattern?.source }.flatMap(LeadingLookarounds.conjuncts)
            while let source = pending.popLast() {
                guard sources.insert(source).inserted else { continue }
                if let body = LeadingLookarounds.body(of: source) { pending.append(body) }
            }
        }
        return sources.sorted()
    }

    static func generatedText() throws -> String {
        var text = "// Generated by scripts/embed-rules (BuiltinLiteralsTests) from the patterns of Rules/*.txt. Do not edit.\n"
        text += "extension BuiltinPatternLiterals {\n    /// Sorted by key.\n    static let table: [Entry] = [\n"
        let byKey = try builtinSources().sorted(by: { BuiltinPatternLiterals.key(of: $0) < BuiltinPatternLiterals.key(of: $1) })
        for source in byKey {
            let byte = requiredByte(source).map { ", requiredByte: 0x" + String($0, radix: 16) } ?? ""
            text += "        Entry(key: 0x\(String(BuiltinPatternLiterals.key(of: source), radix: 16)), source: \(quoted(source)), reading: \(written(RequiredLiterals.of(source, caseInsensitive: false)))\(byte)),\n"
        }
        text += "    ]\n\n    /// Sorted by key; only where the screen's reading differs from `table`'s.\n    static let screenTable: [ScreenEntry] = [\n"
        for source in byKey {
            let screen = screenReading(source)
            guard screen.map(fields) != RequiredLiterals.of(source, caseInsensitive: false).map(fields) else { continue }
            text += "        ScreenEntry(key: 0x\(String(BuiltinPatternLiterals.key(of: source), radix: 16)), reading: \(written(screen))),\n"
        }
        text += "    ]\n}\n\nextension CaseEquivalents {\n    /// Sorted by scalar.\n    static let formsAhead: [Walked] = [\n"
        for scalar in try foldedScalars() {
            let forms = Unicode.Scalar(scalar).map { CaseEquivalents.walkedForms(of: $0).map(\.value).sorted() } ?? []
            text += "        Walked(scalar: 0x\(String(scalar, radix: 16)), forms: [\(forms.map { "0x" + String($0, radix: 16) }.joined(separator: ", "))]),\n"
        }
        return text + "    ]\n}\n"
    }

    /// A `BuiltinPatternLiterals.Reading` as written in the table.
    private static func written(_ literals: RequiredLiterals?) -> String {
        guard let literals else { return ".none" }
        let maximum = literals.maxCharacters.map(String.init) ?? "nil"
        return ".literals(\(list(literals.literals)), needsDigit: \(literals.needsDigit), suffixes: \(list(literals.suffixes)), maxCharacters: \(maximum))"
    }

    private static func list(_ literals: [RequiredLiterals.Literal]) -> String {
        "[" + literals.map { literal in
            let text = String(decoding: literal.bytes, as: UTF8.self)
            // Literals are whole characters; bytes that are not would be written as bytes.
            guard Array(text.utf8) == literal.bytes else { return "RequiredLiterals.Literal(bytes: \(literal.bytes), caseless: \(literal.caseless))" }
            return "literal(\(quoted(text)), \(literal.caseless))"
        }.joined(separator: ", ") + "]"
    }

    /// A raw string literal of `text` (one line), with as many #s as it needs.
    static func quoted(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"" + text + "\"" + hashes
    }
}
