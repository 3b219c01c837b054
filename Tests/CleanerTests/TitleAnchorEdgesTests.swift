import XCTest

@testable import Cleaner

/// `main_text` keeps each line's edge bytes (`PageTitle.LineEdges`) so that `TitleAnchor` turns
/// away most lines without reading their text. The check on the kept bytes answers as
/// `mayBeHeadline` does on the text: it never turns away a line the full comparison takes, and
/// the anchored run is the same with the edges as without them.
final class TitleAnchorEdgesTests: XCTestCase {
    private static let pieces = [
        "Review", "review", "İstanbul", "ÉTÉ", "straße", "日本", "x_1", "Ǆemal", "2024", "über", "ΣΟΦΟΣ", "Plain", "word’s",
        "e\u{301}t\u{301}e", "K\u{212A}", "a", "Z", "_", "9", "news", "Site",
    ]
    private static let separators = [" ", " - ", " | ", ": ", " — ", "’ ", "» ", ". ", "\r\n", "\u{301}", ""]

    private static func randomLine(maxPieces: Int) -> String {
        var line = Bool.random() ? (separators.randomElement() ?? "") : ""
        for index in 0..<Int.random(in: 0...maxPieces) {
            line += (index == 0 ? "" : separators.randomElement() ?? " ") + (pieces.randomElement() ?? "")
        }
        if Bool.random() { line += separators.randomElement() ?? "" }
        return line
    }

    private static func edges(of line: String) -> PageTitle.LineEdges {
        var line = line
        return line.withUTF8 { PageTitle.LineEdges($0) }
    }

    /// A line the edges turn away is one `mayBeHeadline` turns away, and no headline or repeat of
    /// the title; the title's own starts and ends are never turned away.
    func testEdgesNeverTurnAwayAHeadline() {
        for _ in 0..<3000 {
            let title = Self.randomLine(maxPieces: 9)
            let titleWords = PageTitle.words(of: title)
            let ends = PageTitle.TitleEnds(titleWords)
            var lines = (0..<8).map { _ in Self.randomLine(maxPieces: 6) }
            for length in 1..<max(2, titleWords.count) {
                let start = titleWords.prefix(length).joined(separator: " ")
                let end = titleWords.suffix(length).joined(separator: " ")
                lines += [start, end, start.uppercased(), end.capitalized, "» " + start + "!", end + ".", "x", "", "ab"]
            }
            for line in lines where ends.differAtOnce(Self.edges(of: line)) {
                XCTAssertFalse(PageTitle.mayBeHeadline(line, ends: ends), "\(line) of \(title)")
                let lineWords = PageTitle.words(of: line)
                XCTAssertFalse(PageTitle.isHeadline(lineWords, of: titleWords), "\(line) of \(title)")
                XCTAssertFalse(PageTitle.repeats(lineWords, title: titleWords) && !lineWords.isEmpty, "\(line) of \(title)")
            }
        }
    }

    /// Lines of fewer than two bytes are never turned away, and the packed bytes are the line's.
    func testEdgesOfShortAndLongLines() {
        XCTAssertEqual(Self.edges(of: ""), .none)
        XCTAssertEqual(Self.edges(of: "a"), .none)
        let edges = Self.edges(of: "Abc d»")
        XCTAssertEqual(edges.first, UInt8(ascii: "A"))
        XCTAssertEqual(Array("»".utf8).suffix(2), [edges.beforeLast, edges.last])
        let ends = PageTitle.TitleEnds(PageTitle.words(of: "Zebra crossing news today - Site"))
        XCTAssertFalse(ends.differAtOnce(.none))
        XCTAssertFalse(ends.differAtOnce(Self.edges(of: "\0\0")))
        XCTAssertTrue(ends.differAtOnce(Self.edges(of: "Menu item")))
        // "_" with a combining mark is no word character: the line's first word is "zebra".
        XCTAssertFalse(ends.differAtOnce(Self.edges(of: "_\u{301}zebra item")))
        XCTAssertTrue(PageTitle.mayBeHeadline("_\u{301}zebra item", ends: ends))
        XCTAssertTrue(PageTitle.mayBeHeadline("_\u{301}Zebra crossing", ends: ends))
        XCTAssertTrue(PageTitle.isHeadline(PageTitle.words(of: "_\u{301}Zebra crossing news today"), of: PageTitle.words(of: "Zebra crossing news today - Site")))
        XCTAssertFalse(ends.differAtOnce(Self.edges(of: "zebra item")))
        XCTAssertFalse(ends.differAtOnce(Self.edges(of: "Menu site")))
    }

    /// `TitleAnchor.run` finds the same run with the lines' edges as without them.
    func testRunIsTheSameWithEdges() {
        for _ in 0..<400 {
            let title = Self.randomLine(maxPieces: 9)
            var lines = [title]
            var weights = [-30.0]
            for _ in 0..<Int.random(in: 1...30) {
                if Int.random(in: 0..<4) == 0 {
                    let titleWords = PageTitle.words(of: title)
                    let length = Int.random(in: 0...max(0, titleWords.count))
                    lines.append((Bool.random() ? titleWords.prefix(length) : titleWords.suffix(length)).joined(separator: " "))
                } else {
                    lines.append(Self.randomLine(maxPieces: 6))
                }
                weights.append(Bool.random() ? -Double.random(in: 1...60) : Double.random(in: 0...200))
            }
            let blocks = [Block(kind: .paragraph, lines: lines)]
            let places = lines.indices.map { MainText.Unit(block: 0, line: $0) }
            let titles = MainText.UnitTexts(blocks: blocks, places: places)
            let bestSum = weights.reduce(0) { $0 + max($1, 0) }
            let without = TitleAnchor.run(titles: titles, weights: weights, bestSum: bestSum)
            let with = TitleAnchor.run(titles: titles, edges: lines.map(Self.edges), weights: weights, bestSum: bestSum)
            XCTAssertEqual(without, with, "\(lines)")
        }
    }

    /// No stretch that opens at a line weighs more than its `proseReach`: the bound by which
    /// `TitleAnchor.run` passes over lines without reading them.
    func testProseReachBoundsEveryStretch() {
        for _ in 0..<500 {
            let weights = (0..<Int.random(in: 0...60)).map { _ in Bool.random() ? -Double.random(in: 0...80) : Double.random(in: 0...350).rounded() / 2 }
            let reach = TitleAnchor.proseReach(weights)
            XCTAssertEqual(reach.count, weights.count)
            for index in weights.indices {
                let heaviest = TitleAnchor.heaviestStretch(from: index, weights: weights).sum
                XCTAssertLessThanOrEqual(heaviest, reach[index] + TitleAnchor.proseReachMargin / 1000, "\(weights) at \(index)")
            }
        }
    }

    /// The run found past the lines with too little prose after them is the run every line's
    /// stretch finds, for pages whose headline comes again before, inside and after the prose.
    func testRunIsTheSameAsWithEveryLineRead() {
        for _ in 0..<400 {
            let title = Self.randomLine(maxPieces: 9)
            let titleWords = PageTitle.words(of: title)
            var lines = [title]
            var weights = [-30.0]
            for _ in 0..<Int.random(in: 1...40) {
                if Int.random(in: 0..<3) == 0 {
                    let length = Int.random(in: 0...max(0, titleWords.count))
                    lines.append((Bool.random() ? titleWords.prefix(length) : titleWords.suffix(length)).joined(separator: " "))
                    weights.append(-Double.random(in: 1...60))
                } else {
                    lines.append(Self.randomLine(maxPieces: 6))
                    weights.append(Bool.random() ? -Double.random(in: 1...60) : Double.random(in: 0...200))
                }
            }
            let blocks = [Block(kind: .paragraph, lines: lines)]
            let places = lines.indices.map { MainText.Unit(block: 0, line: $0) }
            let titles = MainText.UnitTexts(blocks: blocks, places: places)
            let prose = weights.reduce(0) { $0 + max($1, 0) }
            for bestSum in [prose, prose / 2, prose / 4, 1] {
                XCTAssertEqual(
                    TitleAnchor.run(titles: titles, weights: weights, bestSum: bestSum), Self.runReadingEveryLine(lines, weights: weights, bestSum: bestSum),
                    "\(lines) \(weights) \(bestSum)")
            }
        }
    }

    /// `TitleAnchor.run` as it reads without `proseReach`: each chrome line that is a headline
    /// of the title opens a stretch.
    private static func runReadingEveryLine(_ lines: [String], weights: [Double], bestSum: Double) -> Range<Int>? {
        guard let titleLine = lines.first, let firstWeight = weights.first, firstWeight < 0 else { return nil }
        let title = PageTitle.words(of: titleLine)
        guard PageTitle.weight(title) >= PageTitle.minWords else { return nil }
        var best: (region: Range<Int>, sum: Double)?
        for index in lines.indices.dropFirst() where weights[index] < 0 {
            guard PageTitle.isHeadline(PageTitle.words(of: lines[index]), of: title) else { continue }
            let stretch = TitleAnchor.heaviestStretch(from: index, weights: weights)
            if stretch.sum > (best?.sum ?? 0) { best = (index..<stretch.end, stretch.sum) }
        }
        guard let best, best.sum >= TitleAnchor.minShareOfBest * bestSum else { return nil }
        guard let inner = MainText.heaviestRun(MainText.stretchCosts(Array(weights[best.region]))) else { return nil }
        let start = best.region.lowerBound + inner.lowerBound
        let end = best.region.lowerBound + inner.upperBound
        return (TitleAnchor.firstPart(between: best.region.lowerBound + 1, and: start, weights: weights) ?? start)..<end
    }
}
