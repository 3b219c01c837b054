import Cleaner

/// A fuzz input as a byte stream, handed out in small pieces so that every read boundary is exercised.
public final class BufferStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0
    private let piece: Int

    public init(_ bytes: [UInt8], piece: Int = 4093) {
        self.bytes = bytes
        self.piece = max(piece, 1)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, piece, bytes.count - offset)
        guard count > 0, let base = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            guard let sourceBase = source.baseAddress else { return }
            base.copyMemory(from: sourceBase + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// The stream, gunzipped when it starts with gzip's magic number (as `clean` reads files).
    public static func maybeGzipped(_ bytes: [UInt8]) throws -> ByteStream {
        let stream = BufferStream(bytes, piece: Int(bytes.first ?? 1) * 16 + 1)
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B { return try GzipStream(stream, name: "fuzz") }
        return stream
    }
}
