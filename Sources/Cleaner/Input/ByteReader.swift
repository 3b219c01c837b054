#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines and counted runs of bytes from a `ByteStream`, through one reusable buffer: what the
/// JSON Lines and WARC readers need, in memory bounded by the longest line or record they accept.
public final class ByteReader {
    private let stream: ByteStream
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var ended = false
    /// Bytes handed out so far: positions in error messages.
    public private(set) var offset = 0

    public init(_ stream: ByteStream, chunk: Int = 1 << 16) {
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: chunk)
    }

    public enum Line: Sendable {
        /// The line's bytes, without its "\n" (nor a "\r" before it).
        case line([UInt8])
        /// A line longer than the limit: skipped up to its end, `length` bytes.
        case tooLong(length: Int)
    }

    /// The next line, nil at the end of the stream. A last line without "\n" still counts.
    /// A line longer than `limit` is read past without being kept.
    public func readLine(limit: Int) throws -> Line? {
        var collected: [UInt8] = []
        var length = 0
        var tooLong = false
        while true {
            if start == end {
                guard try refill() else {
                    if length == 0 { return nil }
                    return tooLong ? .tooLong(length: length) : .line(Self.trimmingReturn(collected))
                }
            }
            let newline = buffer.withUnsafeBytes { bytes -> Int? in
                guard let base = bytes.baseAddress else { return nil }
                guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            let stop = newline ?? end
            let piece = stop - start
            length += piece
            if !tooLong, length > limit {
                tooLong = true
                collected = []
            }
            if !tooLong { collected.append(contentsOf: buffer[start..<stop]) }
            start = stop
            offset += piece
            if newline != nil {
                start += 1
                offset += 1
                return tooLong ? .tooLong(length: length) : .line(Self.trimmingReturn(collected))
            }
        }
    }

    /// Exactly `count` bytes, or fewer at the end of the stream.
    public func read(count: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(count, 1 << 24))
        while output.count < count {
            if start == end, !(try refill()) { break }
            let take = min(count - output.count, end - start)
            output.append(contentsOf: buffer[start..<start + take])
            start += take
            offset += take
        }
        return output
    }

    /// Skips `count` bytes; returns how many were there.
    @discardableResult
    public func skip(count: Int) throws -> Int {
        var skipped = 0
        while skipped < count {
            if start == end, !(try refill()) { break }
            let take = min(count - skipped, end - start)
            start += take
            offset += take
            skipped += take
        }
        return skipped
    }

    /// True when nothing is left to read.
    public func atEnd() throws -> Bool {
        if start < end { return false }
        return !(try refill())
    }

    private func refill() throws -> Bool {
        guard !ended else { return false }
        start = 0
        end = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
        if end == 0 { ended = true }
        return end > 0
    }

    /// The line without a final "\r", in storage of its own size: a line gathered from several
    /// chunks grew by doubling, and it may wait in a queue for a while.
    private static func trimmingReturn(_ line: [UInt8]) -> [UInt8] {
        var trimmed = line
        if trimmed.last == 0x0D { trimmed.removeLast() }
        return trimmed.capacity > trimmed.count + trimmed.count / 4 + 64 ? Array(trimmed) : trimmed
    }
}
