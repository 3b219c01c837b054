import XCTest

@testable import Cleaner

/// The byte-level fast paths give exactly what the plain definitions give: the definitions are
/// written out here as they read, and both run on the same (partly random) inputs.
final class FastPathTests: XCTestCase {
    /// `normalizeLine` by its definition: scalar by scalar.
    private func referenceLine(_ line: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
            {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.unicodeScalars.append(" ")
                pendingSpace = false
            }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    private func referencePreformatted(_ line: String) -> String {
        var output = ""
        for scalar in line.unicodeScalars where scalar == "\t" || !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)) {
            output.unicodeScalars.append(scalar)
        }
        while let last = output.last, last.isWhitespace { output.removeLast() }
        return output
    }

    /// Text made of the pieces that matter: ASCII, spaces and controls, Unicode spaces, the BOM,
    /// C1 controls, combining marks, CJK, emoji.
    private func randomLines(count: Int) -> [String] {
        let pieces = ["a", "Word", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{FEFF}",
                      "\u{2003}", "\u{3000}", "\u{200B}", "é", "e\u{301}", " \u{301}", "\u{600}", "日本", "😀", "’", ".", "İ"]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    func testNormalizersMatchTheirDefinitions() {
        for line in randomLines(count: 5000) + ["", " ", "\u{A0}x\u{A0}", "x \u{301}", "tail\t \u{3000}"] {
            XCTAssertEqual(TextNormalizer.normalizeLine(line), referenceLine(line), line.debugDescription)
            XCTAssertEqual(TextNormalizer.normalizeLine(Substring(line)), referenceLine(line), line.debugDescription)
            // Counted alike in UTF-16 too: the normalized line's ASCII flag is its own, not checked again.
            XCTAssertEqual(TextNormalizer.normalizeLine(line).utf16.count, referenceLine(line).utf16.count, line.debugDescription)
            XCTAssertEqual(TextNormalizer.normalizePreformatted(line), referencePreformatted(line), line.debugDescription)
            let bytes = Array(line.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { TextNormalizer.normalizeLine(bytes: $0) }, referenceLine(line))
            XCTAssertEqual(bytes.withUnsafeBufferPointer { TextNormalizer.normalizePreformatted(bytes: $0) }, referencePreformatted(line))
        }
    }

    /// The reader takes a line that is normalized already straight from the text: its blocks are
    /// those of splitting the bytes at line ends and normalizing every line, on text with CRLF,
    /// Unicode spaces, combining marks, CJK and invalid UTF-8 (read as `String(decoding:)` reads it).
    func testTextReaderBlocksAreTheNormalizedLines() {
        func reference(_ text: String) -> [[[UInt8]]] {
            var blocks: [[[UInt8]]] = []
            var lines: [[UInt8]] = []
            let bytes = Array(text.utf8)
            var start = 0
            var index = 0
            func take(_ end: Int) {
                let line = bytes[start..<end].withUnsafeBufferPointer { TextNormalizer.normalizeLine(bytes: $0) }
                if line.isEmpty {
                    if !lines.isEmpty { blocks.append(lines) }
                    lines = []
                } else {
                    lines.append(Array(line.utf8))
                }
            }
            while index < bytes.count {
                if bytes[index] == 0x0A || bytes[index] == 0x0D {
                    take(index)
                    index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            take(bytes.count)
            if !lines.isEmpty { blocks.append(lines) }
            return blocks
        }
        var generator = SystemRandomNumberGenerator()
        let invalid: [[UInt8]] = [[0xC3], [0xE2, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98]]
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for line in randomLines(count: Int.random(in: 0...8, using: &generator)) {
                bytes += Array(line.utf8)
                if Int.random(in: 0..<8, using: &generator) == 0 { bytes += invalid.randomElement(using: &generator) ?? [] }
                bytes += [["\n"], ["\r\n"], ["\r"], ["\n", "\n"], ["\r\n", "\r\n"]].randomElement(using: &generator)?.flatMap { Array($0.utf8) } ?? []
            }
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(TextReader.blocks(from: text).map { $0.lines.map { Array($0.text.utf8) } }, reference(text), text.debugDescription)
        }
    }

    /// A line the reader copies without validating it again is the string `String(decoding:)`
    /// makes of its bytes: equal, hashed alike, and counted alike in characters, scalars and
    /// UTF-16 (a string flagged ASCII counts its UTF-16 by its bytes: a wrong flag shows there).
    func testLinesCopiedWithoutValidationAreTheDecodedStrings() {
        func assertDecoded(_ made: String, _ bytes: [UInt8], _ message: String) {
            let decoded = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(Array(made.utf8), bytes, message)
            XCTAssertEqual(made, decoded, message)
            XCTAssertEqual(made.hashValue, decoded.hashValue, message)
            XCTAssertEqual(made.count, decoded.count, message)
            XCTAssertEqual(made.unicodeScalars.count, decoded.unicodeScalars.count, message)
            XCTAssertEqual(made.utf16.count, decoded.utf16.count, message)
            XCTAssertEqual(Array(made.utf16), Array(decoded.utf16), message)
            XCTAssertEqual(made.lowercased(), decoded.lowercased(), message)
        }
        // Below, at and above the 15 bytes a string holds without an allocation.
        let edges = ["", "a", "fifteen bytes!!", "sixteen bytes!!!", "fourteen é !!", "fifteen é bytes", "日本語の文章です", "😀😀😀😀"]
        for line in randomLines(count: 3000) + edges {
            let bytes = Array(line.utf8)
            let made = bytes.withUnsafeBufferPointer { ValidUTF8.string($0, isASCII: bytes.allSatisfy { $0 < 0x80 }) }
            assertDecoded(made, bytes, line.debugDescription)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = randomLines(count: Int.random(in: 0...8, using: &generator)).joined(separator: ["\n", "\r\n", "\n\n"].randomElement(using: &generator) ?? "\n")
            for block in TextReader.blocks(from: text) {
                for line in block.lines { assertDecoded(line.text, Array(line.text.utf8), text.debugDescription) }
            }
        }
    }

    func testInvalidUTF8IsReadAsStringDecodingReadsIt() {
        let samples: [[UInt8]] = [[0x61, 0xC3], [0xE2, 0x80, 0x20, 0x62], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0x20, 0xFF, 0x20, 0x41]]
        for bytes in samples {
            let decoded = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { TextNormalizer.normalizeLine(bytes: $0) }, referenceLine(decoded))
            XCTAssertEqual(bytes.withUnsafeBufferPointer { TextNormalizer.normalizePreformatted(bytes: $0) }, referencePreformatted(decoded))
        }
    }

    private static let page = """
        <html><head><title>T</title><meta property="og:title" content="OG"><meta name="author" content="">
        <link rel="canonical" href="https://x.test/a"><meta property="og:url" content="https://x.test/b"></head>
        <body><nav class="menu top">Home</nav><h1 class="x">Head &amp; line</h1><div id="a" class="story main" rel="author">
        <p>One <a rel="author" href="/me">Me</a></p><figure><img src="/pixel.gif?x=1"><figcaption>Cap</figcaption></figure>
        <aside><h1>Side</h1><time datetime="2024-01-02">Jan 2</time></aside><DIV CLASS="Upper">u</DIV><p title="">empty title</p>
        <svg><title>svg title</title></svg><time>no datetime</time></div></body></html>
        """

    /// Every form the native evaluator takes, against libxml2's own answer on the same tree.
    func testNativeXPathAnswersAsLibXMLDoes() throws {
        let expressions = [
            "//figcaption", "//nav", "//aside", "//h1", "//title", "//time/@datetime", "//*[@rel='author']", "//*",
            "//meta[@property='og:title']/@content", "//meta[@name='author']/@content", "//link[@rel='canonical']/@href",
            "//meta[@property=\"og:url\"]/@content", "//div[@id='a']", "//div[@class='story']", "//div[contains(@class,'story')]",
            "//*[contains(@class, 'up')]", "//*[contains(@class,'')]", "//p[@title]", "//p[@title='']", "//div[@id]/@class",
            "//img[contains(@src,'pixel.gif')]", "//div", "//nothing", "//*[@rel='author'][@href]",
        ]
        let documents = try [Self.page] + ["html-generic-categories", "html-site-rules"].map {
            try String(contentsOfFile: Repository.path("golden/\($0)/input.html"), encoding: .utf8)
        }
        for source in documents {
            let document = try XCTUnwrap(Array(source.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) })
            for expression in expressions {
                let compiled = try XCTUnwrap(XPathExpression(expression))
                XCTAssertNotNil(SimpleXPath(expression), "\(expression) should be evaluated natively")
                let native = compiled.evaluate(in: document)
                let reference = compiled.evaluateWithLibXML(in: document)
                XCTAssertEqual(native.nodes.map(\.pointer), reference.nodes.map(\.pointer), expression)
                XCTAssertEqual(native.strings, reference.strings, expression)
            }
        }
        for other in ["//div//p", "//div[1]", "//DIV[@CLASS='Upper']/text()", "string(//title)", "//div[@id = 'a']", "//x:y", "(//p)[1]"] {
            XCTAssertNil(SimpleXPath(other), "\(other) is for libxml2")
        }
    }

    /// The element index behind native XPath follows every change to the tree.
    func testNativeXPathSeesTheTreeAsItIsNow() throws {
        let html = "<html><body><div><p>1</p><p>2</p></div><p>3</p><section><p>4</p></section></body></html>"
        let document = try XCTUnwrap(Array(html.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) })
        let paragraphs = try XCTUnwrap(XPathExpression("//p"))
        let divs = try XCTUnwrap(XPathExpression("//div"))
        XCTAssertEqual(paragraphs.evaluate(in: document).strings, ["1", "2", "3", "4"])
        document.remove(divs.evaluate(in: document).nodes)
        XCTAssertEqual(paragraphs.evaluate(in: document).strings, ["3", "4"])
        try XCTUnwrap(XPathExpression("//section")).evaluate(in: document).nodes.first?.replaceWithChildren()
        XCTAssertEqual(paragraphs.evaluate(in: document).strings, paragraphs.evaluateWithLibXML(in: document).strings)
        document.walk(enter: { $0.hasName("p") && $0.textContent == "3" ? .remove : .descend })
        XCTAssertEqual(paragraphs.evaluate(in: document).strings, ["4"])
        XCTAssertEqual(paragraphs.evaluate(in: document).nodes.map(\.pointer), paragraphs.evaluateWithLibXML(in: document).nodes.map(\.pointer))
    }

    /// `drop_repeated_title` by its definition: every kept block's text normalized and lower-cased.
    private func referenceRepeatedTitle(_ document: Document) -> [Bool] {
        func comparable(_ text: String) -> String { referenceLine(text).lowercased() }
        var document = document
        let kept = document.keptBlockIndices
        guard let first = kept.first else { return document.blocks.map(\.isKept) }
        var title: String?
        if let metadataTitle = document.metadata.title.map(comparable), kept.contains(where: { comparable(document.blocks[$0].keptText) == metadataTitle }) {
            title = metadataTitle
        } else if Headline.isHeadlineLike(document.blocks[first]) {
            title = comparable(document.blocks[first].keptText)
        }
        if let title, !title.isEmpty {
            var seen = false
            for index in kept where comparable(document.blocks[index].keptText) == title {
                if seen { document.blocks[index].remove(.heuristic(name: "t", category: .other, detail: "")) }
                seen = true
            }
        }
        return document.blocks.map(\.isKept)
    }

    /// The ellipsis shortcut says no only where the last bytes hold neither ".." nor the end of "…".
    /// The headline pre-check never turns away a line that `isHeadline` takes: every start and end
    /// of a title's words, in any case, passes it, for titles of random pieces.
    func testHeadlinePrecheckKeepsEveryHeadline() {
        let words = ["Review", "İstanbul", "ÉTÉ", "straße", "日本", "x_1", "Ǆemal", "2024", "über", "ΣΟΦΟΣ", "Plain", "word’s", "e\u{301}t\u{301}e"]
        let separators = [" ", " - ", " | ", ": ", " — ", "’ "]
        for _ in 0..<2000 {
            let count = Int.random(in: 4...9)
            let pieces = (0..<count).map { _ in words.randomElement() ?? "" }
            var title = ""
            for (index, piece) in pieces.enumerated() { title += (index == 0 ? "" : separators.randomElement() ?? " ") + piece }
            let titleWords = PageTitle.words(of: title)
            let ends = PageTitle.TitleEnds(titleWords)
            // The title said again in full, or opening a longer line.
            for line in [title, title.uppercased() + "!", title + " x y", "e\u{301}" + title] where PageTitle.repeats(PageTitle.words(of: line), title: titleWords) {
                XCTAssertTrue(PageTitle.mayBeHeadline(line, ends: ends), "\(line) of \(title)")
            }
            for length in 1..<count {
                for part in [pieces.prefix(length), pieces.suffix(length)] {
                    let joined = part.joined(separator: " ")
                    for line in [joined, joined.uppercased(), joined.lowercased(), "» " + joined + "!", joined + " x", "e\u{301}" + joined, joined + "\u{301}"] {
                        let lineWords = PageTitle.words(of: line)
                        if PageTitle.isHeadline(lineWords, of: titleWords) || PageTitle.repeats(lineWords, title: titleWords) {
                            XCTAssertTrue(PageTitle.mayBeHeadline(line, ends: ends), "\(line) of \(title)")
                        }
                    }
                }
            }
        }
    }

    /// The case-folding byte search finds a rule directive's name (`signature_line`, with a `_` to
    /// anchor on) and an all-letter word exactly where lower-casing both sides would.
    func testCaselessByteSearchMatchesItsDefinition() {
        func reference(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            let lowered = haystack.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            guard lowered.count >= needle.count else { return false }
            return (0...(lowered.count - needle.count)).contains { Array(lowered[$0..<($0 + needle.count)]) == needle }
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["signature_line", "SIGNATURE_LINE", "Signature_Line", "signature", "_line", "_", "signature-line", "sig", " ", "\u{7F}", "é", "line", "Line", "@", "`"]
        for needle in ["signature_line", "line", "a@b"] {
            for _ in 0..<3000 {
                let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                let bytes = Array(text.utf8)
                let found = bytes.withUnsafeBufferPointer { ByteSearch.containsIgnoringASCIICase($0, Array(needle.utf8)) }
                XCTAssertEqual(found, reference(bytes, Array(needle.utf8)), "\(needle) in \(text.debugDescription)")
            }
        }
    }

    /// The ellipsis shortcut is true only where the line's last bytes hold ".." or the end of "…",
    /// and false there only where no truncated stem is found.
    func testEllipsisShortcutRulesOutOnlyLinesWithoutAStem() {
        func window(_ text: String) -> Bool {
            let tail = Array(text.utf8.suffix(RepeatedText.maxToggleCharacters * 4 + 2))
            return tail.contains(0xA6) || zip(tail, tail.dropFirst()).contains { $0 == 0x2E && $1 == 0x2E }
        }
        var generator = SystemRandomNumberGenerator()
        // Prepended marks (U+0D4E is a letter, U+0600 not) join the ASCII after them into one Character.
        let pieces = ["word", " ", ".", "..", "...", "…", "more", "mehr", "日本", "é", "e\u{301}", "x.y", "\u{2026}", "\u{A6}", "A", "toolongtoggleword", "\t",
                      "\r\n", "\n", "\u{A0}", "\u{D4E}", "\u{600}", "!", ")"]
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let shortcut = UTF8Shortcuts.mayEndInEllipsis(text)
            let stem = RepeatedText.truncatedStem(text) != nil
            if shortcut { XCTAssertTrue(window(text), text.debugDescription) }
            // What the copies rule sees: a stem where the window allowed one to be looked for.
            XCTAssertEqual(shortcut && stem, window(text) && stem, text.debugDescription)
        }
    }

    /// A title's words split on bytes where the title is ASCII: as `Character` splitting gives them.
    func testPageTitleWordsMatchTheirDefinition() {
        let pieces = [
            "Word", "a", "Z9", "_", " ", "  ", "-", "|", "\t", "\r\n", "\u{1}", "'", "é", "e\u{301}", "日本", "İ", "\u{A0}", "½",
            "’", "–", "—", "«", "»", "·", "Straße", "ÉTÉ", "ΣΟΦΟΣ", "σοφός", "Ǆemal", "Москва", "한국어", "ｶ", "١٢", "\u{4DC0}", "\r",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<6000 {
            let line = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = line.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
            XCTAssertEqual(PageTitle.words(of: line).map(String.init), expected, line.debugDescription)
        }
    }

    /// A title's weight skips decoding words without a lead byte of a double-width scalar: as
    /// counting the double-width scalars of every word gives it.
    func testPageTitleWeightMatchesItsDefinition() {
        let pieces = ["word", "é", "日本", "ア", "한국", "\u{2FFF}", "\u{3040}", "\u{E000}", "\u{1F600}", "ß", "9"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let words = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Substring((1...Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined())
            }
            let expected = words.reduce(0) { total, word in
                total + max(1, word.unicodeScalars.filter { MainText.isDoubleWidth($0.value) }.count)
            }
            XCTAssertEqual(PageTitle.weight(words), expected, words.debugDescription)
        }
    }

    /// `ASCIIText.lowercased` lower-cases as `String.lowercased` where the text is ASCII.
    func testASCIILowercasedMatchesTheStandardLibrary() {
        let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in ascii.randomElement(using: &generator) ?? "a" })
            XCTAssertEqual(ASCIIText.lowercased(text), text.lowercased(), text.debugDescription)
        }
        XCTAssertNil(ASCIIText.lowercased("Caf\u{E9}"))
        XCTAssertNil(ASCIIText.lowercased("\u{212A}elvin"))
    }

    func testRepeatedTitleShortcutsDecideAsTheDefinition() {
        let titles = ["Breaking News", "breaking  news", "BREAKING NEWS", "İstanbul votes", "istanbul votes", "\u{212A}elvin scale",
                      "kelvin scale", " Ünïcode title", "ünïcode title", "A", "a much longer sentence that goes on, and on.", "\u{A0}Breaking News",
                      "Breaking", "BreakingNews", "Breaking\tNews", "\u{1}Breaking News", "Breaking News\u{7F}", "Breaking\u{85}News", "breaking news!",
                      "Breaking News.", "breaking news;", "Breaking News\u{37E}", "Kelvin \u{212A}", "kelvin k", "Title K", "title\u{2126}", "title\u{3A9}", "ТИТУЛ", "титул",
                      "News breaking", "Breaking News ", "breaking news\u{301}", "Breaking Newsroom", "oom", "Breaking \u{130}", "breaking i\u{307}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var blocks = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                Block(kind: .paragraph, lines: (0..<Int.random(in: 1...2, using: &generator)).map { _ in titles.randomElement(using: &generator) ?? "" })
            }
            if Bool.random(using: &generator), !blocks.isEmpty { blocks[0].remove(.heuristic(name: "x", category: .other, detail: "")) }
            var document = Document(blocks: blocks)
            document.metadata.title = Bool.random(using: &generator) ? titles.randomElement(using: &generator) : nil
            let expected = referenceRepeatedTitle(document)
            RepeatedText.dropRepeatedTitle(.heuristic(name: "t", category: .other, detail: ""), in: &document)
            XCTAssertEqual(document.blocks.map(\.isKept), expected, "\(blocks.map(\.keptText)) title \(document.metadata.title ?? "-")")
        }
        // A title and a copy that differ only in a character canonically equal to an ASCII one,
        // or in a combining mark against a precomposed letter.
        for (title, texts) in [("Breaking News\u{37E}", ["breaking news;", "x", "breaking news;"]), ("Caf\u{E9} news", ["Cafe\u{301} news", "x", "caf\u{E9} news"])] {
            var document = Document(blocks: texts.map { Block(kind: .paragraph, lines: [$0]) })
            document.metadata.title = title
            let expected = referenceRepeatedTitle(document)
            XCTAssertEqual(expected, [true, true, false], title)
            RepeatedText.dropRepeatedTitle(.heuristic(name: "t", category: .other, detail: ""), in: &document)
            XCTAssertEqual(document.blocks.map(\.isKept), expected, title)
        }
    }
}

/// Line rules searched over the whole document give the line-by-line answer.
final class DocumentSearchTests: XCTestCase {
    func testLineLocalPatternsAreRecognised() {
        for local in ["^(?i)share$", "\\bPhoto\\b[^)]*\\)$", "^(?i:copyright\\b.{0,200})", "(?<name>a)b", "^(?:x|y)\\s+z", "(?-i)a",
                      // An escaped parenthesis opens no group, whatever follows it.
                      "^\\(?(?i:reporting by)\\s\\S", "\\(?=", "\\\\\\(?!"] {
            XCTAssertTrue(DocumentPattern.isLineLocal(local), local)
        }
        for other in ["^(?=.*\\d)x", "a(?!\\s)", "(?<=a)b", "(?>a+)b", "a++", "\\Aa", "a\\z", "(*CRLF)a", "a\\Kb", "(?m)^a", "(?s).", "(?R)", "a{2}+", "\\\\(?=a)", "\\((?=a)"] {
            XCTAssertFalse(DocumentPattern.isLineLocal(other), other)
        }
    }

    /// Random documents of lines made from pieces that the patterns care about, matched with and
    /// without the whole-document search.
    func testSearchingTheWholeDocumentFindsEveryLineThatMatches() throws {
        let patterns = try [
            "^(?i)(?:share|tweet)(?:\\s*[|/]?\\s*(?:share|tweet))+$", "\\((?:AP|AFP) ?Photo\\b[^)]*\\)\\s*$", "^(?i:copyright\\s*\\d{4}).{0,30}$",
            "\\b(?:Photo|Image)s?\\s?:\\s?[\\p{Lu}\\d][\\p{Lu}\\d\\s/.,&'-]+$", "^$", "^\\s*$", "a\\s*$", "[^x]*y$", "^(?:By|BY)\\s+\\p{Lu}\\w*", "(\\w+) \\1",
            // Searched for their literals: a run along the line first, or assertions.
            "^(?i:.*\\b(?:share|tweet|модер)\\b)", "^(?i)(?=.{0,30}$)(?=.*\\b(?:share|модер))(?=.*\\b(?:tweet|jane))", "^(?=.*\\d)(?i:.*photo)",
        ].map { try Pattern($0) }
        let pieces = ["Share", " | ", "Tweet", "(AP Photo/Jon)", "  ", "Copyright 2024", "x", "y", "a", " ", "By Jane", "word word", "Photo: REUTERS", "é", "\t",
                      "МОДЕР", "мᲂдер", String(repeating: "long ", count: 5)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let blocks = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                Block(kind: .paragraph, lines: (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                })
            }
            let document = Document(blocks: blocks)
            let lines = try XCTUnwrap(DocumentLines(document))
            for pattern in patterns {
                let whole = LineMatcher(pattern, lines: lines)
                let alone = LineMatcher(pattern, lines: nil)
                for block in document.blocks.indices {
                    for line in document.blocks[block].lines.indices {
                        XCTAssertEqual(whole.matches(document, block: block, line: line), alone.matches(document, block: block, line: line),
                                       "\(pattern.source) on \(document.blocks[block].lines[line].text.debugDescription)")
                    }
                }
            }
        }
    }
}

/// Patterns are interpreted until they have matched enough text, then JIT-compiled: the answers
/// (and the match ranges) are the same on both sides of that switch.
final class LazyJITTests: XCTestCase {
    func testAPatternAnswersTheSameBeforeAndAfterItIsJITCompiled() throws {
        let sources = ["^(?i)(?:share|tweet)(?:\\s*[|/]?\\s*(?:share|tweet))+$", "\\b(?:Photo|Image)s?\\s?:\\s?[\\p{Lu}\\d][\\p{Lu}\\d\\s/.,&'-]+$",
                       "(\\w+) \\1", "^\\s*$", "ß|straße"]
        let pieces = ["Share", " | ", "Tweet", "Photo: REUTERS", "word word", "Straße", "STRASSE", " ", "é", "\t", "x"]
        var generator = SystemRandomNumberGenerator()
        let lines = (0..<200).map { _ in
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        for source in sources {
            // One long subject takes this pattern past the threshold; a fresh one per line stays
            // interpreted. The subject holds a literal the photo pattern requires, so that its
            // required-literal test, read at the same threshold, lets PCRE2 see it.
            let compiled = try Pattern(source, caseInsensitive: true)
            _ = compiled.matches("Photo: " + String(repeating: "x", count: LazyJIT.thresholdBytes))
            #if arch(x86_64) || arch(arm64)
            XCTAssertTrue(compiled.isJITCompiled, source)
            #endif
            for line in lines {
                let interpreted = try Pattern(source, caseInsensitive: true)
                XCTAssertEqual(interpreted.firstMatch(in: line), compiled.firstMatch(in: line), "\(source) on \(line.debugDescription)")
                XCTAssertFalse(interpreted.isJITCompiled, source)
            }
        }
    }
}

/// The ASCII shortcuts of the text-scrape rules decide as the character-level definitions do.
final class TextShortcutTests: XCTestCase {
    private func randomLines(_ pieces: [String], count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    private let pieces = ["3", "5033", "Kevin", " ", "  ", "\t", "|", ".", ",", ";", ":", "!", "?", "\"", "'", ")", "]", "%", "$", "-", "+", "€", "£",
                          "’", "”", "»", "…", "。", "、", "é", "e\u{301}", "\u{600}", "١٢", "\r", "\r\n", "Word", "x"]

    func testEndsSentenceMatchesItsDefinition() {
        func reference(_ line: String) -> Bool {
            var last = line.last
            var rest = Substring(line)
            while let character = last, Headline.closers.contains(character) {
                rest = rest.dropLast()
                last = rest.last
            }
            guard let last else { return false }
            return Headline.sentenceEnds.contains(last)
        }
        let others = ["？", "！", "\u{37E}", "\u{2126}", "😀", "한", "日本", "Ж", "!\u{301}", "\u{1F1E9}\u{1F1EA}", "a\u{200D}"]
        for line in randomLines(pieces, count: 5000) + randomLines(pieces + others, count: 5000) {
            XCTAssertEqual(Headline.endsSentence(line), reference(line), line.debugDescription)
        }
    }

    func testDataRowsAndWeightsMatchTheirDefinitions() {
        func referenceDataRow(_ line: String) -> Bool {
            let cells = line.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
            guard cells.count >= 3 else { return false }
            let numbers = cells.filter { cell in cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || ".,:%/$€£-+".contains($0) } }.count
            return numbers * 3 >= cells.count
        }
        func referenceWeight(_ line: String) -> Double {
            let size = MainText.weightedLength(line)
            let ends = Headline.endsSentence(line)
            let marks = line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }
            if size >= MainText.proseCharacters, ends || marks >= 2 { return Double(size) }
            if size >= MainText.sentenceCharacters, ends { return Double(size) / 2 }
            if referenceDataRow(line) { return Double(size) / 4 }
            // Numbers alone, with their signs: a table's cell or a chart's label, weighing nothing.
            if line.contains(where: \.isNumber), line.allSatisfy({ $0.isNumber || $0.isWhitespace || $0.isCurrencySymbol || MainText.numberCellMarks.contains($0) }) { return 0 }
            let words = line.split(whereSeparator: { $0.isWhitespace }).count
            let cost = MainText.chromeCost + Double(size) / 2
            return !ends && words >= MainText.minTitleWords && words <= Headline.maxWords ? -cost * MainText.titleCostFactor : -cost
        }
        let lines = randomLines(pieces, count: 5000) + randomLines(pieces + Array(repeating: "a long run of words,", count: 20), count: 2000)
        for line in lines {
            XCTAssertEqual(MainText.weight(line), referenceWeight(line), line.debugDescription)
            if line.utf8.allSatisfy({ $0 < 0x80 }) {
                XCTAssertEqual(MainText.isASCIIDataRow(line), referenceDataRow(line), line.debugDescription)
            }
        }
    }

    func testNumberCellsAndListIntroducersMatchTheirDefinitions() {
        func referenceNumberCell(_ line: String) -> Bool {
            line.contains(where: \.isNumber) && line.allSatisfy { $0.isNumber || $0.isWhitespace || $0.isCurrencySymbol || MainText.numberCellMarks.contains($0) }
        }
        func referenceIntroducer(_ line: String) -> Bool {
            guard let last = line.last, [":", "："].contains(last), !line.dropLast().contains(where: { [":", "："].contains($0) }) else { return false }
            return MainText.weight(line) > 0
        }
        let colons = [":", "：", ":\u{301}", "\u{600}:", "a long run of words, which ends a sentence."]
        for line in randomLines(pieces + colons, count: 8000) + randomLines(colons + ["3", "5033", " ", "$", "€", "%", "’", "\r\n", "x"], count: 2000) {
            XCTAssertEqual(MainText.isNumberCell(line), referenceNumberCell(line), line.debugDescription)
            XCTAssertEqual(MainText.introducesList(line), referenceIntroducer(line), line.debugDescription)
        }
    }

    func testSignatureLinesFindTheSiteAsLineByLine() throws {
        var library = RuleLibrary()
        try library.add(name: "a.test", text: "signature_line: ^AAA$\nsignature_line: (?=B)B\n", path: "a.test.txt")
        try library.add(name: "b.test", text: "signature_line: ^(?:B|AAA)\n", path: "b.test.txt")
        let texts = ["", "  AAA  ", "B", "xB", "AAA", "BB", "text"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let lines = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Substring(texts.randomElement(using: &generator) ?? "") }
            // By the definition: the first non-empty trimmed line a signature matches, the first signature that does.
            var expected: String?
            search: for line in lines {
                let text = String(line.trimmingWhitespace())
                if text.isEmpty { continue }
                for (pattern, site) in [("^AAA$", "a.test"), ("(?=B)B", "a.test"), ("^(?:B|AAA)", "b.test")] where try Pattern(pattern).matches(text) {
                    expected = site
                    break search
                }
            }
            XCTAssertEqual(library.siteName(forLines: lines), expected, "\(lines)")
        }
    }
}
