import Foundation
import XCTest

/// Bad input in the stream modes: every JSON line still gets exactly one output line, in order;
/// damaged files are reported and what came before the damage is kept; encodings declared by the
/// record (JSON Lines `charset`, WARC HTTP header) are honoured.
extension CLITests {

    private func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
    }

    private func warc(_ uri: String, headers: [String], body: Data) -> Data {
        let http = Data(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
        return Data("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(http.count)\r\n\r\n".utf8)
            + http + Data("\r\n\r\n".utf8)
    }

    /// Random bytes, NUL and control characters, invalid UTF-8 and very long lines among good
    /// records: one output line per input line, in order, each a JSON object; status 1.
    func testJSONLinesGiveOneLinePerLineWhateverTheLines() throws {
        var generator = SplitMix64Generator(seed: 412_007)
        var lines: [Data] = []
        for index in 0..<40 {
            switch index % 5 {
            case 0: lines.append(Data("{\"id\":\(index),\"text\":\"Good record \(index).\"}".utf8))
            case 1: lines.append(Data((0..<200).map { _ in UInt8(truncatingIfNeeded: generator.next()) }.filter { $0 != 0x0A }))
            case 2: lines.append(Data("{\"id\":\(index),\"html\":\"<p>nul\\u0000 and \\u001b[31m escape \\u0007</p>\"}".utf8))
            case 3: lines.append(Data("{\"id\":\(index),\"text\":\"bad utf-8 ".utf8) + Data([0xC3, 0x28, 0xFF]) + Data("\"}".utf8))
            default: lines.append(Data("{\"id\":\(index),\"html\":\"".utf8) + Data(repeating: 0x61, count: 300_000) + Data("\"}".utf8))
            }
        }
        let directory = try TestFiles.folder("clean-bad-batch")
        try lines.map { $0 + Data([0x0A]) }.reduce(Data(), +).write(to: URL(fileURLWithPath: directory + "/mixed.jsonl"))
        let result = try run(["--jsonl", "--jobs", "2", directory + "/mixed.jsonl"])
        XCTAssertEqual(result.status, 1)
        let records = try objects(result.stdout)
        XCTAssertEqual(records.count, lines.count)
        for (index, record) in records.enumerated() where index % 5 == 0 {
            XCTAssertEqual(record["text"] as? String, "Good record \(index).")
        }
        for (index, record) in records.enumerated() where index % 5 == 2 {
            XCTAssertEqual(record["text"] as? String, "nul and [31m escape", "record \(index): controls go, the text stays")
        }
        let controls = result.stdout.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
        XCTAssertEqual(controls.count, 0)
    }

    /// A gzipped JSON Lines file cut short: the lines before the cut come out, the cut is reported.
    func testATruncatedGzipJSONLinesFileKeepsWhatCameBefore() throws {
        let text = (0..<200).map { "{\"id\":\($0),\"text\":\"Record number \($0) with some words in it.\"}\n" }.joined()
        let compressed = try TestFiles.gzip(Data(text.utf8))
        let directory = try TestFiles.folder("clean-bad-batch")
        try compressed.prefix(compressed.count * 2 / 3).write(to: URL(fileURLWithPath: directory + "/cut.jsonl.gz"))
        let result = try run(["--jsonl", directory + "/cut.jsonl.gz"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cut.jsonl.gz: gzip data is truncated"), result.stderr)
        let records = try objects(result.stdout)
        XCTAssertGreaterThan(records.count, 50)
        for (index, record) in records.enumerated() {
            XCTAssertEqual(record["id"] as? Int, index)
        }
    }

    func testJSONLinesCharsetFieldDecodesByteStrings() throws {
        // "Привет, мир" in windows-1251, one byte per code point, as Python's bytes.decode("latin-1") writes it.
        let bytes: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0]
        let latin1 = String(bytes.map { Character(Unicode.Scalar($0)) })
        let line = String(decoding: try JSONSerialization.data(withJSONObject: ["html": "<p>\(latin1)</p>", "charset": "windows-1251"]), as: UTF8.self)
        let unicode = #"{"html":"<p>日本語 é</p>","charset":"windows-1251"}"#
        let result = try run(["--jsonl"], stdin: line + "\n" + unicode + "\n")
        let records = try objects(result.stdout)
        XCTAssertEqual(records.map { $0["text"] as? String }, ["Привет, мир", "日本語 é"])
    }

    /// The WARC record's HTTP charset beats the page's <meta>; without one, the bytes are detected;
    /// a plain WARC file cut inside a record keeps the records before the cut.
    func testWARCEncodingsAndATruncatedFile() throws {
        // "日本語のテキスト" in Shift_JIS, under a <meta> that says ISO-8859-1.
        let shiftJIS: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67]
        let japanese = Data("<html><head><meta charset=iso-8859-1></head><body><p>".utf8) + Data(shiftJIS) + Data("</p></body></html>".utf8)
        // Russian in windows-1251, with no label at all.
        let russian = Data("<p>".utf8) + Data([0xCF, 0xF0, 0xE0, 0xE2, 0xE8, 0xF2, 0xE5, 0xEB, 0xFC, 0xF1, 0xF2, 0xE2, 0xEE, 0x20, 0xEF, 0xF0, 0xE5, 0xE4, 0xF1, 0xF2, 0xE0, 0xE2, 0xE8, 0xEB, 0xEE, 0x20, 0xE7, 0xE0, 0xEA, 0xEE, 0xED, 0xEE, 0xEF, 0xF0, 0xEE, 0xE5, 0xEA, 0xF2]) + Data("</p>".utf8)
        let records = warc("https://jp.test/", headers: ["Content-Type: text/html; charset=Shift_JIS"], body: japanese)
            + warc("https://ru.test/", headers: ["Content-Type: text/html"], body: russian)
            + warc("https://last.test/", headers: ["Content-Type: text/html"], body: Data("<p>Last record, cut short.</p>".utf8))
        let directory = try TestFiles.folder("clean-bad-batch")
        try records.write(to: URL(fileURLWithPath: directory + "/crawl.warc"))
        let whole = try objects(try run(["--warc", directory + "/crawl.warc"]).stdout)
        XCTAssertEqual(whole.map { $0["text"] as? String }, ["日本語のテキスト", "Правительство представило законопроект", "Last record, cut short."])

        try records.prefix(records.count - 30).write(to: URL(fileURLWithPath: directory + "/cut.warc"))
        let cut = try run(["--warc", "--jobs", "2", directory + "/cut.warc"])
        XCTAssertEqual(cut.status, 1)
        XCTAssertTrue(cut.stderr.contains("cut.warc"), cut.stderr)
        XCTAssertEqual(try objects(cut.stdout).map { $0["url"] as? String }, ["https://jp.test/", "https://ru.test/"])
    }

    /// Random bytes as a WARC file and as a gzipped one: reported, no crash, nothing but JSON on standard output.
    func testRandomBytesAsAWARCFile() throws {
        var generator = SplitMix64Generator(seed: 99)
        let noise = Data((0..<50_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let directory = try TestFiles.folder("clean-bad-batch")
        try noise.write(to: URL(fileURLWithPath: directory + "/noise.warc"))
        try (Data([0x1F, 0x8B, 0x08, 0x00]) + noise).write(to: URL(fileURLWithPath: directory + "/noise.warc.gz"))
        for name in ["noise.warc", "noise.warc.gz"] {
            let result = try run(["--warc", directory + "/" + name])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertEqual(result.stdout, "", name)
            XCTAssertTrue(result.stderr.contains(name), result.stderr)
        }
    }
}

/// SplitMix64, for random test inputs that are the same on every run.
struct SplitMix64Generator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
