import Glibc

/// ASCII questions answered on bytes: where a text is all ASCII, each byte is a character, and
/// character-level questions have byte-level answers.
enum ASCIIText {
    /// True when every byte of `text` is ASCII (eight bytes at a time).
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { UTF8Validator.isASCII(UnsafeRawBufferPointer($0)) }
    }

    /// `text.lowercased()` for an all-ASCII text, byte by byte (Unicode lower-cases no ASCII
    /// character but A to Z, and those to a to z); nil for any other text.
    static func lowercased(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in 0..<bytes.count { buffer[index] = lowercased(bytes[index]) }
                return bytes.count
            }
        }
    }

    /// An ASCII byte's lower case: A to Z to a to z, any other byte as it is.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII White_Space,
    /// so the bytes of an ASCII text for which `Character.isWhitespace` holds ("\r\n" is one
    /// `Character`, and both its bytes are whitespace).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }

    /// True when `text` holds the byte `byte`.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// True when `bytes` spell `word` (lower-case ASCII) in any case. No non-ASCII text lower-cases
    /// to an ASCII word such as "true", so this is `String.lowercased() == word`.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        for index in 0..<bytes.count {
            if lowercased(bytes[index]) != word.utf8Start[index] { return false }
        }
        return true
    }
}
