import Foundation
import XCTest

/// `--format text|json|markdown` on standard input, files, `--output-dir` and records, and the
/// combinations that are usage errors.
extension CLITests {
    private static let article = """
        <html lang="de"><head><title>Brücke bleibt gesperrt</title>
        <meta property="og:site_name" content="Stadtanzeiger">
        <meta property="article:published_time" content="2024-02-06T07:15:00+01:00"></head>
        <body><nav><a href="/">Start</a></nav><article><h1>Brücke bleibt gesperrt</h1>
        <p>Der Gemeinderat hat am Dienstag beschlossen, dass die Brücke noch eine <strong>Woche</strong> gesperrt bleibt, weil die Arbeiten an den Pfeilern nicht abgeschlossen sind.</p>
        <ul><li>Die Umleitung führt über die Hauptstraße.</li><li>Busse fahren nach dem Sonderfahrplan.</li></ul>
        </article></body></html>
        """

    private func object(_ line: Substring) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func testFormatJSONWritesOneObjectPerDocument() throws {
        let result = try run(["--format", "json", "--url", "https://www.stadtanzeiger.example/b"], stdin: Self.article)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stdout)
        let document = try object(lines[0])
        XCTAssertEqual(document["title"] as? String, "Brücke bleibt gesperrt")
        XCTAssertEqual(document["date"] as? String, "2024-02-06")
        XCTAssertEqual(document["hostname"] as? String, "stadtanzeiger.example")
        XCTAssertEqual(document["source"] as? String, "https://www.stadtanzeiger.example/b")
        XCTAssertEqual(document["source-hostname"] as? String, "Stadtanzeiger")
        XCTAssertEqual(document["language"] as? String, "de")
        XCTAssertTrue(document["author"] is NSNull, "unknown fields are null, as in trafilatura's JSON")
        XCTAssertEqual(document["text"] as? String, try run(["--url", "https://www.stadtanzeiger.example/b"], stdin: Self.article).stdout.dropLast().description)

        let directory = try TestFiles.folder("clean-format")
        try Self.article.write(toFile: directory + "/a.html", atomically: true, encoding: .utf8)
        try "Feuerwehr rückt in die Altstadt aus\n\nDie Feuerwehr rückte am Abend zu einem Einsatz in der Altstadt aus, es wurde niemand verletzt.\n".write(toFile: directory + "/b.txt", atomically: true, encoding: .utf8)
        let two = try run(["--format", "json", directory + "/a.html", directory + "/b.txt"])
        XCTAssertEqual(two.status, 0, two.stderr)
        let objects = try two.stdout.split(separator: "\n").map(object)
        XCTAssertEqual(objects.count, 2, "JSON Lines: one object a line, no blank line between documents")
        XCTAssertEqual(objects[1]["input"] as? String, "text")
        XCTAssertEqual(objects[1]["title"] as? String, "Feuerwehr rückt in die Altstadt aus")
        XCTAssertEqual(objects[1]["language"] as? String, "de")
    }

    func testFormatMarkdownOnStandardInput() throws {
        let result = try run(["--format", "markdown"], stdin: Self.article)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            Der Gemeinderat hat am Dienstag beschlossen, dass die Brücke noch eine **Woche** gesperrt bleibt, weil die Arbeiten an den Pfeilern nicht abgeschlossen sind.

            - Die Umleitung führt über die Hauptstraße.
            - Busse fahren nach dem Sonderfahrplan.

            """)
    }

    func testFormatsInOutputDirectoryAndRecords() throws {
        let input = try TestFiles.folder("clean-format")
        try Self.article.write(toFile: input + "/a.html", atomically: true, encoding: .utf8)
        for (format, name) in [("json", "a.json"), ("markdown", "a.md"), ("text", "a.txt")] {
            let output = try TestFiles.folder("clean-format")
            let result = try run(["--output-dir", output, "--format", format, input])
            XCTAssertEqual(result.status, 0, result.stderr)
            let written = FileManager.default.contents(atPath: output + "/" + name).map { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(written, try run(["--format", format, input + "/a.html"]).stdout, format)
        }
        let record = try JSONSerialization.data(withJSONObject: ["id": 1, "html": Self.article])
        let markdown = try run(["--jsonl", "--format", "markdown"], stdin: String(decoding: record, as: UTF8.self) + "\n")
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        let line = try object(try XCTUnwrap(markdown.stdout.split(separator: "\n").first))
        XCTAssertEqual(markdown.stdout.split(separator: "\n").count, 1, "one record, one line")
        XCTAssertTrue((line["text"] as? String)?.contains("- Busse fahren nach dem Sonderfahrplan.") == true, "\(line)")
        XCTAssertEqual(line["language"] as? String, "de")
        XCTAssertEqual(line["sitename"] as? String, "Stadtanzeiger")
        let plain = try run(["--jsonl"], stdin: String(decoding: record, as: UTF8.self) + "\n")
        XCTAssertTrue((try object(try XCTUnwrap(plain.stdout.split(separator: "\n").first))["text"] as? String)?.contains("\n\nBusse fahren") == true)
    }

    func testFormatUsageErrors() throws {
        for arguments in [["--format", "html"], ["--explain", "--format", "json"], ["--explain", "--format", "markdown"], ["--jsonl", "--format", "json"], ["--format", "xml"]] {
            let result = try run(arguments, stdin: "Text.\n")
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.contains("--format") || result.stderr.contains("format"), result.stderr)
        }
        let explain = try run(["--explain", "--format", "html"], stdin: "Text.\n")
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.contains("<html"), "--explain --format html still writes its page")
    }
}
