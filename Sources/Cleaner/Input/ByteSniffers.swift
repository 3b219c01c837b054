/// Fast checks on raw bytes, before any decoding.
enum UTF8Validator {
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count >= 8 else {
            for byte in bytes where byte >= 0x80 { return false }
            return true
        }
        // Eight bytes at a time: the high bit of any byte set means non-ASCII. The last word
        // overlaps the one before it rather than leaving up to seven bytes to test one by one
        // (most callers test one line).
        var index = 0
        while index + 8 < count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & ByteLanes.highBits != 0 { return false }
            index += 8
        }
        return bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) & ByteLanes.highBits == 0
    }

    /// The index of the first byte from `index` that is not ASCII, or `bytes.count`.
    @inline(__always)
    private static func nextNonASCII(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int {
        var index = index
        let count = bytes.count
        // (Four words a turn through ASCII runs, most of a page: one test and branch for 32 bytes.)
        while index + 32 <= count,
            (bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) | bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self) | bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                & ByteLanes.highBits == 0
        {
            index += 32
        }
        while index + 8 <= count {
            let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & ByteLanes.highBits
            // Straight to the first byte past ASCII, not through the ASCII before it one by one.
            if high != 0 { return index + high.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count, bytes[index] < 0x80 { index += 1 }
        return index
    }

    /// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        tally(bytes, stopAtFirstError: true).invalid == 0
    }

    /// For valid UTF-8 (strict, as `isValid`), its characters whose lead byte is one of
    /// `MojibakeRepair.misreadLeadBytes` (then exactly the bytes in that range), counted on the
    /// walk that checks it rather than on a second walk; nil for bytes that are not valid UTF-8.
    static func misreadLeadsIfValid(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let counts = tally(bytes, stopAtFirstError: true)
        return counts.invalid == 0 ? counts.misreadLeads : nil
    }

    /// UTF-8 with a few broken bytes (a cut, a stray Latin-1 byte) rather than another encoding:
    /// text in a legacy encoding forms valid multi-byte UTF-8 sequences only by chance, and has far
    /// more bytes that form none (at most one valid sequence per two broken bytes in the legacy
    /// pages of the bench sets and the encoding fixtures). At most one broken byte per `brokenRatio`
    /// valid sequences counts as UTF-8.
    static func isMostlyValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let counts = tally(bytes, stopAtFirstError: false)
        return counts.multiByte > 0 && counts.invalid * brokenRatio <= counts.multiByte
    }

    static let brokenRatio = 3

    /// Valid multi-byte sequences, bytes that start none, and the valid sequences that start
    /// with one of `MojibakeRepair.misreadLeadBytes`.
    static func tally(_ bytes: UnsafeRawBufferPointer, stopAtFirstError: Bool) -> (multiByte: Int, invalid: Int, misreadLeads: Int) {
        var multiByte = 0
        var invalid = 0
        var misreadLeads = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // A character past ASCII is checked at once; so is the next one right after it, as
            // in scripts other than Latin, without a look for ASCII first.
            let lead = bytes[index]
            if lead < 0x80 {
                index = nextNonASCII(bytes, from: index + 1)
                continue
            }
            // Two bytes (Latin accents, Cyrillic, Greek, Hebrew, Arabic), the commonest: no bounds to set.
            if lead >= 0xC2, lead <= 0xDF, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                multiByte += 1
                index += 2
                continue
            }
            var length = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: break
            }
            var valid = length > 0 && index + length <= count
            if valid {
                let second = bytes[index + 1]
                valid = second >= low && second <= high
                for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
            }
            if valid {
                multiByte += 1
                if MojibakeRepair.misreadLeadBytes.contains(lead) { misreadLeads += 1 }
                index += length
            } else if length > 0, index + length > count {
                // A sequence cut short by the end of the input: one broken character.
                invalid += 1
                break
            } else {
                invalid += 1
                if stopAtFirstError { break }
                index += 1
            }
        }
        return (multiByte, invalid, misreadLeads)
    }
}

/// UTF-16 without a byte order mark: text in Latin script has a zero byte in every other position.
enum UTF16Sniffer {
    static func encoding(of bytes: UnsafeRawBufferPointer) -> String? {
        let limit = min(bytes.count, 4096) & ~1
        guard limit >= 8 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        var index = 0
        // Eight bytes at a time (every page is sniffed): each zero byte adds one to a 16-bit lane,
        // the even offsets' lanes in one sum and the odd ones' in the other (at most 512 a lane).
        var evenLanes: UInt64 = 0
        var oddLanes: UInt64 = 0
        while index + 8 <= limit {
            let zeros = ByteLanes.equal(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)), 0)
            evenLanes &+= (zeros >> 7) & 0x0001_0001_0001_0001
            oddLanes &+= (zeros >> 15) & 0x0001_0001_0001_0001
            index += 8
        }
        for shift in stride(from: 0, to: 64, by: 16) {
            evenZeros += Int((evenLanes >> UInt64(shift)) & 0xFFFF)
            oddZeros += Int((oddLanes >> UInt64(shift)) & 0xFFFF)
        }
        while index < limit {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
            index += 2
        }
        let pairs = limit / 2
        // Most code units zero on one side and almost none on the other.
        if oddZeros * 10 >= pairs * 7, evenZeros * 20 <= pairs { return "UTF-16LE" }
        if evenZeros * 10 >= pairs * 7, oddZeros * 20 <= pairs { return "UTF-16BE" }
        return nil
    }
}

/// ISO-2022-JP is 7-bit: Japanese mail-style pages switch to JIS X 0208 with `ESC $ B` or `ESC $ @`.
enum ISO2022Sniffer {
    static func isISO2022JP(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0x1B, bytes[index + 1] == 0x24, bytes[index + 2] == 0x42 || bytes[index + 2] == 0x40 { return true }
            index += 1
        }
        return false
    }
}
