/// Raw bytes of a page or scrape to valid UTF-8, whatever they are: every later stage (libxml2
/// included) sees UTF-8 only. In order: a byte order mark; the encoding the transport declared
/// (a WARC record's HTTP header, a JSON Lines record's `charset`); the page's own declaration;
/// detection. A declaration is checked against the bytes: valid UTF-8 under a legacy label is UTF-8,
/// and a label the bytes do not fit (undecodable bytes, or text far less plausible than another
/// encoding gives) is overruled by detection.
enum InputDecoder {
    struct Decoded {
        var utf8: [UInt8]
        var encoding: DetectedEncoding
        /// The bytes were checked to be valid UTF-8 (iconv's output is not checked again).
        var isValidUTF8 = false
        /// The bytes of `utf8` in `MojibakeRepair.misreadLeadBytes`, when the check counted them.
        var misreadLeads: Int?
    }

    /// A declared encoding (an iconv name) and who declared it.
    private struct Label {
        let name: String
        let source: DetectedEncoding.Source
    }

    /// A declared encoding that decodes every byte is kept unless detection finds one more plausible
    /// by this much per non-ASCII byte, and by `labelEvidence` in all: a page whose only non-ASCII
    /// byte is a "©" says nothing against its label.
    static let labelMargin = 0.25
    static let labelEvidence = 8.0

    static func decode(_ bytes: [UInt8], kind: InputKind, declared: String?) -> Decoded {
        bytes.withUnsafeBytes { raw in
            if let mark = CharsetDeclaration.byteOrderMark(raw) {
                let body = UnsafeRawBufferPointer(rebasing: raw[mark.length...])
                return convert(body, from: mark.encoding, source: .byteOrderMark)
            }
            if let utf16 = UTF16Sniffer.encoding(of: raw) {
                return convert(raw, from: utf16, source: .detected)
            }
            var label = declared.flatMap(CharsetLabel.iconvName(for:)).map { Label(name: $0, source: .transport) }
            if label == nil, kind == .html, let markup = CharsetDeclaration.declaredInMarkup(raw).flatMap(CharsetLabel.iconvName(for:)) {
                // A page that could be read far enough to find its declaration is not UTF-16 (WHATWG).
                label = Label(name: markup.hasPrefix("UTF-16") ? CharsetLabel.utf8 : markup, source: .markup)
            }
            // Bytes that are UTF-8: the label's word if it said so, else valid UTF-8 or detected against the label.
            let saidUTF8 = label?.name == CharsetLabel.utf8
            if UTF8Validator.isASCII(raw) {
                if ISO2022Sniffer.isISO2022JP(raw) { return convert(raw, from: "ISO-2022-JP", source: .detected) }
                let source = saidUTF8 ? label?.source ?? .utf8 : .utf8
                return Decoded(utf8: bytes, encoding: DetectedEncoding(name: CharsetLabel.utf8, source: source), isValidUTF8: true, misreadLeads: 0)
            }
            if let misreadLeads = UTF8Validator.misreadLeadsIfValid(raw) {
                let source = saidUTF8 ? label?.source ?? .utf8 : (label == nil ? .utf8 : .detected)
                return Decoded(utf8: bytes, encoding: DetectedEncoding(name: CharsetLabel.utf8, source: source), isValidUTF8: true, misreadLeads: misreadLeads)
            }
            if UTF8Validator.isMostlyValid(raw) {
                return convert(raw, from: CharsetLabel.utf8, source: saidUTF8 ? label?.source ?? .detected : .detected)
            }
            let best = EncodingDetector.detect(raw, extra: label?.name)
            // Without a declaration, windows-1252 (the web's default since HTML 4) stands in for one:
            // a handful of symbols is not evidence enough to read a page as Thai or Arabic.
            let standIn = label ?? Label(name: EncodingDetector.fallback, source: .detected)
            if let verdict = EncodingDetector.judge(raw, as: standIn.name),
                verdict.errors == 0,
                best.score - verdict.score < labelMargin || best.total - verdict.total < labelEvidence
            {
                return convert(raw, from: standIn.name, source: standIn.source)
            }
            return convert(raw, from: best.encoding, source: .detected)
        }
    }

    private static func convert(_ bytes: UnsafeRawBufferPointer, from encoding: String, source: DetectedEncoding.Source) -> Decoded {
        if encoding == CharsetLabel.utf8, let misreadLeads = UTF8Validator.misreadLeadsIfValid(bytes) {
            return Decoded(utf8: Array(bytes), encoding: DetectedEncoding(name: encoding, source: source), isValidUTF8: true, misreadLeads: misreadLeads)
        }
        // iconv reads UTF-8 too, replacing each invalid byte; an encoding it lacks falls back to that.
        let transcoder = Transcoder(from: encoding) ?? Transcoder(from: CharsetLabel.utf8)
        let output = transcoder?.convert(bytes) ?? Transcoder.Output(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8), errors: 0)
        return Decoded(utf8: output.utf8, encoding: DetectedEncoding(name: transcoder?.encoding ?? CharsetLabel.utf8, source: source))
    }
}

/// The encoding a document was read in, and how that was decided.
public struct DetectedEncoding: Sendable, Equatable, CustomStringConvertible {
    public enum Source: String, Sendable {
        /// A byte order mark.
        case byteOrderMark = "byte order mark"
        /// The HTTP header of a WARC record, a JSON Lines record's `charset`, or `--charset`.
        case transport = "declared by the transport"
        /// `<meta charset>`, `<meta http-equiv>` or an XML declaration.
        case markup = "declared by the page"
        /// Valid UTF-8 without any declaration.
        case utf8 = "valid UTF-8"
        /// Scored against the candidate encodings (no declaration, or one the bytes did not fit).
        case detected
    }

    /// The iconv name, e.g. `UTF-8`, `WINDOWS-1251`, `CP932` (Shift_JIS).
    public let name: String
    public let source: Source

    public var description: String { "\(name) (\(source.rawValue))" }
}
