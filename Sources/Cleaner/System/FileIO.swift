#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Whole-file and standard-stream I/O on file descriptors, with the system's own error text
/// (`strerror`) in failures: what Foundation's `FileHandle` and `Data.write(to:)` did, without
/// linking the full Foundation (see `FilePaths`).
public enum FileIO {
    /// A failed system call: the path or stream it was about and `strerror`'s text.
    public struct Failure: Error, CustomStringConvertible {
        public let reason: String
        init(errno code: Int32) { reason = String(cString: strerror(code)) }
        public var description: String { reason }
    }

    /// Writes all of `bytes` to `descriptor`, across partial writes and interrupted calls.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        let code: Int32 = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if code != 0 { throw Failure(errno: code) }
    }

    /// Creates or truncates the file at `path` and writes `bytes` into it, making missing
    /// parent directories first when the file cannot be created for want of them.
    public static func write(_ bytes: [UInt8], toFile path: String) throws(Failure) {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeDirectories(FilePaths.deletingLastComponent(path))
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw Failure(errno: errno) }
        defer { close(descriptor) }
        try write(bytes, to: descriptor)
    }

    /// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so that a
    /// reader finds the old file or the new one whole. A failure leaves `path` as it was and is
    /// not reported: the files written so are caches, worth only the time they save.
    static func replaceIgnoringFailure(_ path: String, with bytes: [UInt8]) {
        let temporary = path + ".\(getpid()).tmp"
        do {
            try write(bytes, toFile: temporary)
            if rename(temporary, path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }

    /// `mkdir -p`: `path` and any missing parents.
    public static func makeDirectories(_ path: String) throws(Failure) {
        guard !path.isEmpty, !FilePaths.isDirectory(path) else { return }
        try makeDirectories(FilePaths.deletingLastComponent(path))
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(errno: errno) }
    }

    /// The whole file at `path`, in one buffer sized by `fstat` (a rule collection's 2,000 small
    /// files are read at once when a text scrape looks for their signature lines).
    public static func read(path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(errno: errno) }
        // One byte more than the size, so that the end is seen without a second buffer; a file
        // that grows meanwhile is read on to its end. The buffer is not zeroed first: `read` writes
        // every byte that is kept (zeroing took 1.65 million instructions for 181 scrapes of 9 kB).
        var failure: Int32 = 0
        let capacity = max(Int(status.st_size), 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let count = Glibc.read(descriptor, base + initialized, buffer.count - initialized)
                if count == 0 { return }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                initialized += count
            }
        }
        guard failure == 0 else { throw Failure(errno: failure) }
        // Only a file that grew since `fstat` fills the buffer: the rest of it is read in chunks.
        var filled = bytes.count
        guard filled == capacity else { return bytes }
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(errno: errno)
            }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Everything left on `descriptor` (standard input: 0), read to its end.
    public static func readAll(_ descriptor: Int32) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(errno: errno)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
