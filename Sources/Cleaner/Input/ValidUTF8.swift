/// Strings made from bytes already known to be valid UTF-8 (a scan or a validator checked them):
/// `String(decoding:)` would check every byte again, and count the ASCII bytes again, before it
/// copies them (in a plain-text scrape that second check cost as much as reading the lines).
enum ValidUTF8 {
    /// A `String` of `bytes`, which must be valid UTF-8; `isASCII` must say exactly whether every
    /// byte is below 0x80 (the string keeps it as its own flag, which its fast paths trust).
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        if isASCII, bytes.count <= smallASCIIBytes, let source = bytes.baseAddress {
            // Copied into the string's own bytes at once: a copy from a span of so few bytes
            // builds the string a byte at a time (about a hundred instructions a line, and a
            // third of a scrape's lines are this short), and ASCII needs no validation here.
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                guard let target = buffer.baseAddress else { return 0 }
                target.update(from: source, count: bytes.count)
                return bytes.count
            }
        }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            // Copied as they are: no validation, the ASCII flag taken as given.
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The most bytes a `String` holds in itself, without storage of its own (on 64-bit platforms).
    static let smallASCIIBytes = 15
}
