import Glibc

/// Repairs a plain-text scrape whose UTF-8 was once read as a CJK double-byte encoding and written
/// out again as UTF-8 ("涓枃" for "中文"): a scraper that guessed the page's charset wrong. Such
/// text is unreadable, and every later stage (the line weights of `main_text`, the rules) misreads
/// it. Written back in the encoding it was misread as, it gives the original UTF-8 again, less the
/// bytes the misreading lost (each a U+FFFD there, one U+FFFD here); text truly in that script,
/// written back in its encoding, is almost never valid UTF-8. So the repair is taken only when
/// nearly all the non-ASCII bytes it gives are valid UTF-8.
enum MojibakeRepair {
    /// The encodings UTF-8 is commonly misread as (iconv names), tried in order: simplified and
    /// traditional Chinese, Japanese, Korean. A Latin-1 misreading ("Ã©") is left alone: that text
    /// stays readable, and it is often mixed with correct text, which a repair would break.
    static let misreadEncodings = ["GB18030", "BIG5", "CP932", "CP949"]
    /// A misreading turns each pair of UTF-8 bytes into a CJK ideograph, kana or hangul: 3-byte
    /// UTF-8 sequences whose lead byte is one of these (U+3000 to U+DFFF, and the compatibility
    /// and private-use ranges a pair may land in). A text with fewer than `minMisreadScalars` of
    /// them is not tried.
    static let misreadLeadBytes: ClosedRange<UInt8> = 0xE3...0xEF
    static let minMisreadScalars = 32
    /// The repair is first tried on this many bytes from the first such scalar (some 300 CJK
    /// characters, enough to tell a misreading at 0.95 from real text at 0.42 at most): a text
    /// that is not a misreading fails there, without a pass over the whole text.
    static let sampleBytes = 1024
    /// The share of the written-back non-ASCII bytes that must be valid UTF-8 (the rest are the
    /// sequences cut by the bytes the misreading lost: a few in a hundred for GBK, one in ten for
    /// Shift_JIS, whose single-byte katakana and undefined bytes break more pairs). Text truly in
    /// a CJK script, written back, gives less than half (0.42 at most over the Chinese, Japanese
    /// and Korean scrapes of the bench sets): its byte pairs fall into UTF-8's pattern of a lead
    /// byte and continuation bytes only by chance...
    static let minValidShare = 0.75
    /// ...in at least this many multi-byte sequences.
    static let minSequences = 16
    /// The share of scalars the encoding may lack: text misread as it holds none but U+FFFD.
    static let maxUnencodableShare = 0.02

    /// `decoded` repaired, or as it is when it is no misreading.
    static func repaired(_ decoded: InputDecoder.Decoded) -> InputDecoder.Decoded {
        guard let repaired = repair(decoded.utf8, misreadLeads: decoded.misreadLeads) else { return decoded }
        var result = decoded
        result.utf8 = repaired
        result.isValidUTF8 = true
        result.misreadLeads = nil
        return result
    }

    /// The original UTF-8 of `utf8`, nil when it is no misreading of a `misreadEncodings` one.
    /// `misreadLeads`: the bytes of `utf8` in `misreadLeadBytes`, when the decoder's check
    /// counted them already.
    static func repair(_ utf8: [UInt8], misreadLeads: Int? = nil) -> [UInt8]? {
        // Counted eight bytes at a time when not known: most scrapes hold none, and a walk a
        // byte cost about seven instructions a byte of every scrape.
        let leads = misreadLeads ?? utf8.withUnsafeBufferPointer { ByteLanes.count(in: misreadLeadBytes, $0) }
        guard leads >= minMisreadScalars, let first = utf8.firstIndex(where: misreadLeadBytes.contains) else { return nil }
        let sample = Array(utf8[first..<min(utf8.count, first + sampleBytes)])
        for encoding in misreadEncodings {
            guard let written = writeBack(sample, in: encoding), isMostlyUTF8(written) else { continue }
            guard let whole = writeBack(utf8, in: encoding), isMostlyUTF8(whole) else { return nil }
            return Array(String(decoding: whole, as: UTF8.self).utf8)
        }
        return nil
    }

    /// `utf8` written in `encoding`, U+FFFD left out (its bytes are lost); nil when the encoding is
    /// unknown or lacks more than `maxUnencodableShare` of the non-ASCII scalars.
    static func writeBack(_ utf8: [UInt8], in encoding: String) -> [UInt8]? {
        var scalars = 0
        for byte in utf8 where byte >= 0xC0 { scalars += 1 }
        let budget = Int(maxUnencodableShare * Double(scalars))
        // From the pool: the same four encodings are tried on every such scrape.
        guard let descriptor = IconvPool.take(to: encoding, from: "UTF-8") else { return nil }
        defer { IconvPool.giveBack(descriptor, to: encoding, from: "UTF-8") }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var unencodable = 0
        // One chunk to iconv: false once the encoding lacks more scalars than `budget`.
        func flush(_ chunk: Range<Int>) -> Bool {
            guard !chunk.isEmpty else { return true }
            return utf8.withUnsafeBufferPointer { bytes -> Bool in
                guard let base = bytes.baseAddress else { return true }
                var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: UnsafeRawPointer(base + chunk.lowerBound).assumingMemoryBound(to: CChar.self))
                var inputLeft = chunk.count
                while inputLeft > 0 {
                    let (status, produced) = buffer.withUnsafeMutableBytes { raw -> (Int, Int) in
                        var out: UnsafeMutablePointer<CChar>? = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                        var outLeft = raw.count
                        let status = iconv(descriptor, &input, &inputLeft, &out, &outLeft)
                        return (status, raw.count - outLeft)
                    }
                    output.append(contentsOf: buffer[0..<produced])
                    guard status == -1 else { break }
                    if errno == E2BIG { continue }
                    // A scalar the encoding lacks (or a broken sequence): left out.
                    unencodable += 1
                    guard unencodable <= budget else { return false }
                    let skip = min(max(sequenceLength(input.map { UInt8(truncatingIfNeeded: $0.pointee) } ?? 0), 1), inputLeft)
                    input = input.map { $0 + skip }
                    inputLeft -= skip
                    iconv(descriptor, nil, nil, nil, nil)
                }
                return true
            }
        }
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] == 0xBD {
                guard flush(start..<index) else { return nil }
                index += 3
                start = index
                continue
            }
            // Cut at a scalar's start: the encodings are stateless.
            if index - start >= chunkBytes, byte < 0x80 || byte >= 0xC0 {
                guard flush(start..<index) else { return nil }
                start = index
            }
            index += 1
        }
        guard flush(start..<utf8.count) else { return nil }
        return output
    }

    /// Bytes handed to iconv at a time: on each scalar the encoding lacks, glibc reads the chunk
    /// again from its start to find where it stopped, so long chunks make text in another
    /// script cost quadratic time.
    static let chunkBytes = 256

    /// The length of the UTF-8 sequence `lead` opens (1 for a stray byte).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    /// Nearly all non-ASCII bytes of `bytes` are valid UTF-8, in at least `minSequences` sequences.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var valid = 0
            var invalid = 0
            var sequences = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    index += 1
                } else if let (_, length) = UTF8Scalar.decode(bytes, at: index) {
                    valid += length
                    sequences += 1
                    index += length
                } else {
                    invalid += 1
                    index += 1
                }
            }
            return sequences >= minSequences && Double(valid) >= minValidShare * Double(valid + invalid)
        }
    }
}
