import Foundation
import XCTest

@testable import Cleaner

/// The HTML explain report as a person sees it: rendered by headless Chromium (Debian's
/// `chromium`, which .ci/run installs), for a seed scrape and an HTML golden case.
final class ExplainReportBrowserTests: XCTestCase {
    /// The first Chromium on PATH.
    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Longest a browser run may take before the test gives up on it (a hang must not stall CI).
    static let browserTimeout: TimeInterval = 120

    func testTheReportOfASeedAndOfAnHTMLCaseRendersWithItsCounts() throws {
        guard let browser = Self.browser else {
            throw XCTSkip("Chromium is absent: `apt-get install -y chromium` to render the explain report (.ci/run installs it)")
        }
        let directory = NSTemporaryDirectory() + "explain-browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let library = try RuleLibrary.builtin()
        for name in ["seed-004-ap-teasers-sponsored", "html-generic-categories"] {
            let golden = try GoldenCase(directory: Repository.path("golden/\(name)"))
            var options = golden.options
            options.explain = true
            let input = try XCTUnwrap(FileManager.default.contents(atPath: golden.inputPath))
            let result = Cleaner(library: library).clean([UInt8](input), options: options)
            let report = directory + "/\(name).html"
            try HTMLExplainWriter.page([(name: golden.name, result: result)]).write(toFile: report, atomically: true, encoding: .utf8)

            // The kept part is what the case expects: its paragraphs are the kept blocks, its words the kept words.
            let expected = try String(contentsOfFile: golden.expectedPath, encoding: .utf8)
            let blocks = expected.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
            let words = ExplainSummary.words(in: expected)
            let totals = "Kept \(blocks) block\(blocks == 1 ? "" : "s") (\(words) words); removed "

            let screenshot = directory + "/\(name).png"
            let profile = directory + "/profile-\(name)"
            let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile)", "--window-size=1000,1400"]
            _ = try run(browser, common + ["--screenshot=\(screenshot)", "file://\(report)"])
            let png = try XCTUnwrap(FileManager.default.contents(atPath: screenshot), "\(name): no screenshot")
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name): not a PNG")
            // The IHDR chunk's width, big-endian after the signature and the chunk header.
            let width = png.count > 24 ? png[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
            XCTAssertEqual(width, 1000, "\(name): PNG width")
            // A blank page compresses to a few kilobytes; the report's coloured text does not.
            XCTAssertGreaterThan(png.count, 30_000, "\(name): the screenshot looks empty")

            let dom = try run(browser, common + ["--dump-dom", "file://\(report)"])
            XCTAssertTrue(dom.contains("<h2>\(name)</h2>"), "\(name): the page did not load: \(dom.prefix(300))")
            XCTAssertTrue(dom.contains(totals), "\(name): expected \(totals)…")
        }
    }

    /// Runs the browser and returns its standard output; fails the test if it hangs.
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "browser-output-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(Self.browserTimeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            XCTFail("\(executable) did not finish within \(Self.browserTimeout) s")
        }
        process.waitUntilExit()
        try output.close()
        return String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    }
}
