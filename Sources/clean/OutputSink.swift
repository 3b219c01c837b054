import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// Standard output for the streaming modes: lines collect in a buffer that goes out when it is
/// large or when no further line is ready, so a slow trickle of records is written at once and a
/// fast stream in large writes. Used from one thread at a time (the writer of `OrderedWorkers`).
final class OutputSink: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    func write(_ bytes: [UInt8], flushNow: Bool) {
        // A line as large as the buffer goes out as it is, not copied into it first.
        if bytes.count >= Self.flushSize {
            flush()
            Self.write(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if flushNow || buffer.count >= Self.flushSize { flush() }
    }

    func flush() {
        Self.write(buffer)
        buffer.removeAll(keepingCapacity: buffer.count <= Self.flushSize * 4)
    }

    private static func write(_ output: [UInt8]) {
        output.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = Glibc.write(1, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // The reader went away (`| head`): nothing more can be delivered.
                    Diagnostics.error("cannot write standard output (\(String(cString: strerror(errno))))")
                    exit(1)
                }
                offset += written
            }
        }
    }
}
