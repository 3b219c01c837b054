/// Finds the encoding of bytes that are not UTF-8 and carry no label (or a wrong one): decodes a
/// sample in each candidate encoding and keeps the one whose text is most plausible
/// (`PlausibilityScore`). Each candidate is a superset of the standards it stands for.
enum EncodingDetector {
    /// The candidates, most common on the web first: a tie goes to the earlier one.
    static let candidates = [
        "WINDOWS-1252",  // Western European (and ISO-8859-1, -15, ASCII)
        "CP932",  // Japanese Shift_JIS
        "EUC-JP",  // Japanese
        "GB18030",  // Simplified Chinese (GB2312, GBK)
        "BIG5-HKSCS",  // Traditional Chinese
        "CP949",  // Korean (EUC-KR)
        "WINDOWS-1251",  // Cyrillic
        "KOI8-R",  // Russian
        "WINDOWS-1250",  // Central European
        "ISO-8859-2",  // Central European
        "WINDOWS-1254",  // Turkish
        "WINDOWS-1253",  // Greek
        "ISO-8859-7",  // Greek
        "WINDOWS-1257",  // Baltic
        "WINDOWS-1255",  // Hebrew
        "WINDOWS-1256",  // Arabic
        "WINDOWS-874",  // Thai
        "MACINTOSH",  // Mac OS Roman, from old Mac editors: only where windows-1252 cannot be (see below)
    ]

    /// The encoding of undeclared legacy pages unless the bytes say otherwise.
    static let fallback = "WINDOWS-1252"

    /// How much of the input to score: the segments with non-ASCII bytes, up to this many bytes.
    static let sampleLimit = 16 * 1024
    static let runLimit = 1024

    struct Verdict {
        let encoding: String
        /// Plausibility of the whole sample.
        let total: Double
        /// Non-ASCII bytes in the sample: the evidence there is.
        let nonASCII: Int
        /// Undecodable bytes in the sample.
        let errors: Int

        /// Plausibility per non-ASCII byte.
        var score: Double { total / Double(max(nonASCII, 1)) }
    }

    /// The most plausible candidate (UTF-8 included, for UTF-8 with a few broken bytes).
    /// `extra` adds a declared encoding that is not among the candidates.
    static func detect(_ bytes: UnsafeRawBufferPointer, extra: String? = nil) -> Verdict {
        let sample = Self.sample(bytes)
        let nonASCII = sample.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        var best = Verdict(encoding: fallback, total: -.infinity, nonASCII: nonASCII, errors: 0)
        var names = [CharsetLabel.utf8] + candidates
        if let extra, !names.contains(extra) { names.append(extra) }
        var fallbackFits = false
        for name in names {
            // Mac Roman turns windows-1252's curly quotes into plausible accented letters (’ into í):
            // it is a candidate only for bytes that windows-1252 leaves undefined.
            if name == "MACINTOSH", fallbackFits { continue }
            guard let verdict = judge(sample, nonASCII: nonASCII, as: name) else { continue }
            if name == fallback { fallbackFits = verdict.errors == 0 }
            if verdict.total > best.total { best = verdict }
        }
        return best
    }

    /// The plausibility of the sample of `bytes` read as `encoding`.
    static func judge(_ bytes: UnsafeRawBufferPointer, as encoding: String) -> Verdict? {
        let sample = Self.sample(bytes)
        return judge(sample, nonASCII: sample.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }, as: encoding)
    }

    private static func judge(_ sample: [UInt8], nonASCII: Int, as encoding: String) -> Verdict? {
        guard let transcoder = Transcoder(from: encoding) else { return nil }
        let output = sample.withUnsafeBytes { transcoder.convert($0) }
        let text = String(decoding: output.utf8, as: UTF8.self)
        let score = PlausibilityScore.score(Array(text.unicodeScalars))
        return Verdict(encoding: encoding, total: score, nonASCII: nonASCII, errors: output.errors)
    }

    /// The parts of the input that tell encodings apart: every run between separators (space, line
    /// break, `<`, `>`) that holds a non-ASCII byte, with its separator. Cutting only at these bytes
    /// never splits a character: no double-byte encoding uses them as a second byte. A run longer
    /// than `runLimit` (binary data, text without spaces) is cut where it reaches the limit.
    static func sample(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var sample: [UInt8] = []
        var start = 0
        var hasHigh = false
        var index = 0
        let count = bytes.count
        while index < count, sample.count < sampleLimit {
            let byte = bytes[index]
            if byte >= 0x80 {
                hasHigh = true
            }
            if index - start >= runLimit {
                if hasHigh {
                    sample.append(0x20)
                    sample.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                }
                start = index
                hasHigh = byte >= 0x80
            } else if byte < 0x80, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x3C || byte == 0x3E || byte == 0x09 {
                if hasHigh {
                    sample.append(0x20)
                    sample.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                }
                start = index + 1
                hasHigh = false
            }
            index += 1
        }
        if hasHigh, sample.count < sampleLimit {
            sample.append(0x20)
            sample.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<min(index, count)]))
        }
        return sample
    }
}
