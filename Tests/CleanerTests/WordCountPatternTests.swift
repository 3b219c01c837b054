import XCTest

@testable import Cleaner

/// The word count (`WordCountPattern`) answers as PCRE2 does with the pattern alone.
final class WordCountPatternTests: XCTestCase {
    func testReadsOnlyTheWordCountShape() {
        XCTAssertEqual(WordCountPattern(#"^(?>(?:\S+\s+){0,14})\S+$"#)?.maxSpaceRuns, 14)
        XCTAssertEqual(WordCountPattern(#"^(?>(?:\S+\s+){0,0})\S+$"#)?.maxSpaceRuns, 0)
        for source in [#"^(?>(?:\S+\s+){0,})\S+$"#, #"^(?>(?:\S+\s+){1,14})\S+$"#, #"^(?>(?:\S+\s+){0,14})\S+"#, #"^(?:\S+\s+){0,14}\S+$"#,
                       #"(?>(?:\S+\s+){0,14})\S+$"#, #"^(?>(?:\S+\s+){0,1a})\S+$"#, #"^(?>(?:\S+\s+){0,999999})\S+$"#, "^x$"] {
            XCTAssertNil(WordCountPattern(source), source)
        }
    }

    /// Every scalar as a word and as a space, at the start, inside and at the end of a line: the
    /// spaces are PCRE2's `\s` under UTF and Unicode properties, no more and no fewer.
    func testEveryScalarIsASpaceOrNotAsPCRE2Says() throws {
        let source = #"^(?>(?:\S+\s+){0,2})\S+$"#
        let fast = try XCTUnwrap(WordCountPattern(source))
        let reference = try Pattern(source, usesShortcuts: false)
        var spaces = 0
        for value in UInt32(1)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(Character(scalar))
            for line in ["a\(character)b", "\(character)b", "a\(character)", "a \(character)\(character) b c"] {
                var text = line
                let expected = reference.matches(line)
                let found = text.withUTF8 { fast.matches($0) }
                if let found { XCTAssertEqual(found, expected, "U+\(String(value, radix: 16)) in \(line.debugDescription)") }
                else { XCTAssertTrue(line.utf8.contains(0x0A), "no answer on \(line.debugDescription)") }
            }
            if !reference.matches("a\(character)") && reference.matches("a\(character)b") { spaces += 1 }
        }
        // Tab to carriage return, the space and 20 others.
        XCTAssertEqual(spaces, 26)
    }

    /// Lines of words and spaces of every kind, of many lengths: the pattern with its word count
    /// answers as the pattern alone, for several limits, and within the time-stamp rule whose body it is.
    func testAnswersAsThePatternAlone() throws {
        let pieces = ["a", "12:30", "2019", "Jan", "’", "日本", "é", " ", "  ", "\t", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{180E}", "\u{200B}", "\u{2028}", "\u{1680}", "\r", "\u{0B}", "\n", "x\n", ".", "!"]
        let lines = pseudoRandomLines(from: pieces, seed: 7, count: 6000, maxWords: 40) { $0 % 3 == 0 ? " " : "" } + ["", " ", "\n", "a\n", "a b\n", "a\nb"]
        var matched = 0
        for source in [#"^(?>(?:\S+\s+){0,14})\S+$"#, #"^(?>(?:\S+\s+){0,0})\S+$"#, #"^(?>(?:\S+\s+){0,3})\S+$"#,
                       #"^(?=.*\b\d{1,2}[:.]\d{2}\b)(?=.*(?:\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b))(?!.*[.!?]["”’)]?$)(?>(?:\S+\s+){0,14})\S+$"#] {
            let pattern = try Pattern(source)
            let reference = try Pattern(source, usesShortcuts: false)
            for line in lines {
                let expected = reference.matches(line)
                if expected { matched += 1 }
                XCTAssertEqual(pattern.matches(line), expected, "\(source) on \(line.debugDescription)")
            }
        }
        // Lines of each answer: the comparison means something.
        XCTAssertGreaterThan(matched, 500)
    }
}
