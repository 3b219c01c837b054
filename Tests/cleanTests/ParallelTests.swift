import Foundation
import XCTest

/// `parallel --pipe --keep-order clean --jsonl` (Debian's `parallel`): GNU parallel cuts the
/// stream at line ends into blocks, one `clean` a block, and the output is the single run's.
final class ParallelTests: XCTestCase {
    func testParallelPipeGivesTheSingleRunsRecords() throws {
        guard let parallel = Engines.find("parallel") else {
            throw XCTSkip("GNU parallel is absent: `apt-get install -y parallel` to run clean under it (.ci/run installs it)")
        }
        let folder = try TestFiles.folder("clean-engines")
        let input = folder + "/pages.jsonl"
        // 60 pages three times (about 34 MB): many 1 MB blocks, so many `clean` processes.
        try Engines.pack(format: "jsonl", limit: 60, repeat: 3, to: input)
        // A record that fails must come back as its error, in its place.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
        try handle.seekToEnd()
        handle.write(Data((#"{"id": "no-body", "url": "https://example.invalid/x"}"# + "\n").utf8))
        try handle.close()

        let single = try Engines.run(CLITests.binary.path, ["--jsonl", "--jobs", "1", input])
        XCTAssertEqual(single.status, 1, "the record without a body fails: \(single.stderr)")
        let piped = try Engines.run(parallel, ["--will-cite", "--pipe", "--keep-order", "--block", "1M", "--jobs", "2",
                                               CLITests.binary.path, "--jsonl", "--jobs", "1"], stdin: input)
        XCTAssertEqual(piped.status, 1, "one block had a failed record: \(piped.stderr)")

        XCTAssertEqual(single.lines.count, 60 * 3 + 1)
        XCTAssertEqual(piped.lines.count, single.lines.count, "no record lost or duplicated")
        XCTAssertEqual(piped.lines, single.lines, "record for record, in order")
        let ids = piped.lines.compactMap { Engines.field($0, "id") as? String }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids.last, "no-body")
        XCTAssertNotNil(piped.lines.last.flatMap { Engines.field($0, "error") as? String })
        XCTAssertEqual(piped.lines.filter { Engines.field($0, "error") != nil }.count, 1)
    }
}
