import XCTest

@testable import Cleaner

/// The built-in patterns hold atomic groups `(?>X)` only where backtracking into X could find
/// no end that the atomic group misses (a digit run read in chunks, a run of whole words): each
/// answers as the same pattern with plain groups `(?:X)` on every line, real and random.
final class AtomicGroupRuleTests: XCTestCase {
    /// PCRE2_ERROR_NOMATCH (the tests do not import PCRE2).
    private static let noMatch: Int32 = -1

    private func atomicSources() -> [String] {
        let directive = /^\w+\(\w+\): (.+)$/
        let sources = BuiltinRules.files.flatMap { file in
            file.text.split(separator: "\n").compactMap { line in (try? directive.wholeMatch(in: line)).map { String($0.1) } }
        }
        return sources.filter { $0.contains("(?>") }
    }

    /// Time stamps and lines that open like one (the costly case: most of it reads as a date).
    private let realLines = [
        "updated: Nov 20 2019, 15:24pm ist", "Nov. 19, 2019 8:03 am ET", "Nov 20 2019, 11:06am ist",
        "Monday November 18, 2019 7:45 am PST by Jane Doe", "Nov 18, 2019 at 9:24 pm ET • 2 min read",
        "Posted on Maret 30, 2015 by Admin", "October 12, 2018 / 0 Comments / in Promotion / by admin",
        "21/06/2014 Jane Doe All, Books, Kit Reviews, News", "1996-98 Example Inc., All right",
        "Updated 1:39 am EST, Wednesday, November 20, 2019", "October 9, 2018 at 4:02 pm", "Nov. 20, 2019, 9:28 AM UTC",
        "19 Nov 2019 05:44 GMT", "Posted: 18 Nov 2019 8:11 pm", "2 days ago at 07:54 am", "4:14 p.m.", "4 55 3", "1 / 23",
        "Last Updated : Nov 20, 2019 01:41 PM IST | Source: Example", "Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm",
        "05/05/2024 05:36:25 am", "Shouldn't 2020 be the year of a \"complete\" redesign?",
        "The meeting on 12.03.2019 at 10:30 was moved, and the council will meet again next week to vote on it.",
    ]

    /// Date tokens and the spellings where a token could end early or late ("5thursday" is "5" and
    /// "thursday", "jana.m." is "jan" and "a.m."), digits of other scripts, letters that fold to ASCII.
    private let pieces = [
        "Nov", "November", "nov.", "20", "2019", "15:24", "12345", "pm", "p.m.", "am", "a.m.", ".m.", "ist", "ET", "EST", "GMT",
        "UTC", "at", "on", "Posted:", "Updated", "last updated", "5th", "1st", "thu", "thursday", "st", "nd", "jana", "Maret",
        ",", " ", "  ", "•", "-", "/", ":", ";", ".", "١٢", "٣:٤٥", "ſ", "\u{212A}", "\u{00A0}", "\u{3000}", "\t", "by", "Jane", "word", "x", "?", "”",
    ]

    private func randomLines(count: Int, pieceCount: ClosedRange<Int>, separator: [String]) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: pieceCount, using: &generator)).map { _ in
                (pieces.randomElement(using: &generator) ?? "") + (separator.randomElement(using: &generator) ?? "")
            }.joined()
        }
    }

    func testAtomicGroupsAnswerAsPlainGroups() throws {
        let sources = atomicSources()
        XCTAssertGreaterThanOrEqual(sources.count, 2)
        let lines = realLines
            + randomLines(count: 3000, pieceCount: 0...9, separator: [""])
            + randomLines(count: 2000, pieceCount: 10...20, separator: [" ", " ", "", ", "])
        for source in sources {
            let plain = source.replacingOccurrences(of: "(?>", with: "(?:")
            for caseInsensitive in [false, true] {
                let pattern = try Pattern(source, caseInsensitive: caseInsensitive)
                let reference = try Pattern(plain, caseInsensitive: caseInsensitive, usesShortcuts: false)
                var compared = 0
                for line in lines {
                    let expected = reference.result(in: line)
                    // A line on which the backtracking form gives up (its match limit) has no answer to compare.
                    guard expected >= 0 || expected == Self.noMatch else { continue }
                    compared += 1
                    XCTAssertEqual(pattern.matches(line), expected >= 0, "\(source) (i: \(caseInsensitive)) on \(line.debugDescription)")
                }
                XCTAssertGreaterThan(compared, lines.count * 9 / 10)
            }
        }
    }
}
