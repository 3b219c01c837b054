/// An HTTP response as a WARC `response` record stores it: status line, headers, body. The body is
/// as it went over the wire: possibly chunked and compressed (Common Crawl stores it decoded and
/// renames the headers to `X-Crawler-...`, which leaves nothing to undo).
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [(name: String, value: String)]
    /// Where the body starts in the record's block.
    public let bodyOffset: Int

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// The media type of `Content-Type`, lower-cased, without parameters.
    public var mediaType: String? {
        header("Content-Type").map { MediaType.essence(of: $0) }
    }

    /// The `charset` parameter of `Content-Type`.
    public var charset: String? {
        header("Content-Type").flatMap { MediaType.parameter("charset", of: $0) }
    }

    /// Reads the status line and headers from the start of `block`; nil when they are not all there
    /// (the head is longer than `block`) or the block is not an HTTP response.
    public static func head(of block: UnsafeRawBufferPointer) -> HTTPResponse? {
        var lines: [Substring] = []
        var position = 0
        while true {
            guard let newline = block[position...].firstIndex(of: 0x0A) else { return nil }
            var end = newline
            if end > position, block[end - 1] == 0x0D { end -= 1 }
            let line = String(decoding: block[position..<end], as: UTF8.self)
            position = newline + 1
            if line.isEmpty { break }
            if let first = line.first, first == " " || first == "\t", let last = lines.popLast() {
                lines.append(Substring(last + " " + line.trimmingWhitespace()))  // obsolete line folding
            } else {
                lines.append(Substring(line))
            }
        }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon].trimmingWhitespace()), String(line[line.index(after: colon)...].trimmingWhitespace())))
        }
        return HTTPResponse(status: status, headers: headers, bodyOffset: position)
    }

    public struct BodyError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The body as the server meant it: de-chunked and decompressed (`limit` bounds what
    /// decompression may produce).
    public func decodedBody(of block: UnsafeRawBufferPointer, limit: Int) throws(BodyError) -> [UInt8] {
        try decodedBody(Array(UnsafeRawBufferPointer(rebasing: block[min(bodyOffset, block.count)...])), limit: limit)
    }

    /// `raw`, the bytes after the head, as the server meant them; `raw` itself, uncopied, when it
    /// is neither chunked nor compressed.
    public func decodedBody(_ raw: [UInt8], limit: Int) throws(BodyError) -> [UInt8] {
        var body = raw
        let transfer = header("Transfer-Encoding")?.lowercased() ?? ""
        if transfer.contains("chunked") {
            body = try raw.withUnsafeBytes { bytes in Result { () throws(BodyError) in try Self.dechunk(bytes) } }.get()
        }
        let codings = (header("Content-Encoding") ?? "").lowercased().split(separator: ",").map { $0.trimmingWhitespace() }
        for coding in codings.reversed() where !coding.isEmpty && coding != "identity" {
            body = try Self.decompress(body, coding: String(coding), limit: limit)
        }
        return body
    }

    private static func decompress(_ body: [UInt8], coding: String, limit: Int) throws(BodyError) -> [UInt8] {
        do {
            switch coding {
            case "gzip", "x-gzip":
                return try body.withUnsafeBytes { try Inflater.decompress($0, limit: limit) }
            case "deflate":
                // The standard says zlib-wrapped; some servers send bare deflate data.
                if let wrapped = try? body.withUnsafeBytes({ try Inflater.decompress($0, limit: limit) }) { return wrapped }
                return try body.withUnsafeBytes { try Inflater.decompress($0, format: .raw, limit: limit) }
            default:
                throw BodyError(description: "unsupported Content-Encoding: \(coding)")
            }
        } catch let error as BodyError {
            throw error
        } catch {
            throw BodyError(description: "Content-Encoding \(coding): \(error)")
        }
    }

    /// Undoes `Transfer-Encoding: chunked`: hex size line (extensions ignored), data, CRLF, up to a 0 size.
    static func dechunk(_ raw: UnsafeRawBufferPointer) throws(BodyError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        while true {
            guard let newline = raw[position...].firstIndex(of: 0x0A) else {
                // A body cut off mid-chunk (a capped capture): keep what arrived.
                if output.isEmpty { throw BodyError(description: "malformed chunked body") }
                return output
            }
            var size = 0
            var digits = 0
            for byte in raw[position..<newline] {
                guard let digit = hexValue(byte) else { break }
                guard size < Int.max >> 4 else { throw BodyError(description: "malformed chunked body") }
                size = size << 4 | digit
                digits += 1
            }
            guard digits > 0 else { throw BodyError(description: "malformed chunked body") }
            position = newline + 1
            if size == 0 { return output }
            let end = min(position + size, raw.count)
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[position..<end]))
            if end < position + size { return output }
            position = end
            // The CRLF (or LF) after the data.
            if position < raw.count, raw[position] == 0x0D { position += 1 }
            if position < raw.count, raw[position] == 0x0A { position += 1 }
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}

/// `type/subtype; name=value` header values (Content-Type).
enum MediaType {
    static func essence(of value: String) -> String {
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingWhitespace().lowercased()
    }

    static func parameter(_ name: String, of value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            guard part[..<equals].trimmingWhitespace().lowercased() == name else { continue }
            var parameter = part[part.index(after: equals)...].trimmingWhitespace()
            if parameter.hasPrefix("\""), parameter.hasSuffix("\""), parameter.count >= 2 {
                parameter = parameter.dropFirst().dropLast()
            }
            return parameter.isEmpty ? nil : String(parameter)
        }
        return nil
    }

    /// HTML as servers label it.
    static let html: Set<String> = ["text/html", "application/xhtml+xml"]
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { Self.asciiLower($0) == Self.asciiLower($1) }
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
