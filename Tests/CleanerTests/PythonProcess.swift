import Foundation
import XCTest

/// python3 for the tests that hold the scorer to the bench's score.py; absent, they skip.
enum PythonProcess {
    /// Standard output of `python3 ARGUMENTS`, or a skip when python3 cannot be run.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw XCTSkip("python3 cannot be run (\(error)): the comparison with score.py is skipped")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed: the comparison with score.py is skipped") }
        guard process.terminationStatus == 0 else {
            XCTFail("python3 \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
            return Data()
        }
        return data
    }
}
