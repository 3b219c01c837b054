import Foundation
import XCTest

/// The batch modes as users run them: a directory to a directory, JSON Lines and WARC streams.
extension CLITests {

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try XCTUnwrap(object as? [String: Any], "not an object: \(line)")
        }
    }

    /// A page whose size varies with `index`, so that with two jobs records finish out of order.
    private func page(_ index: Int) -> String {
        let filler = String(repeating: "<div><span class=\"icon\"></span></div>", count: (index * 37) % 400)
        return "<html><head><title>Page \(index)</title></head><body><nav>Menu</nav>\(filler)<p>Story number \(index), told in full.</p></body></html>"
    }

    /// What the filter makes of `page(index)`: the batch modes must give the same.
    private func story(_ index: Int) -> String {
        "Story number \(index), told in full."
    }

    // MARK: --output-dir

    func testOutputDirectoryMirrorsTheTreeAndMatchesTheFilter() throws {
        let input = try TestFiles.folder("clean-batch")
        try write(page(1), to: input + "/a.html")
        try write("Like us on Facebook\n\nA text scrape.\n", to: input + "/sub/b.txt")
        try write("<p>Not a page</p>", to: input + "/sub/notes.md")
        try write("", to: input + "/sub/deeper/.hidden.txt")
        try TestFiles.gzip(Data(page(2).utf8)).write(to: URL(fileURLWithPath: input + "/sub/deeper/c.HTM.gz"))
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            let output = try TestFiles.folder("clean-batch") + "/out"
            let result = try run(["--output-dir", output, "--jobs", jobs, input])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, "")
            XCTAssertEqual(read(output + "/a.txt"), try run([input + "/a.html"]).stdout)
            XCTAssertEqual(read(output + "/sub/b.txt"), "A text scrape.\n")
            XCTAssertEqual(read(output + "/sub/deeper/c.txt"), try run([], stdin: page(2)).stdout)
            XCTAssertTrue(read(output + "/sub/deeper/c.txt")?.contains(story(2)) == true)
            XCTAssertNil(read(output + "/sub/notes.txt"), "only .html, .htm, .txt files are picked up")
            XCTAssertNil(read(output + "/sub/deeper/.hidden.txt"), "hidden files are left alone")
            outputs.append([output + "/a.txt", output + "/sub/b.txt", output + "/sub/deeper/c.txt"].compactMap(read).joined())
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    func testOutputDirectoryReportsBadInputsAndCleansTheRest() throws {
        let input = try TestFiles.folder("clean-batch")
        try write("First.\n", to: input + "/page.html")
        try write("Second.\n", to: input + "/page.txt")
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01]).write(to: URL(fileURLWithPath: input + "/broken.html.gz"))
        try write("Fine.\n", to: input + "/fine.txt")
        let output = try TestFiles.folder("clean-batch")
        let result = try run(["--output-dir", output, "--jobs", "2", input, input + "/missing.html"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(read(output + "/fine.txt"), "Fine.\n")
        XCTAssertEqual(read(output + "/page.txt"), "First.\n", "the first of two inputs with one output name wins")
        XCTAssertTrue(result.stderr.contains("page.txt: ") && result.stderr.contains("already writes page.txt"), result.stderr)
        XCTAssertTrue(result.stderr.contains("broken.html.gz: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("missing.html: no such file"), result.stderr)
    }

    // MARK: --jsonl

    func testJSONLinesKeepOrderAndCountWithTwoJobs() throws {
        var lines: [String] = []
        var expectedIDs: [Int] = []
        for index in 0..<300 {
            expectedIDs.append(index)
            switch index % 10 {
            case 3: lines.append("{\"id\": \(index), \"text\": \"Like us on Facebook\\n\\nScrape \(index).\"}")
            case 7: lines.append("{\"id\": \(index), \"html\": 42}")
            default:
                let record = try JSONSerialization.data(withJSONObject: ["id": index, "url": "https://example.test/\(index)", "html": page(index)])
                lines.append(String(decoding: record, as: UTF8.self))
            }
        }
        let directory = try TestFiles.folder("clean-batch")
        try write(lines.joined(separator: "\n") + "\n", to: directory + "/in.jsonl")
        let two = try run(["--jsonl", "--jobs", "2", directory + "/in.jsonl"])
        let one = try run(["--jsonl", "--jobs", "1", directory + "/in.jsonl"])
        XCTAssertEqual(two.status, 1, "records with an error make the exit status 1")
        XCTAssertEqual(two.stdout, one.stdout)
        let records = try jsonLines(two.stdout)
        XCTAssertEqual(records.count, lines.count)
        XCTAssertEqual(records.map { $0["id"] as? Int }, expectedIDs)
        for (index, record) in records.enumerated() {
            switch index % 10 {
            case 3: XCTAssertEqual(record["text"] as? String, "Scrape \(index).")
            case 7: XCTAssertEqual(record["error"] as? String, "\"html\" is not a string")
            default:
                XCTAssertTrue((record["text"] as? String)?.contains(story(index)) == true, "\(record)")
                XCTAssertEqual(record["url"] as? String, "https://example.test/\(index)")
                XCTAssertEqual(record["title"] as? String, "Page \(index)")
            }
        }
    }

    func testJSONLinesReportBadLinesInPlace() throws {
        let input = """
            {"id": "a", "text": "Fine."}
            not json

            {"id": 123456789012345678901234567890, "html": "<p>Big id</p>"}
            [1, 2]
            {"id": "b", "url": "https://example.test/x"}
            {"id": "c", "text": "Last, no newline."}
            """
        let directory = try TestFiles.folder("clean-batch")
        try write(input, to: directory + "/in.jsonl")
        let result = try run(["--jsonl", directory + "/in.jsonl"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines[0], #"{"id":"a","input":"text","fingerprint":"d76fd5b7efff7cd5","text":"Fine."}"#)
        XCTAssertTrue(lines[1].hasPrefix(#"{"error":"not JSON: "#), String(lines[1]))
        XCTAssertEqual(lines[2], #"{"error":"empty line"}"#)
        XCTAssertTrue(lines[3].hasPrefix(#"{"id":123456789012345678901234567890,"#), "a number id is echoed digit for digit")
        XCTAssertEqual(lines[4], #"{"error":"not a JSON object"}"#)
        XCTAssertEqual(lines[5], #"{"id":"b","url":"https://example.test/x","error":"no \"html\" or \"text\" string"}"#)
        XCTAssertEqual(lines[6], #"{"id":"c","input":"text","fingerprint":"7eefcdfd6f5e7ecf","text":"Last, no newline."}"#)
    }

    func testJSONLinesFromStandardInputSucceedWithStatus0() throws {
        let result = try run(["--jsonl"], stdin: #"{"html": "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 \u2014 ok</p></body></html>"}"# + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let record = try XCTUnwrap(jsonLines(result.stdout).first)
        XCTAssertEqual(record["text"] as? String, "Café — ok", "a page out of JSON is Unicode, whatever its meta charset says")
    }

    /// A record comes out while the input is still open: what Hadoop Streaming and `parallel
    /// --pipe` need from a filter that runs for hours.
    func testJSONLinesStreamEachRecordBeforeTheInputEnds() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--jsonl", "--jobs", "2"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        for index in 0..<3 {
            input.fileHandleForWriting.write(Data("{\"id\": \(index), \"text\": \"Line \(index) of the stream.\"}\n".utf8))
            let line = try XCTUnwrap(readLine(from: output.fileHandleForReading, timeout: 10), "record \(index) did not come out before more input")
            // Fingerprints from trafilatura's content_fingerprint("None Line N of the stream.").
            let fingerprint = ["df7effa7ca4d7e63", "fffef327de783e63", "5ffebfe6fc6d7e6b"][index]
            XCTAssertEqual(line, #"{"id":\#(index),"input":"text","fingerprint":"\#(fingerprint)","text":"Line \#(index) of the stream."}"#)
        }
    }

    /// One line of `handle`, or nil when none comes within `timeout` seconds.
    private func readLine(from handle: FileHandle, timeout: Double) -> String? {
        let box = LineBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var bytes: [UInt8] = []
            while true {
                let chunk = handle.readData(ofLength: 1)
                guard let byte = chunk.first else { break }
                if byte == 0x0A { break }
                bytes.append(byte)
            }
            box.set(String(decoding: bytes, as: UTF8.self))
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.value
    }

    // MARK: --warc

    private func warcRecord(type: String, uri: String, block: Data, contentType: String) -> Data {
        var record = Data("WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(type)-\(uri.count)-\(block.count)>\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2024-02-\(10 + uri.count % 10)T08:15:00Z\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n".utf8)
        record += block
        record += Data("\r\n\r\n".utf8)
        return record
    }

    private func httpResponse(_ body: Data, headers: [String]) -> Data {
        Data(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }

    private func chunked(_ body: Data) -> Data {
        var output = Data()
        var start = 0
        while start < body.count {
            let piece = body[start..<min(start + 10, body.count)]
            output += Data((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Data("\r\n".utf8)
            start += 10
        }
        return output + Data("0\r\n\r\n".utf8)
    }

    func testWARCResponsesWithHTMLBecomeJSONLines() throws {
        let http = "application/http; msgtype=response"
        let records = [
            warcRecord(type: "warcinfo", uri: "", block: Data("software: test\r\n".utf8), contentType: "application/warc-fields"),
            warcRecord(type: "request", uri: "https://a.test/1", block: Data("GET /1 HTTP/1.1\r\n\r\n".utf8), contentType: "application/http; msgtype=request"),
            warcRecord(type: "response", uri: "https://a.test/1", block: httpResponse(Data(page(1).utf8), headers: ["Content-Type: text/html; charset=utf-8"]), contentType: http),
            warcRecord(type: "response", uri: "https://a.test/logo.png", block: httpResponse(Data([0x89, 0x50, 0x4E, 0x47]), headers: ["Content-Type: image/png"]), contentType: http),
            warcRecord(type: "response", uri: "https://b.test/2", block: httpResponse(chunked(try TestFiles.gzip(Data(page(2).utf8))), headers: ["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"]), contentType: http),
            // A UTF-8 page a server labels ISO-8859-1 by default.
            warcRecord(type: "response", uri: "https://c.test/3", block: httpResponse(Data("<p>Caf\u{E9} 3</p>".utf8), headers: ["Content-Type: text/html; charset=ISO-8859-1"]), contentType: http),
            warcRecord(type: "response", uri: "https://d.test/4", block: httpResponse(Data("<p>bad".utf8), headers: ["Content-Type: text/html", "Content-Encoding: gzip"]), contentType: http),
            warcRecord(type: "metadata", uri: "https://a.test/1", block: Data("fetchTimeMs: 5\r\n".utf8), contentType: "application/warc-fields"),
        ]
        let directory = try TestFiles.folder("clean-batch")
        // Common Crawl's layout: one gzip member a record.
        var compressed = Data()
        for record in records { compressed += try TestFiles.gzip(record) }
        try compressed.write(to: URL(fileURLWithPath: directory + "/crawl.warc.gz"))
        try records.reduce(Data(), +).write(to: URL(fileURLWithPath: directory + "/crawl.warc"))

        let result = try run(["--warc", "--jobs", "2", directory + "/crawl.warc.gz"])
        XCTAssertEqual(result.status, 1, "one record could not be decoded")
        XCTAssertEqual(result.stdout, try run(["--warc", "--jobs", "1", directory + "/crawl.warc"]).stdout)
        let lines = try jsonLines(result.stdout)
        XCTAssertEqual(lines.map { $0["url"] as? String }, ["https://a.test/1", "https://b.test/2", "https://c.test/3", "https://d.test/4"])
        XCTAssertEqual(lines[0]["text"] as? String, try run([], stdin: page(1)).stdout.trimmingCharacters(in: .newlines))
        XCTAssertTrue((lines[0]["text"] as? String)?.contains(story(1)) == true)
        XCTAssertTrue((lines[0]["id"] as? String)?.hasPrefix("<urn:uuid:response-16-") == true, "id is the WARC-Record-ID")
        XCTAssertEqual(lines[0]["filedate"] as? String, "2024-02-16", "filedate is the day of the WARC-Date")
        XCTAssertTrue((lines[1]["text"] as? String)?.contains(story(2)) == true, "\(lines[1])")
        XCTAssertEqual(lines[2]["text"] as? String, "Café 3")
        XCTAssertEqual(lines[3]["error"] as? String, "Content-Encoding gzip: corrupt compressed data")

        try compressed.prefix(compressed.count - 20).write(to: URL(fileURLWithPath: directory + "/cut.warc.gz"))
        let cut = try run(["--warc", directory + "/cut.warc.gz"])
        XCTAssertEqual(cut.status, 1)
        XCTAssertTrue(cut.stderr.contains("cut.warc.gz: gzip data is truncated"), cut.stderr)
        XCTAssertEqual(try jsonLines(cut.stdout).count, 4, "the records before the damage are all there")
    }

    // MARK: options and bench

    func testBatchModesRejectOptionsThatDoNotApply() throws {
        XCTAssertEqual(try run(["--jsonl", "--warc"]).status, 2)
        XCTAssertEqual(try run(["--jsonl", "--url", "https://example.test/"]).status, 2)
        XCTAssertEqual(try run(["--jobs", "2"], stdin: "text\n").status, 2)
        XCTAssertEqual(try run(["--jsonl", "--jobs", "0"]).status, 2)
        XCTAssertEqual(try run(["--output-dir", "/tmp/x", "--explain", "golden"]).status, 2)
    }

    func testBenchPrintsTheTable() throws {
        let folder = try benchFolder(["html-generic-categories/input.html", "html-site-rules/input.html"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try run(["bench", "--rounds", "1", "--jobs", "2", folder])
        XCTAssertEqual(result.status, 0, result.stderr)
        for text in ["2 documents (2 HTML)", "| libxml2 bare parse (`htmlReadMemory` + free) | 1 |", "| full pipeline | 1 |", "| full pipeline | 2 |",
                     "| `clean --output-dir` (child process: read, clean, write) | 2 |", "pipeline / bare parse, 1 job: ",
                     "pipeline / bare parse, 2 jobs: ", "pipeline, 2 jobs / 1 job: ", "peak RSS: `clean --output-dir` "]
        {
            XCTAssertTrue(result.stdout.contains(text), "bench output lacks \(text):\n\(result.stdout)")
        }
        XCTAssertFalse(result.stdout.contains("HTML documents only"), result.stdout)
    }

    /// A corpus of HTML pages and text scrapes: the bare parse times the HTML documents only, and
    /// is compared with the pipeline on those same documents.
    func testBenchComparesTheBareParseWithThePipelineOnTheSameDocuments() throws {
        let result = try run(["bench", "--rounds", "1", "--jobs", "1", "--no-batch", "golden"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The golden cases' HTML inputs, however many there are now.
        let golden = CLITests.repository + "/golden"
        let pages = try FileManager.default.contentsOfDirectory(atPath: golden).filter { FileManager.default.fileExists(atPath: golden + "/" + $0 + "/input.html") }.count
        XCTAssertGreaterThan(pages, 1)
        for text in ["| libxml2 bare parse (`htmlReadMemory` + free), HTML documents only | 1 |", "| full pipeline, HTML documents only | 1 |",
                     "| full pipeline | 1 |", "pipeline / bare parse, 1 job (the \(pages) HTML documents): "]
        {
            XCTAssertTrue(result.stdout.contains(text), "bench output lacks \(text):\n\(result.stdout)")
        }
    }

    /// A new folder holding copies of golden inputs, named 0.html, 1.txt, ... by their position.
    private func benchFolder(_ inputs: [String]) throws -> String {
        let folder = NSTemporaryDirectory() + "bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (index, input) in inputs.enumerated() {
            let target = folder + "/\(index)." + (input as NSString).pathExtension
            try FileManager.default.copyItem(atPath: CLITests.repository + "/golden/" + input, toPath: target)
        }
        return folder
    }

    /// A folder of plain-text scrapes has no parse floor: pipeline rows only.
    func testBenchOnTextScrapesTimesThePipelineOnly() throws {
        let folder = try benchFolder(["text-teasers-and-copies/input.txt", "seed-004-ap-teasers-sponsored/input.txt"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try run(["bench", "--rounds", "1", "--jobs", "1", "--no-batch", folder])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("2 documents (0 HTML)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("| full pipeline | 1 |"), result.stdout)
        XCTAssertFalse(result.stdout.contains("bare parse"), result.stdout)
    }
}

private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func set(_ value: String) {
        lock.lock()
        stored = value
        lock.unlock()
    }

    var value: String? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
