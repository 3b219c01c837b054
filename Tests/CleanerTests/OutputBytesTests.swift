import XCTest

@testable import Cleaner

/// An output file's bytes are copied from the kept lines (`Document.textFileBytes`,
/// `CleanResult.fileBytes`): they are the bytes of the formatted text and a final newline, as
/// the text was written before, and nothing when that text is empty.
final class OutputBytesTests: XCTestCase {
    /// What an output file held: the formatted `String`, a newline, or nothing.
    private func reference(_ text: String) -> [UInt8] {
        text.isEmpty ? [] : Array((text + "\n").utf8)
    }

    /// Documents of one to a few blocks, each line kept or removed, lines empty, short (held in
    /// the `String` itself) or long, ASCII or not: every way a block or the whole text can be empty.
    func testTextBytesAreTheTextsBytes() {
        let pieces = ["", "a", "Tide", "tables", "é", "naïve", "東京", "😀", "word", "   ", "longer words than fifteen bytes"]
        let lines = pseudoRandomLines(from: pieces, seed: 7, count: 4000, maxWords: 9) { $0 % 3 == 0 ? "" : " " }
        var compared = 0
        var empty = 0
        for document in randomDocuments(of: lines, seed: 11) {
            XCTAssertEqual(document.textFileBytes, reference(document.text), document.text.debugDescription)
            compared += 1
            if document.text.isEmpty { empty += 1 }
        }
        XCTAssertGreaterThan(compared, 300)
        XCTAssertGreaterThan(empty, 10)
        XCTAssertLessThan(empty, compared / 2)
    }

    /// Documents of up to four blocks of up to five of `lines` each, a third of them removed.
    private func randomDocuments(of lines: [String], seed: UInt64) -> [Document] {
        let reason = RemovalReason.heuristic(name: "test", category: .other, detail: "")
        var random = PseudoRandom(state: seed)
        var line = 0
        var documents: [Document] = []
        while line + 40 < lines.count {
            var blocks: [Block] = []
            for _ in 0..<random.next(5) {
                var block = Block(kind: .paragraph, lines: Array(lines[line..<line + random.next(6)]))
                line += block.lines.count + 1
                for index in block.lines.indices where random.next(3) == 0 { block.lines[index].removedBy = reason }
                blocks.append(block)
            }
            documents.append(Document(blocks: blocks))
        }
        return documents
    }

    /// The text as it was joined before it was made from `textFileBytes`: kept blocks, a blank
    /// line between, the kept lines of each on lines of their own, an append at a time.
    private func appendedText(_ document: Document) -> String {
        var output = ""
        for block in document.blocks where block.isKept {
            if !output.isEmpty { output += "\n\n" }
            var first = true
            for line in block.lines where line.isKept {
                if !first { output += "\n" }
                output += line.text
                first = false
            }
        }
        return output
    }

    /// `Document.text` is the join it always was, for lines empty, ASCII or not, with "\r\n" and
    /// "\r" inside them (one `Character` across the join's bytes), short and very long: the same
    /// bytes, and a string that counts its characters as the appended one does (its ASCII flag
    /// is right).
    func testTextIsTheAppendedJoin() {
        let long = String(repeating: "Many words of a paragraph that runs on; ", count: 400)
        let pieces = ["", "a", "é", "東京", "😀", "e\u{301}", "\r", "\r\n", "\n", "word", "   ", "longer words than fifteen bytes", long]
        let lines = pseudoRandomLines(from: pieces, seed: 5, count: 3000, maxWords: 6) { $0 % 4 == 0 ? "" : " " }
        var compared = 0
        for document in randomDocuments(of: lines, seed: 3) {
            let text = document.text
            let appended = appendedText(document)
            XCTAssertEqual(Array(text.utf8), Array(appended.utf8), appended.debugDescription)
            XCTAssertEqual(text, appended)
            XCTAssertEqual(text.count, appended.count, appended.debugDescription)
            XCTAssertEqual(text.unicodeScalars.count, appended.unicodeScalars.count)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 200)
        XCTAssertEqual(Document(blocks: []).text, "")
        XCTAssertEqual(Document(blocks: [Block(kind: .paragraph, lines: ["", ""]), Block(kind: .paragraph, lines: ["x"])]).text, "\n\n\nx")
    }

    /// Cleaned scrapes and pages in each format: the bytes are the formatted text's and a newline.
    func testFileBytesAreTheFormattedText() throws {
        let cleaner = try Cleaner()
        let inputs = [
            Array(OutputFormatTests.page.utf8), Array("Short line.\n\nA second paragraph, with more words in it than the first one has.\n".utf8),
            Array("<html><body><nav>Home</nav></body></html>".utf8), [],
        ]
        for input in inputs {
            let result = cleaner.clean(input)
            for format in OutputFormat.allCases {
                XCTAssertEqual(result.fileBytes(format), reference(result.formatted(format)), "\(format) of \(String(decoding: input, as: UTF8.self).prefix(40))")
            }
        }
    }
}
