import Foundation

/// Scratch folders and gzip for the command-line tests.
enum TestFiles {
    /// A new empty folder under the temporary directory.
    static func folder(_ prefix: String = "clean-test") throws -> String {
        let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// gzip(1) output of `data` (Debian's gzip package is essential, so it is always there).
    static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }
}

/// A child's standard error, written to a file and read once the child has ended: a pipe that is
/// read only after standard output would block a child that writes more than it holds (an
/// engine's log, a sanitizer's report at exit). The file goes with this object.
final class ErrorFile {
    let handle: FileHandle
    private let path: String

    init() throws {
        path = NSTemporaryDirectory() + "clean-stderr-\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// What the child wrote; call once it has ended.
    func contents() throws -> Data {
        try handle.close()
        return (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
    }
}
