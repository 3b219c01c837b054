/// Whitespace rules shared by both input paths: runs of spaces and tabs collapse to one space,
/// control characters go (output is always clean UTF-8 text), lines are trimmed.
///
/// Both rules work on UTF-8 bytes: every page's text goes through here, and a byte loop with an
/// ASCII fast path costs a fraction of walking Unicode scalars (same result: the scalar rules are
/// spelled out in `UnicodeWhitespace`).
enum TextNormalizer {
    static func normalizeLine<S: StringProtocol>(_ line: S) -> String {
        if let normalized = line.utf8.withContiguousStorageIfAvailable({ normalizeLine(utf8: $0) ?? "" }) {
            return normalized
        }
        var copy = String(line)
        return copy.withUTF8 { normalizeLine(utf8: $0) ?? "" }
    }

    /// `normalizeLine` of UTF-8 bytes. Invalid UTF-8 is read as `String(decoding:)` reads it
    /// (each bad sequence a U+FFFD).
    static func normalizeLine(bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isNormalizedASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        if let normalized = normalizeLine(utf8: bytes) { return normalized }
        return normalizeLine(String(decoding: bytes, as: UTF8.self))
    }

    /// True when `bytes` are printable ASCII with single spaces between words and none at the
    /// ends, as most lines of a text scrape are: normalizing leaves them as they are.
    private static func isNormalizedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var afterSpace = true
        for byte in bytes {
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
            } else if byte &- 0x21 < 0x5E {
                afterSpace = false
            } else {
                return false
            }
        }
        return !afterSpace || bytes.isEmpty
    }

    /// Nil when `bytes` are not valid UTF-8. Written to scratch memory, then copied into the
    /// String without the validation `String(unsafeUninitializedCapacity:)` runs: the output holds
    /// printable ASCII, single spaces and whole scalars `UTF8Scalar.decode` accepted, valid UTF-8.
    private static func normalizeLine(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output -> String? in
            var count = 0
            var ascii = true
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    // ASCII whitespace (9-13, 32) and controls (below 32, 127) both make a space.
                    if byte <= 0x20 || byte == 0x7F {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                    continue
                }
                guard let (scalar, length) = UTF8Scalar.decode(bytes, at: index) else { return nil }
                if UnicodeWhitespace.isSpaceOrControl(scalar) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                    count += length
                    ascii = false
                }
                index += length
            }
            guard count > 0 else { return "" }
            return ValidUTF8.string(UnsafeBufferPointer(rebasing: output[..<count]), isASCII: ascii)
        }
    }
}

extension TextNormalizer {
    /// Preformatted text keeps its spacing; only control characters and trailing spaces go.
    static func normalizePreformatted<S: StringProtocol>(_ line: S) -> String {
        if let normalized = line.utf8.withContiguousStorageIfAvailable({ normalizePreformatted(utf8: $0) }), let normalized {
            return normalized
        }
        var output = ""
        for scalar in line.unicodeScalars {
            if scalar == "\t" || !UnicodeWhitespace.isControl(scalar.value) {
                output.unicodeScalars.append(scalar)
            }
        }
        while let last = output.last, last.isWhitespace { output.removeLast() }
        return output
    }

    /// `normalizePreformatted` of UTF-8 bytes, with the same reading of invalid UTF-8 as `normalizeLine(bytes:)`.
    static func normalizePreformatted(bytes: UnsafeBufferPointer<UInt8>) -> String {
        normalizePreformatted(utf8: bytes) ?? normalizePreformatted(String(decoding: bytes, as: UTF8.self))
    }

    /// Nil when `bytes` are not valid UTF-8, or when the line's end is not plain ASCII: trailing
    /// whitespace goes by Characters, and only for ASCII is a Character the same as a scalar.
    private static func normalizePreformatted(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var exact = true
        let result = String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            // Where the output ends without its trailing whitespace, and whether that end is all ASCII.
            var trimmedCount = 0
            var asciiEnd = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    if byte != 0x09 && (byte < 0x20 || byte == 0x7F) { continue }
                    output[count] = byte
                    count += 1
                    if byte != 0x20 && byte != 0x09 {
                        trimmedCount = count
                        asciiEnd = true
                    }
                    continue
                }
                guard let (scalar, length) = UTF8Scalar.decode(bytes, at: index) else {
                    exact = false
                    return 0
                }
                if !UnicodeWhitespace.isControl(scalar) {
                    for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                    count += length
                    if !UnicodeWhitespace.isWhitespace(scalar) { trimmedCount = count }
                    asciiEnd = false
                }
                index += length
            }
            if !asciiEnd { exact = false }
            return trimmedCount
        }
        return exact ? result : nil
    }
}

/// The scalars `Unicode.Scalar.Properties.isWhitespace` (White_Space) and the controls the normalizer drops.
enum UnicodeWhitespace {
    /// White_Space (Unicode's PropList.txt): fixed since Unicode 6.3.
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: UInt32) -> Bool {
        scalar < 0x20 || scalar == 0x7F || (0x80...0x9F).contains(scalar)
    }

    /// What `normalizeLine` turns into a single space: whitespace, controls and the BOM.
    static func isSpaceOrControl(_ scalar: UInt32) -> Bool {
        isWhitespace(scalar) || isControl(scalar) || scalar == 0xFEFF
    }
}

/// Decoding one scalar of UTF-8, strictly (no overlong forms, surrogates or values past U+10FFFF).
enum UTF8Scalar {
    /// The scalar starting at `index` and its length in bytes; nil for an invalid sequence.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= lower, second <= upper else { return nil }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        scalar = scalar << 6 | UInt32(second & 0x3F)
        var offset = 2
        while offset < length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(next & 0x3F)
            offset += 1
        }
        return (scalar, length)
    }
}
