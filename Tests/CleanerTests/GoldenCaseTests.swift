import XCTest

@testable import Cleaner

/// Every case under golden/ must come out exactly as its expected.txt says.
final class GoldenCaseTests: XCTestCase {
    func testEveryGoldenCasePasses() throws {
        let cases = try GoldenCase.all(in: Repository.path("golden"))
        XCTAssertGreaterThanOrEqual(cases.count, 5, "the five seeds at least")
        let library = try RuleLibrary.builtin()
        for golden in cases {
            let diff = try golden.run(library: library)
            XCTAssertEqual(diff, "", "golden case \(golden.name) differs:\n\(diff)")
        }
    }

    func testTheSeedsAreCases() throws {
        let names = try GoldenCase.all(in: Repository.path("golden")).map(\.name)
        XCTAssertEqual(names.filter { $0.hasPrefix("seed-") }.count, 5)
    }

    func testAFailingCaseShowsAUnifiedDiff() throws {
        let directory = NSTemporaryDirectory() + "golden-\(UUID().uuidString)/case"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "First paragraph.\n\nLike us on Facebook\n".write(toFile: directory + "/input.txt", atomically: true, encoding: .utf8)
        try "First paragraph.\n\nLike us on Facebook\n".write(toFile: directory + "/expected.txt", atomically: true, encoding: .utf8)
        let diff = try GoldenCase(directory: directory).run(library: try RuleLibrary.builtin())
        XCTAssertTrue(diff.contains("@@"), diff)
        XCTAssertTrue(diff.contains("-Like us on Facebook"), diff)
    }

    func testACaseCanCleanAnotherCasesInputWithOtherOptions() throws {
        let root = NSTemporaryDirectory() + "golden-\(UUID().uuidString)"
        let page = root + "/page", kept = root + "/page-keep-caption"
        for directory in [page, kept] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try "The story goes on.\n\nPhoto: Jane Doe/Reuters\n".write(toFile: page + "/input.txt", atomically: true, encoding: .utf8)
        try "The story goes on.\n".write(toFile: page + "/expected.txt", atomically: true, encoding: .utf8)
        try "keep: caption\ninput-file: ../page/input.txt\n".write(toFile: kept + "/case.txt", atomically: true, encoding: .utf8)
        try "The story goes on.\n\nPhoto: Jane Doe/Reuters\n".write(toFile: kept + "/expected.txt", atomically: true, encoding: .utf8)
        let library = try RuleLibrary.builtin()
        for golden in try GoldenCase.all(in: root) {
            XCTAssertEqual(try golden.run(library: library), "", golden.name)
        }
        try "input-file: ../nowhere/input.txt\n".write(toFile: kept + "/case.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GoldenCase(directory: kept)) { error in
            XCTAssertTrue("\(error)".contains("../nowhere/input.txt"), "\(error)")
        }
    }
}
