import Foundation
import XCTest

/// Runs the engines `clean` drops into (GNU parallel, Spark, the linker's view of the binary) as
/// their users do, and packs the bench pages for them.
enum Engines {
    struct Run {
        let status: Int32
        let stdout: Data
        let stderr: String
        var lines: [String] { String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init) }
    }

    /// The first executable called `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` with standard input from the file `stdin` (or nothing), in the repository.
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLITests.repository)
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin)) }
        let errors = try ErrorFile()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors.handle
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = String(data: try errors.contents(), encoding: .utf8) ?? ""
        return Run(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// The scrapinghub bench pages (../shared/bench/scrapinghub), or a skip when they are absent.
    static func benchPages() throws -> String {
        let set = CLITests.repository + "/../shared/bench/scrapinghub"
        guard FileManager.default.fileExists(atPath: set + "/html") else {
            throw XCTSkip("the bench pages are absent (\(set)/html)")
        }
        return set
    }

    /// `scripts/pack-pages`: the first `limit` bench pages, `repeat` times, as JSON Lines or WARC in `file`.
    static func pack(format: String, limit: Int, repeat copies: Int = 1, to file: String) throws {
        guard let python = find("python3") else { throw XCTSkip("python3 is absent: scripts/pack-pages cannot pack the pages") }
        let packed = try run(python, [CLITests.repository + "/scripts/pack-pages", "--format", format, "--limit", String(limit), "--repeat", String(copies), try benchPages()])
        XCTAssertEqual(packed.status, 0, packed.stderr)
        try packed.stdout.write(to: URL(fileURLWithPath: file))
    }

    /// A JSON Lines record's field, parsed.
    static func field(_ line: String, _ name: String) -> Any? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object[name]
    }
}
