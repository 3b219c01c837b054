import Foundation
import XCTest

/// examples/spark/clean_jsonl.py on Spark `local[2]`: the partitions go through `clean` with
/// RDD.pipe and the records that come out are the single run's, none lost, duplicated or reordered.
/// It stands in for Hadoop Streaming too, which runs the same `clean --jsonl` on its input splits.
final class SparkTests: XCTestCase {
    private var python: String { CLITests.repository + "/examples/spark/.venv/bin/python" }

    override func setUpWithError() throws {
        guard Engines.find("java") != nil else {
            throw XCTSkip("Java is absent: `apt-get install -y openjdk-17-jre-headless` to run Spark (.ci/run installs it)")
        }
        let check = FileManager.default.isExecutableFile(atPath: python) ? try Engines.run(python, ["-c", "import pyspark"]) : nil
        guard check?.status == 0 else {
            throw XCTSkip("pyspark is absent: `examples/spark/setup` makes examples/spark/.venv with it (.ci/run runs it)")
        }
    }

    /// Runs the script over `inputs` and returns the lines of its part files, in order.
    private func spark(_ options: [String], _ inputs: [String]) throws -> [String] {
        let output = try TestFiles.folder("clean-engines") + "/out"
        let run = try Engines.run(python, [CLITests.repository + "/examples/spark/clean_jsonl.py", "--master", "local[2]",
                                           "--clean", CLITests.binary.path] + options + inputs + [output])
        XCTAssertEqual(run.status, 0, run.stderr)
        let parts = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("part-") }.sorted()
        XCTAssertGreaterThanOrEqual(parts.count, 2, "the input was split over the two workers")
        return try parts.flatMap { part in
            try String(contentsOfFile: output + "/" + part, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    private func single(_ mode: String, _ inputs: [String]) throws -> [String] {
        try Engines.run(CLITests.binary.path, [mode] + inputs).lines
    }

    private func assertSameRecords(_ spark: [String], _ single: [String], count: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(single.count, count, file: file, line: line)
        XCTAssertEqual(spark.count, single.count, "no record lost or duplicated", file: file, line: line)
        XCTAssertEqual(spark, single, "the same ids and text, record for record", file: file, line: line)
        let ids = spark.compactMap { Engines.field($0, "id") as? String }
        XCTAssertEqual(Set(ids).count, count, file: file, line: line)
    }

    func testJSONLinesOnSparkGiveTheSingleRunsRecords() throws {
        let folder = try TestFiles.folder("clean-engines")
        let pages = folder + "/pages.jsonl"
        try Engines.pack(format: "jsonl", limit: 40, to: pages)
        // A record that fails, among the others: it comes back with its error and the job goes on.
        var lines = try String(contentsOfFile: pages, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert(#"{"id": "no-body", "url": "https://example.invalid/x"}"#, at: 7)
        try (lines.joined(separator: "\n") + "\n").write(toFile: pages, atomically: true, encoding: .utf8)

        let records = try spark(["--partitions", "2"], [pages])
        assertSameRecords(records, try single("--jsonl", [pages]), count: 41)
        XCTAssertEqual(records.filter { Engines.field($0, "error") != nil }.count, 1)
        XCTAssertEqual(Engines.field(records[7], "id") as? String, "no-body")
        XCTAssertNotNil(Engines.field(records[7], "error") as? String)
        XCTAssertTrue(records.allSatisfy { Engines.field($0, "error") != nil || !((Engines.field($0, "text") as? String) ?? "").isEmpty })
    }

    func testWARCFilesOnSparkGiveTheSingleRunsRecords() throws {
        let folder = try TestFiles.folder("clean-engines")
        let first = folder + "/a.warc"
        let second = folder + "/b.warc"
        try Engines.pack(format: "warc", limit: 20, to: first)
        try Engines.pack(format: "warc", limit: 40, to: second)
        // The second file's pages again, ids and all: only the order tells the copies apart.
        let records = try spark(["--warc"], [first, second])
        let expected = try single("--warc", [first, second])
        XCTAssertEqual(expected.count, 60)
        XCTAssertEqual(records.count, expected.count, "no record lost or duplicated")
        XCTAssertEqual(records, expected, "the same ids and text, record for record")
        XCTAssertTrue(records.allSatisfy { Engines.field($0, "error") == nil && Engines.field($0, "text") is String })
    }
}
