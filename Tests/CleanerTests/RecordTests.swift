import XCTest

@testable import Cleaner

/// JSON, gzip, HTTP and WARC pieces of the streaming modes.
final class RecordTests: XCTestCase {
    /// `printf 'hello\n' | gzip -n` and the same for "world".
    static let helloGzip: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7, 0x02, 0x00,
        0x20, 0x30, 0x3a, 0x36, 0x06, 0x00, 0x00, 0x00,
    ]
    static let worldGzip: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0xcf, 0x2f, 0xca, 0x49, 0xe1, 0x02, 0x00,
        0xa8, 0x61, 0x38, 0xdd, 0x06, 0x00, 0x00, 0x00,
    ]

    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func parseFails(_ bytes: [UInt8], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try JSONParser.parse(bytes)
            XCTFail("parsed: \(bytes)", file: file, line: line)
        } catch {
            XCTAssertTrue(error.description.contains(message), error.description, file: file, line: line)
        }
    }

    func testJSONValuesAndEscapes() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "s": "q\"b\\s\/ \n\t\u00e9\ud83d\ude00", "o": {}} "#)
        XCTAssertEqual(value["a"], .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(value["s"]?.string, "q\"b\\s/ \n\té😀")
        XCTAssertEqual(value["o"], .object([]))
        XCTAssertEqual(try parse(#""\ud800 lone""#).string, "\u{FFFD} lone", "a lone surrogate becomes U+FFFD")
        XCTAssertEqual(try parse("\"caf\u{E9}\"").string, "café", "raw UTF-8 is taken as it is")
    }

    func testMalformedJSONIsRefusedWithAPosition() {
        parseFails(Array("{\"a\": 1,}".utf8), "expected a string key at byte 9")
        parseFails(Array("{\"a\": 1} x".utf8), "unexpected data after the value")
        parseFails(Array("\"tab\there\"".utf8), "control character")
        parseFails([0x22, 0xC3, 0x28, 0x22], "invalid UTF-8")
        parseFails([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8")  // an encoded surrogate
        parseFails(Array("01".utf8), "unexpected data")
        parseFails(Array("\"\\x\"".utf8), "invalid escape")
        parseFails(Array(repeating: UInt8(ascii: "["), count: 100_000), "nested too deeply")
    }

    func testWriterEscapesWhatJSONNeeds() throws {
        var writer = JSONWriter()
        writer.add("text", "a \"quote\", a \\, a\nnewline, a \u{01} and é")
        writer.add("id", JSONValue.number("12345678901234567890"))
        writer.add("missing", nil as String?)
        let line = writer.finishLine()
        XCTAssertEqual(String(decoding: line, as: UTF8.self), #"{"text":"a \"quote\", a \\, a\nnewline, a \u0001 and é","id":12345678901234567890}"# + "\n")
        XCTAssertEqual(try JSONParser.parse(Array(line.dropLast()))["text"]?.string, "a \"quote\", a \\, a\nnewline, a \u{01} and é")
    }

    func testRecordsCleanAndEchoIdAndURL() {
        let cleaner = Cleaner(library: RuleLibrary())
        let output = RecordCleaner.clean(line: Array(#"{"url": "https://x.test/a", "id": {"n": 1}, "html": "<title>T</title><p>The body of the story.</p>"}"#.utf8), with: cleaner, options: CleanOptions())
        XCTAssertFalse(output.failed)
        XCTAssertEqual(String(decoding: output.line, as: UTF8.self), #"{"id":{"n":1},"url":"https://x.test/a","title":"T","hostname":"x.test","sitename":"x.test","input":"html","fingerprint":"de7e6bfafbe57e0e","text":"The body of the story."}"# + "\n")
        let bad = RecordCleaner.clean(line: Array(#"{"id": 3, "url": 4, "text": "x"}"#.utf8), with: cleaner, options: CleanOptions())
        XCTAssertTrue(bad.failed)
        XCTAssertEqual(String(decoding: bad.line, as: UTF8.self), #"{"id":3,"url":4,"error":"\"url\" is not a string"}"# + "\n")
    }

    func testGzipMembersFollowOneAnother() throws {
        XCTAssertEqual(try Gzip.decompress(Self.helloGzip + Self.worldGzip, limit: 100), Array("hello\nworld\n".utf8))
        XCTAssertThrowsError(try Gzip.decompress(Array(Self.helloGzip.dropLast(3)), limit: 100))
        XCTAssertThrowsError(try Gzip.decompress(Self.helloGzip + [0, 0], limit: 100), "trailing bytes are reported, not dropped")
        XCTAssertThrowsError(try Gzip.decompress(Self.helloGzip, limit: 3), "output past the limit is refused")
    }

    func testGzipStreamReadsMembersInSmallPieces() throws {
        let stream = try GzipStream(MemoryStream(Self.helloGzip + Self.worldGzip, piece: 3), name: "test")
        let reader = ByteReader(stream, chunk: 4)
        var lines: [String] = []
        while case .line(let bytes)? = try reader.readLine(limit: 100) { lines.append(String(decoding: bytes, as: UTF8.self)) }
        XCTAssertEqual(lines, ["hello", "world"])
        let cut = ByteReader(try GzipStream(MemoryStream(Array(Self.helloGzip.dropLast(2)), piece: 5), name: "cut.gz"))
        XCTAssertThrowsError(try { while try cut.readLine(limit: 100) != nil {} }()) { XCTAssertEqual("\($0)", "cut.gz: gzip data is truncated") }
    }

    func testLinesKeepTheirCountAndLongOnesAreSkipped() throws {
        let reader = ByteReader(MemoryStream(Array("one\r\n\n\(String(repeating: "x", count: 50))\nlast".utf8), piece: 7), chunk: 8)
        var lines: [String] = []
        while let line = try reader.readLine(limit: 20) {
            switch line {
            case .line(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let length): lines.append("too long: \(length)")
            }
        }
        XCTAssertEqual(lines, ["one", "", "too long: 50", "last"])
    }

    func testHTTPHeadChunksAndCharset() throws {
        let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n  charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n".utf8)
        try block.withUnsafeBytes { bytes in
            let response = try XCTUnwrap(HTTPResponse.head(of: bytes))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.mediaType, "text/html")
            XCTAssertEqual(response.charset, "ISO-8859-1")
            XCTAssertEqual(try response.decodedBody(of: bytes, limit: 1000), Array("Wikipedia".utf8))
        }
        XCTAssertNil(Array("GET / HTTP/1.1\r\n\r\n".utf8).withUnsafeBytes { HTTPResponse.head(of: $0) })
    }

    func testHeaderCharsetWinsUnlessTheBytesAreUTF8() {
        let cleaner = Cleaner(library: RuleLibrary())
        func read(_ bytes: [UInt8], header: String?) -> String {
            cleaner.clean(bytes, options: CleanOptions(input: .html, encoding: header)).text
        }
        let utf8Page = Array("<p>café</p>".utf8)
        let latin1Page: [UInt8] = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        XCTAssertEqual(read(utf8Page, header: "iso-8859-1"), "café")
        XCTAssertEqual(read(latin1Page, header: "iso-8859-1"), "café")
        XCTAssertEqual(read(utf8Page, header: "Shift_JIS"), "café")
        XCTAssertEqual(read(utf8Page, header: nil), "café")
        // Shift_JIS bytes under a Shift_JIS header, a <meta> saying otherwise.
        let japanese: [UInt8] = Array("<meta charset=iso-8859-1><p>".utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array("</p>".utf8)
        XCTAssertEqual(read(japanese, header: "Shift_JIS"), "日本")
    }

    func testWARCReaderSkipsWhatIsNotAnHTMLResponse() throws {
        func record(_ type: String, _ block: String, contentType: String = "application/http; msgtype=response") -> String {
            "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Target-URI: https://x.test/\(type)\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.utf8.count)\r\n\r\n\(block)\r\n\r\n"
        }
        let warc = record("warcinfo", "format: WARC\r\n", contentType: "application/warc-fields")
            + record("response", "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF")
            + record("response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>One</p>")
            + record("response", "HTTP/1.1 200 OK\r\n\r\n<!DOCTYPE html><p>Two</p>")
        let reader = WARCReader(ByteReader(MemoryStream(Array(warc.utf8), piece: 13)), name: "t.warc")
        var bodies: [String] = []
        while let response = try reader.next() {
            bodies.append(String(decoding: response.body, as: UTF8.self))
        }
        XCTAssertEqual(bodies, ["<p>One</p>", "<!DOCTYPE html><p>Two</p>"])
        let broken = WARCReader(ByteReader(MemoryStream(Array("HTTP/1.1 200 OK\r\n\r\n".utf8), piece: 100)), name: "x.warc")
        XCTAssertThrowsError(try broken.next()) { XCTAssertTrue("\($0)".hasPrefix("x.warc: not a WARC record"), "\($0)") }
    }
}

/// Bytes from memory, handed out `piece` at a time to exercise every buffer boundary.
final class MemoryStream: ByteStream {
    private let bytes: [UInt8]
    private let piece: Int
    private var position = 0

    init(_ bytes: [UInt8], piece: Int) {
        self.bytes = bytes
        self.piece = piece
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(piece, buffer.count, bytes.count - position)
        for index in 0..<count { buffer[index] = bytes[position + index] }
        position += count
        return count
    }
}
