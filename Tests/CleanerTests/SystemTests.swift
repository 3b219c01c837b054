import Foundation
import XCTest

@testable import Cleaner

/// The binary links FoundationEssentials only; these helpers replace what it used from the full
/// Foundation, and must answer as Foundation did wherever the tool relied on it.
final class SystemTests: XCTestCase {
    private let paths = [
        "a", "a/b", "a/b/", "/a/b", "/a/b//", "/", "", "a//b", "../shared/bench/text/scrapinghub-page",
        "./golden/case/", "/work/x.txt", "dir/", "名前/ファイル.txt",
    ]

    func testPathComponentsAnswerAsNSString() {
        for path in paths {
            XCTAssertEqual(FilePaths.lastComponent(path), (path as NSString).lastPathComponent, path)
            for name in ["c", "c.txt", "sub/c"] {
                XCTAssertEqual(FilePaths.join(path, name), (path as NSString).appendingPathComponent(name), "\(path) + \(name)")
            }
        }
    }

    /// Spelled out: Foundation's own `deletingLastPathComponent` traps on a one-component path.
    func testDeletingLastComponent() {
        let expected = [
            "a": "", "a/b": "a", "a/b/": "a", "/a/b": "/a", "/a/b//": "/a", "/": "/", "": "", "a//b": "a", "//a": "/",
            "../shared/bench/text/scrapinghub-page": "../shared/bench/text", "dir/": "", "名前/ファイル.txt": "名前",
        ]
        for (path, parent) in expected {
            XCTAssertEqual(FilePaths.deletingLastComponent(path), parent, path)
        }
    }

    func testStandardizedFoldsDotsLexically() {
        XCTAssertEqual(FilePaths.standardized("../shared/bench/text/scrapinghub-page/"), "../shared/bench/text/scrapinghub-page")
        XCTAssertEqual(FilePaths.standardized("bench/./text//wcxb-dev-page"), "bench/text/wcxb-dev-page")
        XCTAssertEqual(FilePaths.standardized("bench/text/../scrapinghub"), "bench/scrapinghub")
        XCTAssertEqual(FilePaths.standardized("/.."), "/")
        XCTAssertEqual(FilePaths.standardized("./"), ".")
        XCTAssertEqual(FilePaths.standardized("../../a"), "../../a")
    }

    func testFileTypes() throws {
        let directory = NSTemporaryDirectory() + "clean-system-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = FilePaths.join(directory, "deep/er/out.txt")
        XCTAssertFalse(FilePaths.exists(file))
        try FileIO.write(Array("héllo\n".utf8), toFile: file)  // makes the missing directories
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "héllo\n")
        XCTAssertTrue(FilePaths.exists(file))
        XCTAssertFalse(FilePaths.isDirectory(file))
        XCTAssertTrue(FilePaths.isDirectory(FilePaths.deletingLastComponent(file)))
        try FileIO.write(Array("x".utf8), toFile: file)  // truncates
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x")
    }

    func testWriteFailureSaysWhy() {
        let blocker = NSTemporaryDirectory() + "clean-system-file-\(getpid())"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        // A plain file where a directory should be: the system's reason, not a crash.
        XCTAssertThrowsError(try FileIO.write([1], toFile: blocker + "/sub/out.txt")) { error in
            XCTAssertEqual("\(error)", "Not a directory")
        }
    }

    /// A file is read whole at any size (its buffer, not zeroed, holds only what was read),
    /// and a file that reports no size, as the kernel's do, is read on to its end.
    func testReadGivesTheFileWhole() throws {
        let path = NSTemporaryDirectory() + "clean-read-\(getpid()).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        for size in [0, 1, 7, 4095, 4096, 4097, 100_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try FileIO.write(bytes, toFile: path)
            XCTAssertEqual(try FileIO.read(path: path), bytes, "\(size)")
        }
        // /proc files are sized 0 by fstat: every byte comes from reading past the first buffer.
        let arguments = try FileIO.read(path: "/proc/self/cmdline")
        XCTAssertEqual(arguments, Array(CommandLine.arguments.map { $0 + "\u{0}" }.joined().utf8))
        XCTAssertThrowsError(try FileIO.read(path: path + ".missing"))
    }

    func testReadAllReadsToTheEnd() throws {
        var pipeEnds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&pipeEnds), 0)
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
        // More than a pipe holds: the reader must go on across many partial reads.
        WorkerThread.start {
            try? FileIO.write(bytes, to: writeEnd)
            close(writeEnd)
        }
        XCTAssertEqual(try FileIO.readAll(readEnd), bytes)
        close(readEnd)
    }

    func testFormattedAnswersAsStringFormat() {
        for value in [0.0, 1.5, -2.25, 1234.5678, 1e-9, 123456789.125] {
            for format in ["%.0f", "%.1f", "%.2f", "%.3f"] {
                XCTAssertEqual(formatted(format, value), String(format: format, value), "\(format) \(value)")
            }
        }
        XCTAssertEqual(formatted("%d:%02d:%02d", 1, 2, 3), "1:02:03")
        let long = formatted("%0200.1f", 3.0)  // longer than the first buffer
        XCTAssertEqual(long.count, 200)
        XCTAssertTrue(long.hasSuffix("003.0"))
    }

    func testWorkerThreadRunsItsBody() {
        let done = expectation(description: "body ran")
        WorkerThread.start { done.fulfill() }
        wait(for: [done], timeout: 10)
    }
}
