/// The bytes of an all-ASCII text, for the walks that read each byte as the `Character` it is
/// ("\r\n" aside, which each such walk answers for). One place for the question every such walk
/// asks first: are the bytes contiguous, and all ASCII?
enum ASCIIBytes {
    /// `body` of the text's UTF-8 when it is contiguous and all ASCII (eight bytes at a time);
    /// nil otherwise, for the caller's walk by scalar or by `Character`.
    @inline(__always)
    static func with<UTF8Bytes: Sequence, Result>(_ utf8: UTF8Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result?
    where UTF8Bytes.Element == UInt8 {
        utf8.withContiguousStorageIfAvailable { bytes -> Result? in
            guard UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
            return body(bytes)
        } ?? nil
    }
}
