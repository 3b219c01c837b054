import Cleaner

#if canImport(Glibc)
import Glibc
#endif

/// Messages on standard error; standard output carries only cleaned text.
enum Diagnostics {
    static func error(_ message: String) {
        write("clean: \(message)\n")
    }

    static func warning(_ message: String) {
        write("clean: warning: \(message)\n")
    }

    static func write(_ text: String) {
        try? FileIO.write(Array(text.utf8), to: 2)  // nowhere left to report a failure
    }
}

/// Buffered standard output: one write per 64 KiB instead of one per document.
struct StandardOutput {
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        do {
            try FileIO.write(buffer, to: 1)
        } catch {
            Diagnostics.error("standard output: cannot write (\(error))")
            exit(1)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
