import ArgumentParser
import XCTest
@testable import clean

/// `--help` reads as paragraphs wrapped to the terminal: the discussions are written a paragraph a
/// line, so ArgumentParser's wrapping does not leave the short ragged lines that hard line breaks in
/// the source make ("...the encoding is detected. Output\nis\nalways UTF-8").
final class HelpTextTests: XCTestCase {
    private let commands: [any ParsableCommand.Type] = [CleanCommand.self, EvalCommand.self, BenchCommand.self, RulesCheckCommand.self]

    func testDiscussionLinesFillTheWidthUntilTheirParagraphEnds() {
        for columns in [80, 100] {
            for command in commands {
                let help = command.helpMessage(columns: columns)
                let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else {
                    XCTFail("\(command): no USAGE line")
                    continue
                }
                // Between OVERVIEW and USAGE: the abstract, then the discussion.
                let discussion = lines[..<usage]
                for index in discussion.indices.dropLast() {
                    let line = discussion[index], next = discussion[index + 1]
                    let indent = line.prefix { $0 == " " }.count
                    let sameParagraph = !line.isEmpty && !next.isEmpty && next.prefix { $0 == " " }.count == indent
                    if sameParagraph {
                        XCTAssertGreaterThan(line.count, columns / 2, "\(command), \(columns) columns: a ragged line '\(line)' before '\(next)'")
                    }
                }
            }
        }
    }
}
