#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines and counted runs of bytes from a `ByteStream`, through one reusable buffer: what the
/// JSON Lines and WARC readers need, in memory bounded by the longest line or record they accept.
/// Each line or run is copied once, into storage of its own size; a line longer than the buffer
/// grows the buffer rather than being gathered piece by piece.
public final class ByteReader {
    private let stream: ByteStream
    private var buffer: UnsafeMutableRawBufferPointer
    /// The buffer's first size: it returns to it when a line far longer has been handed out.
    private let chunk: Int
    /// The bytes read and not yet handed out are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var ended = false
    /// Bytes handed out so far: positions in error messages.
    public private(set) var offset = 0

    public init(_ stream: ByteStream, chunk: Int = 1 << 20) {
        self.stream = stream
        self.chunk = max(chunk, 1)
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: self.chunk, alignment: 8)
    }

    deinit {
        buffer.deallocate()
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
        // `buffer[start..<start + searched]` holds no "\n"; `dropped` bytes of an overlong line are gone.
        var searched = 0
        var dropped = 0
        while true {
            if let base = buffer.baseAddress, let found = memchr(base + start + searched, 0x0A, end - start - searched) {
                let newline = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                let line = self.line(upTo: newline, dropped: dropped, limit: limit)
                offset += newline + 1 - start
                start = newline + 1
                return line
            }
            searched = end - start
            if dropped + searched > limit {
                // Overlong: what is buffered is counted and let go, so the buffer does not grow with it.
                dropped += searched
                offset += searched
                start = end
                searched = 0
            }
            guard try fill() else {
                if dropped + end - start == 0 { return nil }
                let line = self.line(upTo: end, dropped: dropped, limit: limit)
                offset += end - start
                start = end
                return line
            }
        }
    }

    /// The line in `buffer[start..<stop]`, after `dropped` bytes already let go.
    private func line(upTo stop: Int, dropped: Int, limit: Int) -> Line {
        let length = dropped + stop - start
        if dropped > 0 || length > limit { return .tooLong(length: length) }
        var last = stop
        if last > start, buffer[last - 1] == 0x0D { last -= 1 }
        return .line(Array(UnsafeRawBufferPointer(rebasing: buffer[start..<last])))
    }

    /// Exactly `count` bytes, or fewer at the end of the stream: what is buffered, then the rest
    /// read from the stream straight into the result.
    public func read(count: Int) throws -> [UInt8] {
        // A count from a damaged header is not trusted with memory before the bytes are there.
        guard count <= 1 << 24 else { return try readGrowing(count: count) }
        let output = try [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            let buffered = min(count, end - start)
            if buffered > 0, let base = buffer.baseAddress, let targetBase = target.baseAddress {
                UnsafeMutableRawPointer(targetBase).copyMemory(from: base + start, byteCount: buffered)
            }
            start += buffered
            initialized = buffered
            while initialized < count, !ended {
                let read = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(target)[initialized..<count]))
                if read == 0 { ended = true }
                initialized += read
            }
        }
        offset += output.count
        return output
    }

    /// `read(count:)` for a count too large to reserve at once: taken in buffer-sized pieces.
    private func readGrowing(count: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        while output.count < count {
            if start == end, !(try fill()) { break }
            let take = min(count - output.count, end - start)
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<start + take]))
            start += take
            offset += take
        }
        return output
    }

    /// Calls `body` with the next `count` bytes (fewer at the end of the stream) without handing
    /// them out: the following read starts with them again. `count` may not pass the buffer's size.
    public func peek<Result>(count: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        let wanted = min(count, buffer.count)
        while end - start < wanted, try fill() {}
        return try body(UnsafeRawBufferPointer(rebasing: buffer[start..<min(end, start + wanted)]))
    }

    /// Skips `count` bytes; returns how many were there.
    @discardableResult
    public func skip(count: Int) throws -> Int {
        var skipped = 0
        while skipped < count {
            if start == end, !(try fill()) { break }
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
        return !(try fill())
    }

    /// Reads more after `end`, first moving the unread bytes to the front when the buffer is full
    /// behind them, or doubling it when they fill it. False at the end of the stream.
    private func fill() throws -> Bool {
        guard !ended else { return false }
        if start == end {
            start = 0
            end = 0
            if buffer.count > 4 * chunk {
                buffer.deallocate()
                buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
            }
        } else if end == buffer.count {
            if start > 0 {
                if let base = buffer.baseAddress { memmove(base, base + start, end - start) }
            } else {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            }
            end -= start
            start = 0
        }
        let read = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if read == 0 { ended = true }
        end += read
        return read > 0
    }
}
