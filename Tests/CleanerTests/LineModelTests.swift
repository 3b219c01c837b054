import XCTest

@testable import Cleaner

/// The line model's shortcuts give what the plain ways give: the reader's joined lines are the
/// rules' join of its blocks, a later join cut from an earlier one is the join made afresh, and
/// the matchers' candidate walks find the blocks that a walk of every line finds.
final class LineModelTests: XCTestCase {
    private let pieces = ["a", "Word", "a b", " c d e ", "xy z", "Related", "more", "...", "…", "2 hours ago", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{0}",
                          "\u{85}", "\u{A0}", "\u{FEFF}", "\u{2003}", "\u{3000}", "\u{2028}", " \u{301}", "\u{600}", "é", "e\u{301}", "日本", "😀", ".", "İ",
                          "€", "\u{1680}", "ß", "Жук", "한"]

    private func randomText(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    private func assertSame(_ lines: DocumentLines?, _ expected: DocumentLines?, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lines?.text, expected?.text, message, file: file, line: line)
        XCTAssertEqual(lines?.starts, expected?.starts, message, file: file, line: line)
        XCTAssertEqual(lines?.firstLine, expected?.firstLine, message, file: file, line: line)
    }

    func testReaderJoinsTheLinesAsTheRulesJoinThem() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = randomText(&generator)
            let reading = text.withUTF8 { TextReader.read(validUTF8: $0) }
            let document = Document(blocks: reading.blocks)
            XCTAssertEqual(reading.blocks.map { $0.lines.map(\.text) }, TextReader.blocks(from: text).map { $0.lines.map(\.text) })
            assertSame(reading.lines, DocumentLines(document), text.debugDescription)
            XCTAssertEqual(reading.lines?.isJoin(of: document), true, text.debugDescription)
            // Once a line is removed, the reader's join is not the document's any more.
            var removed = document
            guard let block = removed.blocks.indices.randomElement(using: &generator) else { continue }
            removed.blocks[block].lines[0].removedBy = .heuristic(name: "test", category: .other, detail: "")
            XCTAssertEqual(reading.lines?.isJoin(of: removed), false, text.debugDescription)
        }
    }

    /// The scan calls a range normalized exactly when the normalizer leaves it as it is, and ASCII
    /// exactly when no byte is past ASCII; lines split where the text's line ends are (texts long
    /// enough for blocks of sixteen bytes and the bytes after the last block).
    func testLineScanFlagsAreTheDefinitions() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bytes = Array(randomText(&generator).utf8)
            let ranges = bytes.withUnsafeBufferPointer { LineScan.lines(of: $0) }
            var lineStart = 0
            for range in ranges {
                XCTAssertEqual(range.start, lineStart)
                let line = Array(bytes[range.start..<range.end])
                XCTAssertFalse(line.contains(0x0A) || line.contains(0x0D))
                // Normalized exactly when the normalizer leaves the line as it is.
                let normalized = Array(line.withUnsafeBufferPointer { TextNormalizer.normalizeLine(bytes: $0) }.utf8)
                XCTAssertEqual(range.isNormalized, normalized == line, "\(line)")
                XCTAssertEqual(range.isASCII, line.allSatisfy { $0 < 0x80 }, "\(line)")
                lineStart = range.end + (range.end < bytes.count && bytes[range.end] == 0x0D && range.end + 1 < bytes.count && bytes[range.end + 1] == 0x0A ? 2 : 1)
            }
        }
    }

    /// A lead byte the scan passes over without decoding (it only ends the line's ASCII) starts
    /// no scalar that normalizing changes: no space, no control, no byte order mark.
    func testLeadsPassedOverStartNoSpaceOrControl() {
        var passedOver = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var lead: UInt8?
            UTF8.encode(scalar) { lead = lead ?? $0 }
            guard let lead, LineScan.onlyEndsASCII(lead) else { continue }
            passedOver += 1
            XCTAssertFalse(UnicodeWhitespace.isSpaceOrControl(value), "\(value)")
        }
        XCTAssertGreaterThan(passedOver, 1_000_000)
    }

    /// The scan looks at exactly the bytes of a block of sixteen that are neither printable ASCII
    /// nor continuation bytes, and the spaces right after a space (the byte before the block
    /// included), on blocks of bytes from every class: controls, the space, printable ASCII, DEL,
    /// continuation and lead bytes.
    func testBytesLookedAtAreTheOthers() {
        let classes: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xE2, 0xEF, 0xF0, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Mostly printable ASCII, as text is, with one class or another mixed in.
            let bytes: [UInt8] = (0..<17).map { _ in
                Int.random(in: 0..<3, using: &generator) == 0 ? classes.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            let others = bytes.withUnsafeBytes { raw in raw.baseAddress.map { LineScan.otherBytes($0, at: 1) } }
            guard let others else { return XCTFail("no bytes") }
            for lane in 0..<16 {
                let byte = bytes[lane + 1]
                let isOther = !(0x20...0x7E).contains(byte) && byte & 0xC0 != 0x80
                let expected = isOther || (byte == 0x20 && bytes[lane] == 0x20)
                let word = lane < 8 ? others.low : others.high
                XCTAssertEqual(word >> UInt64(lane % 8 * 8) & 0xFF, expected ? 0x80 : 0, "\(bytes) lane \(lane)")
                XCTAssertEqual(LineScan.isOther(byte), isOther, "\(byte)")
            }
        }
    }

    /// A block's kept text is its kept lines joined by newlines, whichever lines are removed
    /// (none, all, one left, empty lines among them).
    func testKeptTextIsTheKeptLinesJoined() {
        var generator = SystemRandomNumberGenerator()
        let reason = RemovalReason.heuristic(name: "test", category: .other, detail: "")
        for _ in 0..<2000 {
            let texts = (0..<Int.random(in: 0...5, using: &generator)).map { _ in Int.random(in: 0..<4, using: &generator) == 0 ? "" : randomText(&generator) }
            var block = Block(kind: .paragraph, lines: texts)
            for index in block.lines.indices where Bool.random(using: &generator) { block.lines[index].removedBy = reason }
            XCTAssertEqual(block.keptText, block.lines.filter(\.isKept).map(\.text).joined(separator: "\n"), "\(block.lines)")
        }
    }

    func testLaterJoinIsTheJoinMadeAfresh() {
        var generator = SystemRandomNumberGenerator()
        let reason = RemovalReason.heuristic(name: "test", category: .other, detail: "")
        for _ in 0..<2000 {
            var document = Document(blocks: TextReader.blocks(from: randomText(&generator)))
            // Some lines go before the first join, more after it.
            for round in 0..<2 {
                if round == 1, let earlier = DocumentLines(document) {
                    for block in document.blocks.indices {
                        for line in document.blocks[block].lines.indices where Int.random(in: 0..<3, using: &generator) == 0 {
                            document.blocks[block].lines[line].removedBy = reason
                        }
                    }
                    assertSame(DocumentLines(document, after: earlier), DocumentLines(document), "\(document.blocks.map { $0.lines.map(\.text) })")
                } else {
                    for block in document.blocks.indices where Int.random(in: 0..<4, using: &generator) == 0 {
                        document.blocks[block].lines[0].removedBy = reason
                    }
                }
            }
        }
    }

    func testJoinedSignatureLinesFindTheSiteAsLines() throws {
        var library = RuleLibrary()
        try library.add(name: "a.test", text: "signature_line: ^Word$\nsignature_line: (?=R)Related\n", path: "a.test.txt")
        try library.add(name: "b.test", text: "signature_line: ^(?:2 hours|日本)\n", path: "b.test.txt")
        var generator = SystemRandomNumberGenerator()
        // Lines whose last Character is whitespace with a combining mark, or opens with a Prepend.
        let fixed = ["Word \u{301}", "Word \u{301}\n\nRelated", "\u{600} Word", "x\nWord \u{301}\u{301}", "Related …", "“Word”"]
        for index in 0..<(1000 + fixed.count) {
            var text = index < fixed.count ? fixed[index] : randomText(&generator)
            let reading = text.withUTF8 { TextReader.read(validUTF8: $0) }
            guard let lines = reading.lines else { continue }
            let expected = library.siteName(forLines: reading.blocks.flatMap { $0.lines.map { Substring($0.text) } })
            XCTAssertEqual(library.siteName(forJoined: lines), expected, text.debugDescription)
        }
    }

    func testCandidateWalksFindTheBlocksWithAMatchingKeptLine() throws {
        let patterns = try ["Related", "^Word", "\\d+ hours ago", "(?i)more$", "…|\\.\\.\\.", "^(?:\\S+\\s+){0,2}\\S+$"].map { try Pattern($0) }
        let reason = RemovalReason.heuristic(name: "test", category: .other, detail: "")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            var document = Document(blocks: TextReader.blocks(from: randomText(&generator)))
            let lines = DocumentLines(document)
            for block in document.blocks.indices {
                for line in document.blocks[block].lines.indices where Int.random(in: 0..<5, using: &generator) == 0 {
                    document.blocks[block].lines[line].removedBy = reason
                }
            }
            for pattern in patterns {
                for matcher in [LineMatcher(pattern, lines: lines), LineMatcher(pattern, lines: nil)] {
                    let expected = document.blocks.indices.filter { matcher.hasKeptLine(document, block: $0) }
                    XCTAssertEqual(matcher.matchingKeptBlocks(in: document), expected)
                    XCTAssertEqual(matcher.firstMatchingKeptBlock(in: document), expected.first)
                    let everyLine = document.blocks.indices.flatMap { block in
                        document.blocks[block].lines.indices.filter { document.blocks[block].lines[$0].isKept && matcher.matches(document, block: block, line: $0) }
                            .map { [block, $0] }
                    }
                    XCTAssertEqual(matcher.matchingKeptLines(in: document).map { [$0.block, $0.line] }, everyLine)
                }
            }
        }
    }

    /// A document of paragraphs drawn from `lines`, about one line in six already removed by `taken`.
    private func randomDocument(
        of lines: [String], blocks: ClosedRange<Int>, linesPerBlock: ClosedRange<Int>, taken: RemovalReason, using generator: inout SystemRandomNumberGenerator
    ) -> Document {
        var document = Document(blocks: (0..<Int.random(in: blocks, using: &generator)).map { _ in
            Block(kind: .paragraph, lines: (0..<Int.random(in: linesPerBlock, using: &generator)).map { _ in lines.randomElement(using: &generator) ?? "" })
        })
        for block in document.blocks.indices {
            for line in document.blocks[block].lines.indices where Int.random(in: 0..<6, using: &generator) == 0 {
                document.blocks[block].lines[line].removedBy = taken
            }
        }
        return document
    }

    /// `drop_repeated` marks what its definition marks: both lines of every adjacent pair (across
    /// block boundaries, removed lines included) that `areCopies` calls copies, the kept ones only.
    func testDroppedAdjacentCopiesAreThePairsOfCopies() {
        let lines = ["A caption of four words", "A caption of four words and more", "A caption of four wo...", "A caption of four wo… more",
                     "A caption of four wo... more", "Ünïcode caption of four wo…", "Ünïcode caption of four words", "é caption é",
                     "e\u{301} caption e\u{301}", "", "x", "X", "日本 日本 日本 日本", "Two words"]
        let taken = RemovalReason.heuristic(name: "earlier", category: .other, detail: "")
        let reason = RemovalReason.heuristic(name: "drop_repeated", category: .other, detail: "")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            var document = randomDocument(of: lines, blocks: 0...5, linesPerBlock: 1...4, taken: taken, using: &generator)
            // The definition: every line in reading order, each pair of neighbours compared.
            var expected = document.blocks.map { $0.lines.map { $0.removedBy?.description } }
            let places = document.blocks.indices.flatMap { block in document.blocks[block].lines.indices.map { (block, $0) } }
            for index in places.indices.dropFirst() {
                let (first, second) = (places[index - 1], places[index])
                guard RepeatedText.areCopies(document.blocks[first.0].lines[first.1].text, document.blocks[second.0].lines[second.1].text) else { continue }
                for place in [first, second] where document.blocks[place.0].lines[place.1].isKept {
                    expected[place.0][place.1] = reason.description
                }
            }
            RepeatedText.dropAdjacentCopies(reason, in: &document)
            XCTAssertEqual(document.blocks.map { $0.lines.map { $0.removedBy?.description } }, expected, "\(document.blocks.map { $0.lines.map(\.text) })")
        }
    }

    /// `drop_repeated_lines` marks what its definition marks: every kept line of eight words or
    /// more, ending no sentence, whose text four kept lines or more share (canonically equal
    /// texts are one), with fewer such lines on the page than that or more.
    func testDroppedRepeatedLinesAreTheLinesMetFourTimes() {
        let lines = ["Share this story on your favourite social network now", "Share this story on your favourite social network now.",
                     "Sign up for our newsletter to get the latest news", "Caf\u{E9} and more words here to make eight of them",
                     "Cafe\u{301} and more words here to make eight of them", "one two three four five six seven", "x", ""]
        let taken = RemovalReason.heuristic(name: "earlier", category: .other, detail: "")
        let reason = RemovalReason.heuristic(name: "drop_repeated_lines", category: .other, detail: "")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            var document = randomDocument(of: lines, blocks: 0...8, linesPerBlock: 1...3, taken: taken, using: &generator)
            // The definition: the places of each text, by a table of all of them.
            var expected = document.blocks.map { $0.lines.map { $0.removedBy?.description } }
            var places: [String: [(Int, Int)]] = [:]
            for block in document.blocks.indices {
                for line in document.blocks[block].lines.indices where document.blocks[block].lines[line].isKept {
                    let text = document.blocks[block].lines[line].text
                    guard !Headline.endsSentence(text), MainText.wordCount(text, limit: RepeatedText.minRepeatedLineWords) >= RepeatedText.minRepeatedLineWords else { continue }
                    places[text, default: []].append((block, line))
                }
            }
            for copies in places.values where copies.count >= RepeatedText.minRepeatedLineCopies {
                for (block, line) in copies { expected[block][line] = reason.description }
            }
            RepeatedText.dropRepeatedLines(reason, in: &document)
            XCTAssertEqual(document.blocks.map { $0.lines.map { $0.removedBy?.description } }, expected, "\(document.blocks.map { $0.lines.map(\.text) })")
        }
    }

    func testAdjacentCopiesByTheirEndsAreThoseByTheirTexts() {
        let lines = ["A caption of four words", "A caption of four words", "A caption of four words and more", "A caption of four wo...",
                     "A caption of four wo... more", "é caption é", "é caption é", "", "x", "X", "日本 日本 日本 日本", "日本 日本 日本 日本"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let texts = (0..<Int.random(in: 0...8, using: &generator)).map { _ in lines.randomElement(using: &generator) ?? "" }
            let ends = texts.map(UTF8Shortcuts.Ends.init)
            for index in texts.indices.dropFirst() {
                XCTAssertEqual(ends[index - 1].differ(from: ends[index]), UTF8Shortcuts.differAtEnds(texts[index - 1], texts[index]))
                XCTAssertEqual(ends[index].mayEndInEllipsis, UTF8Shortcuts.mayEndInEllipsis(texts[index]))
            }
        }
    }
}
