/// Page bytes carried in a Unicode string one byte per code point (U+0000 to U+00FF), as
/// `bytes.decode("latin-1")` writes them into JSON: the lossless way to put a page whose encoding
/// is not known yet into a text format.
enum ByteString {
    /// The bytes, or nil when `utf8` holds a code point above U+00FF (then it is Unicode text already).
    static func bytes(fromLatin1 utf8: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
