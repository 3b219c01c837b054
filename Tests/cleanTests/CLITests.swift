import Foundation
import XCTest

/// Runs the built `clean` binary as a user would: stdin to stdout, files, exit statuses.
final class CLITests: XCTestCase {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `clean` executable built beside this test bundle. Every run of it goes through here,
    /// so this is where runs are given a cache directory of their own: `--rules-lenient` on a
    /// plain-text scrape keeps which rule files hold a `signature_line` in `$XDG_CACHE_HOME/clean`,
    /// which must not be the user's.
    static let binary: URL = {
        setenv("XDG_CACHE_HOME", cacheHome, 1)
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("clean")
    }()

    /// The runs' `$XDG_CACHE_HOME`: a folder of the temporary directory, made for this test process.
    static let cacheHome: String = {
        let path = NSTemporaryDirectory() + "clean-cache-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func run(_ arguments: [String], stdin: String = "") throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.repository)
        let input = Pipe()
        let output = Pipe()
        let errors = try ErrorFile()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors.handle
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: try errors.contents(), as: UTF8.self))
    }

    func testFiltersStandardInputToStandardOutput() throws {
        let result = try run([], stdin: "Like Us on Facebook\n\nThe article's sentence.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "The article's sentence.\n")
    }

    func testCleansHTMLFromStandardInput() throws {
        let result = try run(["--url", "https://example.test/a"], stdin: "<html><body><nav>Home</nav><p>Story text.</p></body></html>")
        XCTAssertEqual(result.stdout, "Story text.\n")
    }

    func testCleansASeedFileFromAnyDirectory() throws {
        let process = try run(["golden/seed-003-chinatopix-masthead/input.txt"])
        let expected = try String(contentsOfFile: Self.repository + "/golden/seed-003-chinatopix-masthead/expected.txt", encoding: .utf8)
        XCTAssertEqual(process.stdout, expected)
    }

    func testABrokenRuleFileStopsBeforeAnyOutputWithExitStatus2() throws {
        let directory = try TestFiles.folder("clean-cli")
        try "body: //article\n\ndrop_line(caption): ^(oops\n".write(toFile: directory + "/broken.test.txt", atomically: true, encoding: .utf8)
        let result = try run(["--rules", directory], stdin: "Some text.\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains(directory + "/broken.test.txt:3: pattern does not compile"), result.stderr)
    }

    /// A plain-text scrape without an address reads the lenient directory's signature lines and
    /// records which files hold one: in the runs' own cache directory, never the user's.
    func testLenientRulesKeepTheirSignatureCacheInTheRunsCacheDirectory() throws {
        let directory = try TestFiles.folder("clean-cli")
        try "signature_line: ^Masthead of the test site$\ndrop_line: ^Zebra crossing notice$\n".write(toFile: directory + "/site.test.txt", atomically: true, encoding: .utf8)
        try "body: //article\n".write(toFile: directory + "/other.test.txt", atomically: true, encoding: .utf8)
        _ = Self.binary
        XCTAssertEqual(ProcessInfo.processInfo.environment["XDG_CACHE_HOME"], Self.cacheHome)
        XCTAssertTrue(Self.cacheHome.hasPrefix(NSTemporaryDirectory()), Self.cacheHome)
        let result = try run(["--rules-lenient", directory], stdin: "Masthead of the test site\nThe story of the day, told in a sentence.\nZebra crossing notice\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("The story of the day"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Zebra"), "the site's rules apply: \(result.stdout)")
        let cached = try FileManager.default.contentsOfDirectory(atPath: Self.cacheHome + "/clean")
        XCTAssertTrue(cached.contains { $0.hasPrefix("signature-free-") }, "\(cached)")
    }

    /// A pipeline whose input never ends (`tail -f log | clean ...`) still hears of a broken rule
    /// or a mistyped directory: rules come before the input is read, also with a lenient directory.
    func testRuleErrorsStopTheRunBeforeStandardInputEnds() throws {
        let broken = try TestFiles.folder("clean-cli")
        try "body: //article\n\ndrop_line(caption): ^(oops\n".write(toFile: broken + "/broken.test.txt", atomically: true, encoding: .utf8)
        let lenient = try TestFiles.folder("clean-cli-lenient")
        for (arguments, message) in [
            (["--rules-lenient", lenient, "--rules", broken], broken + "/broken.test.txt:3: pattern does not compile"),
            (["--rules-lenient", lenient + "/missing"], lenient + "/missing"),
        ] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = arguments
            let input = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = Pipe()
            process.standardError = errors
            let exited = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in exited.signal() }
            try process.run()
            input.fileHandleForWriting.write(Data("Some text.\n".utf8))
            // Standard input stays open: the run must end on its own. A minute is a hang, not a slow machine.
            let ended = exited.wait(timeout: .now() + 60) == .success
            try input.fileHandleForWriting.close()
            if !ended { process.waitUntilExit() }
            XCTAssertTrue(ended, "\(arguments): waited for standard input to end")
            XCTAssertEqual(process.terminationStatus, 2)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertTrue(stderr.contains(message), stderr)
        }
    }

    func testLenientRulesWarnAndGoOn() throws {
        let directory = try TestFiles.folder("clean-cli")
        try "strip: //div[\n".write(toFile: directory + "/broken.test.txt", atomically: true, encoding: .utf8)
        // The file is read when a page of its site comes.
        let result = try run(["--rules-lenient", directory, "--url", "https://www.broken.test/story"], stdin: "Some text.\n")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "Some text.\n")
        XCTAssertTrue(result.stderr.contains("warning: " + directory + "/broken.test.txt:1:"), result.stderr)
    }

    func testAnUnreadableFileIsReportedAndTheOthersAreStillCleaned() throws {
        let directory = try TestFiles.folder("clean-cli")
        try "Good text.\n".write(toFile: directory + "/good.txt", atomically: true, encoding: .utf8)
        let result = try run([directory + "/missing.txt", directory + "/good.txt"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "Good text.\n")
        XCTAssertTrue(result.stderr.contains("missing.txt"), result.stderr)
    }

    func testKeepAndExplain() throws {
        let input = "(AP Photo/Jon Chol Jin)\n\nStory.\n"
        XCTAssertEqual(try run(["--keep", "caption"], stdin: input).stdout, "(AP Photo/Jon Chol Jin)\n\nStory.\n")
        let explained = try run(["--explain"], stdin: input).stdout
        XCTAssertTrue(explained.contains("- caption    Rules/global.txt:"), explained)
        XCTAssertTrue(explained.contains("drop_line | (AP Photo/Jon Chol Jin)"), explained)
        XCTAssertTrue(explained.contains("  kept       | Story."), explained)
        XCTAssertEqual(try run(["--keep", "nonsense"], stdin: input).status, 2)
    }

    func testCheckRunsTheGoldenCases() throws {
        let passing = try run(["--check", "golden"])
        XCTAssertEqual(passing.status, 0, passing.stdout)
        XCTAssertTrue(passing.stdout.contains(" passed, 0 failed"), passing.stdout)

        let directory = try TestFiles.folder("clean-cli")
        try FileManager.default.createDirectory(atPath: directory + "/bad", withIntermediateDirectories: true)
        try "Story.\n\nLike us on Facebook\n".write(toFile: directory + "/bad/input.txt", atomically: true, encoding: .utf8)
        try "Story.\n\nLike us on Facebook\n".write(toFile: directory + "/bad/expected.txt", atomically: true, encoding: .utf8)
        let failing = try run(["--check", directory])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stdout.contains("-Like us on Facebook"), failing.stdout)
    }

    func testRulesCheckReportsEachFindingAndExits2OnErrors() throws {
        let builtin = try run(["rules", "check"])
        XCTAssertEqual(builtin.status, 0, builtin.stdout + builtin.stderr)
        XCTAssertTrue(builtin.stdout.contains(": 0 errors, 0 warnings"), builtin.stdout)

        let directory = try TestFiles.folder("clean-cli")
        try "body: //article\ntitl: //h1\nbody: //article\n".write(toFile: directory + "/warned.test.txt", atomically: true, encoding: .utf8)
        let warned = try run(["rules", "check", directory])
        XCTAssertEqual(warned.status, 0, warned.stdout)
        XCTAssertTrue(warned.stdout.contains(directory + "/warned.test.txt:2: warning: unknown directive 'titl'"), warned.stdout)
        XCTAssertTrue(warned.stdout.contains(directory + "/warned.test.txt:3: warning: duplicate of line 1"), warned.stdout)
        XCTAssertTrue(warned.stdout.contains("unknown directives: titl 1"), warned.stdout)
        let viaOption = try run(["rules", "check", "--rules", directory])
        XCTAssertEqual(viaOption.status, 0)
        XCTAssertTrue(viaOption.stdout.contains(directory + "/warned.test.txt:2: warning: unknown directive 'titl'"), viaOption.stdout)

        try "strip: //nav\n\ndrop_line(caption): ^(oops\n".write(toFile: directory + "/broken.test.txt", atomically: true, encoding: .utf8)
        let broken = try run(["rules", "check", directory])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains(directory + "/broken.test.txt:3: pattern does not compile"), broken.stdout)
        XCTAssertTrue(broken.stdout.contains("2 files, 5 directives (3 clean acts on): 1 error, 2 warnings"), broken.stdout)

        XCTAssertEqual(try run(["rules", "check", directory + "/missing"]).status, 2)
    }

    func testExplainAsAnHTMLPage() throws {
        let report = try run(["--explain", "--format", "html", "golden/html-generic-categories/input.html"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.hasPrefix("<!DOCTYPE html>"), report.stdout)
        XCTAssertTrue(report.stdout.contains("<del>The bridge at dawn on Sunday. Photo: John Lensman</del><span class=\"why\">caption · Rules/global.txt:"), report.stdout)
        XCTAssertTrue(report.stdout.hasSuffix("</html>\n"))
        let text = try run(["--explain", "--format", "html"], stdin: "(AP Photo/Jon Chol Jin)\n\nStory.\n")
        XCTAssertTrue(text.stdout.contains("<h2>-</h2>"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Kept 1 block (1 word); removed 1 block (5 words)."), text.stdout)
        XCTAssertEqual(try run(["--format", "html"], stdin: "Story.\n").status, 2)
    }

    func testCheckRunsCachedTestURLPagesOfTheSiteFiles() throws {
        let rules = try TestFiles.folder("clean-cli")
        try """
            body: //article
            strip_id_or_class: promo
            test_url: https://www.news.test/a
            test_contains: Council votes
            test_url: https://www.news.test/b
            test_contains: Subscribe now
            test_url: https://www.news.test/c
            test_contains: Not cached
            """.write(toFile: rules + "/news.test.txt", atomically: true, encoding: .utf8)
        let golden = try TestFiles.folder("clean-cli")
        try FileManager.default.createDirectory(atPath: golden + "/pages", withIntermediateDirectories: true)
        let page = "<html><body><article><p>Council votes to keep the library.</p><div class='promo'>Subscribe now</div></article></body></html>"
        try page.write(toFile: golden + "/pages/www.news.test_a.html", atomically: true, encoding: .utf8)
        try page.write(toFile: golden + "/pages/www.news.test_b.html", atomically: true, encoding: .utf8)
        let result = try run(["--rules", rules, "--check", golden])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("ok      \(rules)/news.test.txt:3 test_url https://www.news.test/a\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("FAILED  \(rules)/news.test.txt:5 test_url https://www.news.test/b\n  lacks test_contains: Subscribe now\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("test_url: 1 passed, 1 failed, 1 skipped (no cached page)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("save its page as \(golden)/pages/www.news.test_c.html"), result.stdout)
    }

    func testCommentsOptionKeepsReadersCommentsAfterTheArticle() throws {
        let story = (1...5).map { "<p>Paragraph \($0) of the story, long enough, with commas, to be read as the article's prose.</p>" }.joined()
        let comment = "A reader's comment on the story, with a comma, long enough to be a paragraph."
        let page = "<html><body><div class='comments'><div class='comment'><p>\(comment)</p></div></div><div class='entry'>\(story)</div></body></html>"
        let plain = try run([], stdin: page).stdout
        XCTAssertFalse(plain.contains(comment), plain)
        let kept = try run(["--comments"], stdin: page).stdout
        XCTAssertTrue(kept.hasSuffix(comment + "\n"), kept)
        XCTAssertTrue(kept.hasPrefix("Paragraph 1 of the story"), kept)
    }

    /// A directory's global.txt joins the built-in global rules; with --no-builtin-rules it is all
    /// there is, so a copy of the built-in files cleans as the built-in rules do, and no rules at
    /// all leave a seed scrape's boilerplate in.
    func testNoBuiltinRulesLeavesOnlyTheDirectoriesRules() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.repository + "/golden")
            .filter { $0.hasPrefix("seed-") }.sorted()
        XCTAssertFalse(seeds.isEmpty)
        let rules = Self.repository + "/Rules"
        for seed in seeds {
            let input = "golden/\(seed)/input.txt"
            let builtin = try run([input])
            XCTAssertEqual(builtin.status, 0, builtin.stderr)
            let copy = try run(["--no-builtin-rules", "--rules", rules, input])
            XCTAssertEqual(copy.status, 0, copy.stderr)
            XCTAssertEqual(copy.stdout, builtin.stdout, seed)
            let none = try run(["--no-builtin-rules", input])
            XCTAssertEqual(none.status, 0, none.stderr)
            XCTAssertGreaterThan(none.stdout.count, builtin.stdout.count, seed)
        }
    }

    func testHelpDocumentsTheOptions() throws {
        let help = try run(["--help"]).stdout
        for option in ["--url", "--rules", "--rules-lenient", "--no-builtin-rules", "--keep", "--comments", "--input", "--explain", "--format", "--check", "Exit status"] {
            XCTAssertTrue(help.contains(option), "help lacks \(option)")
        }
    }

    /// 0 ok, 1 some inputs failed, 2 usage or rule errors: the statuses the README documents.
    func testUsageErrorsExitWith2BeforeAnyOutput() throws {
        for arguments in [["--bogus"], ["--input", "pdf"], ["--keep", "nonsense"], ["--url"]] {
            let result = try run(arguments, stdin: "Some text.\n")
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.contains("Error:"), result.stderr)
        }
        XCTAssertEqual(try run(["--help"]).status, 0)
    }

    /// Each kind of broken rule: the first one stops the run with PATH:LINE, before any output.
    func testEachBrokenRuleStopsTheRunWithItsLine() throws {
        let cases = [
            ("title: //h1\nthis line has no colon\n", ":2: expected"),
            ("# comment\n\nstrip: //div[@class='x'\n", ":3: XPath does not compile"),
            ("body: //article\r\ndrop_block(teaser): (?<name\r\n", ":2: pattern does not compile"),
            ("drop_line(nonsense): x\n", ":1: unknown category 'nonsense'"),
        ]
        for (text, message) in cases {
            let directory = try TestFiles.folder("clean-cli")
            try text.write(toFile: directory + "/site.test.txt", atomically: true, encoding: .utf8)
            let input = try TestFiles.folder("clean-cli") + "/good.txt"
            try "Good text.\n".write(toFile: input, atomically: true, encoding: .utf8)
            let result = try run(["--rules", directory, input])
            XCTAssertEqual(result.status, 2, text)
            XCTAssertEqual(result.stdout, "", text)
            XCTAssertTrue(result.stderr.contains(directory + "/site.test.txt" + message), result.stderr)
        }
    }

    /// `-` reads standard input where it stands among the files, as Unix filters do, in each mode.
    func testADashReadsStandardInput() throws {
        let directory = try TestFiles.folder("clean-cli")
        try "First file's sentence.\n".write(toFile: directory + "/1.txt", atomically: true, encoding: .utf8)
        let mixed = try run([directory + "/1.txt", "-"], stdin: "Piped sentence.\n")
        XCTAssertEqual(mixed.status, 0, mixed.stderr)
        XCTAssertEqual(mixed.stdout, "First file's sentence.\n\nPiped sentence.\n")
        let records = try run(["--jsonl", "-"], stdin: "{\"id\": 7, \"text\": \"A record's sentence.\"}\n")
        XCTAssertEqual(records.status, 0, records.stderr)
        XCTAssertTrue(records.stdout.hasPrefix("{\"id\":7,"), records.stdout)
        XCTAssertTrue(records.stdout.contains("A record's sentence."), records.stdout)
    }

    /// A gzipped page, named on the command line or piped in (`curl` without `--compressed`),
    /// comes out as its page does, not as gzip's bytes read as text; a gzip stream cut short is
    /// reported and the other files still come out.
    func testGzippedInputIsCleanedLikeThePage() throws {
        let directory = try TestFiles.folder("clean-cli")
        let page = "<html><body><nav>Home</nav><article><p>The story, told in a sentence of its own.</p></article></body></html>"
        let compressed = try TestFiles.gzip(Data(page.utf8))
        try compressed.write(to: URL(fileURLWithPath: directory + "/page.html.gz"))
        try compressed.write(to: URL(fileURLWithPath: directory + "/page.html"))
        try compressed.prefix(compressed.count / 2).write(to: URL(fileURLWithPath: directory + "/cut.gz"))
        let plain = try run([], stdin: page)
        XCTAssertEqual(plain.stdout, "The story, told in a sentence of its own.\n")
        let named = try run([directory + "/page.html.gz"])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertEqual(named.stdout, plain.stdout)
        let piped = try Engines.run(Self.binary.path, [], stdin: directory + "/page.html")
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(String(decoding: piped.stdout, as: UTF8.self), plain.stdout)
        let cut = try run([directory + "/cut.gz", directory + "/page.html.gz"])
        XCTAssertEqual(cut.status, 1)
        XCTAssertEqual(cut.stdout, plain.stdout)
        XCTAssertTrue(cut.stderr.contains(directory + "/cut.gz: compressed data is truncated"), cut.stderr)
    }

    /// A file that cannot be read (missing, a directory, no permission) or cleaned (past the size
    /// limit is not tested here: 256 MiB) is reported with its path; the others come out in order.
    func testBadFilesAreReportedByPathAndTheRunGoesOn() throws {
        let directory = try TestFiles.folder("clean-cli")
        try "First.\n".write(toFile: directory + "/1.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/2.txt", withIntermediateDirectories: true)
        try Data([0x00, 0xFF, 0xFE, 0x00, 0x1B]).write(to: URL(fileURLWithPath: directory + "/3.bin"))
        try "<p>Last.</p>".write(toFile: directory + "/4.html", atomically: true, encoding: .utf8)
        let result = try run([directory + "/1.txt", directory + "/2.txt", directory + "/missing", directory + "/3.bin", directory + "/4.html"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("First.\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("Last.\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains(directory + "/2.txt"), result.stderr)
        XCTAssertTrue(result.stderr.contains(directory + "/2.txt: cannot read (Is a directory)"), result.stderr)
        XCTAssertTrue(result.stderr.contains(directory + "/missing: cannot read (No such file or directory)"), result.stderr)
        XCTAssertFalse(result.stderr.contains("3.bin"), result.stderr)
    }

    /// Whatever the input, standard output is valid UTF-8 without control characters but newline and tab.
    func testOutputIsCleanUTF8WhateverTheInput() throws {
        let directory = try TestFiles.folder("clean-cli")
        var bytes: [UInt8] = Array("<html><body><p>".utf8)
        for value in 0..<256 { bytes.append(UInt8(value)); bytes.append(0x20) }
        bytes += [0xE2, 0x80]
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/all-bytes.html"))
        for input in ["html", "text"] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["--input", input, directory + "/all-bytes.html"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            guard let text = String(data: data, encoding: .utf8) else { return XCTFail("\(input): output is not UTF-8") }
            XCTAssertFalse(text.isEmpty)
            let controls = text.unicodeScalars.filter { ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) && $0 != "\n" && $0 != "\t" }
            XCTAssertEqual(controls.map(\.value), [], input)
        }
    }

    func testCharsetOptionDeclaresTheEncoding() throws {
        let directory = try TestFiles.folder("clean-cli")
        // "Привет, мир" in KOI8-R, too short for detection to be sure of it alone.
        try Data([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2, 0x0A]).write(to: URL(fileURLWithPath: directory + "/koi8.txt"))
        let result = try run(["--charset", "koi8-r", directory + "/koi8.txt"])
        XCTAssertEqual(result.stdout, "Привет, мир\n")
    }
}
