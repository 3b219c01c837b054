/// Reads WARC files (ISO 28500, WARC/1.0 and 1.1, as Common Crawl writes them) record by record
/// and keeps the `response` records whose HTTP payload is HTML. One record is in memory at a time;
/// other records (request, metadata, warcinfo, images, PDFs) are skipped without being kept.
public final class WARCReader {
    /// A `response` record with an HTML payload, ready for a worker to decode and clean.
    public struct Response: Sendable {
        /// `WARC-Record-ID`.
        public let id: String?
        /// `WARC-Target-URI`.
        public let url: String?
        /// `WARC-Date`: when the page was fetched.
        public let date: String?
        public let http: HTTPResponse
        /// The HTTP body as the record holds it (possibly chunked or compressed): the record's block
        /// from `http.bodyOffset` on.
        public let body: [UInt8]
        /// Why the record cannot be cleaned, found while reading it (too large).
        public let problem: String?
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    private let reader: ByteReader
    private let name: String

    /// A header line longer than this is not a WARC header: the file is damaged or not WARC.
    static let maxHeaderLine = 1 << 16
    /// Enough of a block to hold any real HTTP head, so non-HTML records can be skipped unread.
    static let headPrefix = 1 << 16
    /// HTML payloads beyond this are reported, not read (Common Crawl caps its captures at 1 MiB).
    public static let maxPayload = 64 << 20

    public init(_ reader: ByteReader, name: String) {
        self.reader = reader
        self.name = name
    }

    /// The next HTML response, nil at the end of the file. Throws on a file that is not valid WARC
    /// from that point on (the records before it were already returned).
    public func next() throws -> Response? {
        while let headers = try readHeaders() {
            guard let lengthText = value("Content-Length", in: headers), let length = Int(lengthText), length >= 0 else {
                throw failure("WARC record without a valid Content-Length")
            }
            let type = value("WARC-Type", in: headers)?.lowercased()
            let contentType = value("Content-Type", in: headers).map(MediaType.essence(of:))
            guard type == "response", contentType == nil || contentType == "application/http" else {
                try skip(length)
                continue
            }
            // The HTTP head is read where it lies in the reader's buffer; only the body is copied out.
            let prefixLength = min(length, Self.headPrefix)
            let head = try reader.peek(count: prefixLength) { prefix -> HTTPResponse?? in
                guard prefix.count == prefixLength else { return nil }
                guard let http = HTTPResponse.head(of: prefix), isHTML(http, warcHeaders: headers, prefix: prefix) else { return .some(nil) }
                return http
            }
            guard let head else {
                try reader.skip(count: prefixLength)
                throw failure("WARC record is truncated")
            }
            guard let http = head else {
                try skip(length)
                continue
            }
            let id = value("WARC-Record-ID", in: headers)
            let url = value("WARC-Target-URI", in: headers)
            let date = value("WARC-Date", in: headers)
            if length > Self.maxPayload {
                try skip(length)
                return Response(id: id, url: url, date: date, http: http, body: [], problem: "payload of \(length) bytes is larger than \(Self.maxPayload >> 20) MiB")
            }
            try skip(http.bodyOffset)
            let body = try reader.read(count: length - http.bodyOffset)
            guard body.count == length - http.bodyOffset else { throw failure("WARC record is truncated") }
            return Response(id: id, url: url, date: date, http: http, body: body, problem: nil)
        }
        return nil
    }

    /// The HTTP Content-Type says HTML; without one, Common Crawl's identified payload type; without
    /// either, the body's first bytes.
    private func isHTML(_ http: HTTPResponse, warcHeaders: [(name: String, value: String)], prefix: UnsafeRawBufferPointer) -> Bool {
        if let mediaType = http.mediaType, !mediaType.isEmpty { return MediaType.html.contains(mediaType) }
        if let identified = value("WARC-Identified-Payload-Type", in: warcHeaders) {
            return MediaType.html.contains(MediaType.essence(of: identified))
        }
        return InputSniffer.detect(UnsafeRawBufferPointer(rebasing: prefix[min(http.bodyOffset, prefix.count)...])) == .html
    }

    /// The version line and named fields of the next record; nil at the end of the file.
    private func readHeaders() throws -> [(name: String, value: String)]? {
        // Records end with two CRLFs; blank lines between records are skipped.
        var versionLine: [UInt8] = []
        while true {
            guard let line = try reader.readLine(limit: Self.maxHeaderLine) else { return nil }
            guard case .line(let bytes) = line else { throw failure("not a WARC record (overlong line)") }
            if bytes.isEmpty { continue }
            versionLine = bytes
            break
        }
        guard versionLine.starts(with: Array("WARC/".utf8)) else { throw failure("not a WARC record") }
        var headers: [(name: String, value: String)] = []
        while true {
            guard let line = try reader.readLine(limit: Self.maxHeaderLine) else { throw failure("WARC record is truncated") }
            guard case .line(let bytes) = line else { throw failure("WARC header line too long") }
            if bytes.isEmpty { return headers }
            let text = String(decoding: bytes, as: UTF8.self)
            if let first = text.first, first == " " || first == "\t", let last = headers.popLast() {
                headers.append((last.name, last.value + " " + text.trimmingWhitespace()))
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { throw failure("malformed WARC header line") }
            headers.append((String(text[..<colon].trimmingWhitespace()), String(text[text.index(after: colon)...].trimmingWhitespace())))
        }
    }

    private func value(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    private func skip(_ count: Int) throws {
        guard try reader.skip(count: count) == count else { throw failure("WARC record is truncated") }
    }

    private func failure(_ message: String) -> FormatError {
        FormatError(description: "\(name): \(message) (at byte \(reader.offset) of the uncompressed stream)")
    }
}

extension WARCReader.Response {
    /// Decodes the HTTP body and cleans it: the record's JSON line, or its error line.
    public func clean(with cleaner: Cleaner, options: CleanOptions) -> RecordCleaner.Output {
        let id = self.id.map { JSONValue.string(Array($0.utf8)) }
        let url = self.url.map { JSONValue.string(Array($0.utf8)) }
        if let problem { return RecordCleaner.failure(id: id, url: url, problem) }
        let body: [UInt8]
        do {
            body = try http.decodedBody(self.body, limit: WARCReader.maxPayload)
        } catch {
            return RecordCleaner.failure(id: id, url: url, "\(error)")
        }
        var options = options
        options.input = .html
        options.metadata = true
        options.url = self.url
        // The header's charset wins over the page's own, unless the bytes do not fit it (InputDecoder).
        options.encoding = http.charset
        let result = cleaner.clean(body, options: options)
        if let failure = result.failure { return RecordCleaner.failure(id: id, url: url, "\(failure)") }
        // The fetch day, as trafilatura's `filedate` is the day a file was downloaded.
        let filedate = date.flatMap(DateNormalizer.normalize)
        return RecordCleaner.Output(line: RecordCleaner.line(for: result, id: id, url: url, filedate: filedate, markdown: options.markdown), failed: false)
    }
}
