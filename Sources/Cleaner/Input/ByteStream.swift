#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read front to back: a file, standard input, or a gzip stream over either.
/// Streams never hold more than a chunk, so an endless input is read in constant memory.
public protocol ByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 only at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Why a stream could not be read, with the file it came from.
public struct StreamError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// A file descriptor read with read(2): a file opened by path, or standard input.
public final class FileStream: ByteStream {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let name: String

    /// Opens `path` for reading.
    public init(path: String) throws {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StreamError("\(path): cannot open (\(String(cString: strerror(errno))))")
        }
        self.descriptor = descriptor
        self.ownsDescriptor = true
        self.name = path
    }

    /// Standard input.
    public init() {
        descriptor = 0
        ownsDescriptor = false
        name = "-"
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw StreamError("\(name): read failed (\(String(cString: strerror(errno))))")
        }
    }
}

/// Decompresses a gzip stream of one or more members (as `.warc.gz` files are: one member a record),
/// straight into the reader's buffer.
public final class GzipStream: ByteStream {
    private let base: ByteStream
    private let inflater: Inflater
    private let name: String
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private var baseEnded = false
    /// Between members: the next bytes must be another member's header or the end.
    private var memberEnded = false

    public init(_ base: ByteStream, name: String) throws {
        self.base = base
        self.name = name
        do {
            inflater = try Inflater(.wrapped)
        } catch {
            throw StreamError("\(name): \(error)")
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if inputStart == inputEnd {
                if baseEnded { return try finish() }
                inputStart = 0
                inputEnd = try input.withUnsafeMutableBytes { try base.read(into: $0) }
                if inputEnd == 0 {
                    baseEnded = true
                    continue
                }
            }
            if memberEnded {
                guard input[inputStart] == 0x1F else { throw StreamError("\(name): unexpected data after the last gzip member") }
                inflater.reset()
                memberEnded = false
            }
            do {
                let step = try input.withUnsafeBytes {
                    try inflater.inflate(UnsafeRawBufferPointer(rebasing: $0[inputStart..<inputEnd]), into: buffer)
                }
                inputStart += step.consumed
                if step.ended { memberEnded = true }
                if step.produced > 0 { return step.produced }
                if step.consumed == 0 && !step.ended { throw StreamError("\(name): gzip data cannot be decompressed") }
            } catch let error as StreamError {
                throw error
            } catch {
                throw StreamError("\(name): \(error)")
            }
        }
    }

    /// The end of the input: clean only after a whole member.
    private func finish() throws -> Int {
        guard memberEnded else { throw StreamError("\(name): gzip data is truncated") }
        return 0
    }
}

extension FileStream {
    /// The file (or standard input), transparently decompressed when it starts with the gzip magic number.
    public static func reading(_ path: String?) throws -> ByteStream {
        let file = try path.map { try FileStream(path: $0) } ?? FileStream()
        let reader = PeekStream(file)
        guard try reader.startsWithGzipMagic() else { return reader }
        return try GzipStream(reader, name: file.name)
    }
}

/// A stream whose first bytes can be looked at before anyone reads them.
final class PeekStream: ByteStream {
    private let base: ByteStream
    private var peeked: [UInt8] = []

    init(_ base: ByteStream) {
        self.base = base
    }

    func startsWithGzipMagic() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 2)
        while peeked.count < 2 {
            let count = try buffer.withUnsafeMutableBytes { try base.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<(2 - peeked.count)])) }
            if count == 0 { break }
            peeked += buffer.prefix(count)
        }
        return peeked.withUnsafeBytes { Inflater.isGzip($0) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !peeked.isEmpty else { return try base.read(into: buffer) }
        let count = min(buffer.count, peeked.count)
        peeked.withUnsafeBytes { bytes in
            if let source = bytes.baseAddress, let target = buffer.baseAddress { target.copyMemory(from: source, byteCount: count) }
        }
        peeked.removeFirst(count)
        return count
    }
}
