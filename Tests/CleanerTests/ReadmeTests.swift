import XCTest

/// The README's set-up commands are what CI runs: this keeps them from drifting apart.
final class ReadmeTests: XCTestCase {
    func testCIRunsTheReadmeTestCommand() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let ci = try String(contentsOfFile: Repository.path(".ci/run"), encoding: .utf8)
        let command = ci.split(separator: "\n").last { $0.contains("swift test") }.map(String.init)
        XCTAssertNotNil(command)
        XCTAssertTrue(readme.contains(command ?? "-"), "README must show the test command CI runs: \(command ?? "")")
    }
}
