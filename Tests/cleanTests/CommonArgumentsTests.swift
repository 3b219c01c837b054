import ArgumentParser
import XCTest
@testable import clean

/// The filter's usual command lines, read without ArgumentParser, make the command ArgumentParser
/// makes; anything else is left to ArgumentParser.
final class CommonArgumentsTests: XCTestCase {
    /// Every property of the command and its option groups, as `dump` writes them: the same text
    /// is the same command.
    private func description(_ command: FilterRun) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    func testCommonCommandLinesMakeTheCommandArgumentParserMakes() throws {
        let lines: [[String]] = [
            [],
            ["page.html"],
            ["help"],
            ["a.html", "b.txt", "c.html"],
            ["--rules-lenient", "../shared/rules/ftr-site-config", "page.txt"],
            ["--no-builtin-rules", "--rules", "my-rules", "page.html"],
            ["--rules", "one", "--rules", "two", "--rules-lenient", "three", "--rules-lenient=four", "x.html"],
            ["--url", "https://example.com/story", "--input", "html", "page"],
            ["--url=https://example.com/a=b", "--input=text"],
            ["--keep", "caption", "--keep", "social", "--keep=legal", "--comments", "page.html"],
            ["--charset", "shift_jis", "--format", "json", "a.html", "b.html"],
            ["--format", "markdown", "page.html"],
            ["--explain", "page.html"],
            ["--explain", "--format", "html", "page.html"],
            ["--check", "golden"],
            ["--output-dir", "out", "--jobs", "3", "pages"],
            ["--output-dir", "out", "--format", "json", "--jobs=1", "pages", "more"],
            ["--jsonl", "--jobs", "2", "records.jsonl"],
            ["--warc", "--format", "markdown", "crawl.warc.gz"],
            ["page.html", "--url", "https://example.com/", "--comments"],
        ]
        for arguments in lines {
            let common = try XCTUnwrap(CommonArguments.parse(arguments), "\(arguments)")
            let parsed = try XCTUnwrap(try CleanCommand.parseAsRoot(arguments) as? CleanCommand, "\(arguments)")
            XCTAssertEqual(description(common), description(parsed.filterRun), "\(arguments)")
        }
    }

    /// Help, completion scripts, errors and anything unusual: ArgumentParser reads them, and gives
    /// its own messages.
    func testOtherCommandLinesAreLeftToArgumentParser() {
        let lines: [[String]] = [
            ["--help"], ["-h"], ["-help"], ["--version"],
            ["--generate-completion-script", "bash"], ["--generate-completion-script"],
            ["--bogus"], ["-x"], ["-"], ["--", "page.html"], [""],
            ["--url"], ["--url", "--comments"], ["--url", ""], ["--url="], ["--url", "-"],
            ["--url", "a", "--url", "b"], ["--comments", "--comments"], ["--comments=yes"],
            ["--input", "pdf"], ["--keep", "nonsense"], ["--format", "yaml"], ["--jobs", "two", "--jsonl"],
            ["--jobs", "2"], ["--jsonl", "--warc"], ["--format", "html"], ["--explain", "--format", "json"],
            ["--jsonl", "--url", "https://example.com/"], ["--output-dir", "out", "--jobs", "0", "pages"],
            ["--jsonl", "--format", "json"], ["--explain", "--jsonl"],
        ]
        for arguments in lines {
            XCTAssertNil(CommonArguments.parse(arguments), "\(arguments)")
        }
    }

    /// Each word that selects another command is one, and the filter's help names them all.
    func testSubcommandsAreSelectedByTheirNames() {
        XCTAssertTrue(Main.Subcommand(rawValue: "eval")?.type == EvalCommand.self)
        XCTAssertTrue(Main.Subcommand(rawValue: "rules")?.type == RulesCommand.self)
        XCTAssertTrue(Main.Subcommand(rawValue: "bench")?.type == BenchCommand.self)
        XCTAssertNil(Main.Subcommand(rawValue: "page.html"))
        let help = CleanCommand.helpMessage(columns: 1000)
        XCTAssertTrue(help.contains("Other commands (each has --help): bench, eval, rules."), help)
    }

    /// Each option read here is one of the filter's, under the same name.
    func testEveryNameIsAnOptionOfTheFilter() {
        let help = CleanCommand.helpMessage(columns: 1000)
        for name in CommonArguments.Name.allCases {
            XCTAssertTrue(help.contains("--" + name.rawValue + " ") || help.contains("--" + name.rawValue + "\n"), name.rawValue)
        }
    }
}
