internal import CZlib

/// zlib's inflate, for gzip files, gzip-compressed WARC members and HTTP bodies sent with
/// `Content-Encoding: gzip` or `deflate`. Owns its `z_stream` and frees it with itself.
final class Inflater {
    enum Format {
        /// A gzip or zlib header, told apart by zlib itself.
        case wrapped
        /// Bare deflate data: what some servers send as `Content-Encoding: deflate`.
        case raw
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// z_stream must not move while zlib holds it: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>

    init(_ format: Format) throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15: the largest window; +32: detect gzip or zlib headers; negative: no header at all.
        let status = clean_inflateInit2(stream, format == .wrapped ? 15 + 32 : -15)
        guard status == Z_OK else {
            stream.deallocate()
            throw Failure(description: "cannot start zlib (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Starts a new member (gzip files and WARC.gz files are members one after another).
    func reset() {
        inflateReset(stream)
    }

    /// Inflates from `input` into `output` (appending) until the input is used up, the output has
    /// `limit` bytes, or the member ends. Returns the bytes of `input` consumed and whether the member ended.
    func inflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int) throws -> (consumed: Int, ended: Bool) {
        var consumed = 0
        while consumed < input.count && output.count < limit {
            let room = min(Self.chunk, limit - output.count)
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: room))
            let step = try output.withUnsafeMutableBytes { bytes in
                try inflate(UnsafeRawBufferPointer(rebasing: input[consumed...]), into: UnsafeMutableRawBufferPointer(rebasing: bytes[start..<start + room]))
            }
            output.removeLast(room - step.produced)
            consumed += step.consumed
            if step.ended { return (consumed, true) }
            if step.consumed == 0 && step.produced == 0 { break }  // no progress possible: needs more input
        }
        return (consumed, false)
    }

    /// One step of inflating `input` straight into `output`: what was consumed and produced, and
    /// whether the member ended. Both zero when no progress is possible without more input.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> (consumed: Int, produced: Int, ended: Bool) {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress, input.count > 0, output.count > 0 else { return (0, 0, false) }
        let inputCount = min(input.count, Int(UInt32.max))
        let outputCount = min(output.count, Int(UInt32.max))
        stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(inputCount)
        stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(outputCount)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = inputCount - Int(stream.pointee.avail_in)
        let produced = outputCount - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        stream.pointee.next_out = nil
        stream.pointee.avail_out = 0
        switch status {
        case Z_STREAM_END: return (consumed, produced, true)
        case Z_OK, Z_BUF_ERROR: return (consumed, produced, false)
        default: throw Failure(description: Self.message(status))
        }
    }

    /// Output grows by this much at a time.
    private static let chunk = 1 << 16

    private static func message(_ status: Int32) -> String {
        switch status {
        case Z_DATA_ERROR: "corrupt compressed data"
        case Z_MEM_ERROR: "out of memory while decompressing"
        case Z_NEED_DICT: "compressed data needs a preset dictionary"
        default: "decompression failed (zlib status \(status))"
        }
    }
}

extension Inflater {
    /// True when `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses a whole gzip (possibly multi-member) or zlib buffer, refusing to grow past `limit`
    /// bytes (a small file can expand a thousandfold). `raw` first tries bare deflate data.
    static func decompress(_ bytes: UnsafeRawBufferPointer, format: Format = .wrapped, limit: Int) throws -> [UInt8] {
        let inflater = try Inflater(format)
        var output: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let (consumed, ended) = try inflater.inflate(UnsafeRawBufferPointer(rebasing: bytes[offset...]), into: &output, limit: limit)
            offset += consumed
            if output.count >= limit, !ended || offset < bytes.count {
                throw Failure(description: "decompresses to more than \(limit >> 20) MiB")
            }
            if ended {
                // Another gzip member may follow; anything else after the data is an error, not ignored.
                guard offset < bytes.count else { return output }
                guard format == .wrapped, isGzip(UnsafeRawBufferPointer(rebasing: bytes[offset...])) else {
                    throw Failure(description: "unexpected data after the compressed stream")
                }
                inflater.reset()
            } else if consumed == 0 {
                break
            }
        }
        throw Failure(description: "compressed data is truncated")
    }
}

/// Gzip files as the batch modes read them.
public enum Gzip {
    /// Decompresses a gzip file of one or more members; throws on corrupt or truncated data and
    /// when the output would pass `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try Inflater.decompress($0, limit: limit) }
    }

    /// True when `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Inflater.isGzip($0) }
    }
}
