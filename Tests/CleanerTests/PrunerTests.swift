import XCTest

@testable import Cleaner

/// `prune: yes` reads every element's text length from one walk; the lengths and the removals must
/// be those of reading each element's own `textContent`, whatever text crosses element boundaries.
final class PrunerTests: XCTestCase {
    /// Text pieces that meet at element boundaries: whitespace and controls of every kind, combining
    /// marks that join the previous element's letter, emoji ZWJ sequences, flags (regional-indicator
    /// pairs) and Indic conjuncts cut in the middle, scripts without spaces.
    private let pieces = [
        "word", "Two words", "a", " ", "  ", "\n\t", "\u{00A0}", "\u{3000}", "\u{FEFF}", "\u{2028}", "\u{85}",
        "\u{0301}", "e\u{0301}", "\u{0308}\u{0301}", "Über", "日本語の文", "한국어",
        "\u{1F468}", "\u{200D}", "\u{1F469}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F3FD}",
        "\u{1F1E9}", "\u{1F1EA}", "\u{1F1E9}\u{1F1EA}\u{1F1EB}", "क", "\u{094D}", "ष", "क\u{094D}", "\u{094D}ष",
        "\r", "\r\n", "x\u{7F}y", "prose that goes on for a sentence or two, with no link in it at all",
    ]
    private let containers = ["div", "ul", "ol", "table", "section", "aside", "form", "nav", "dl"]
    private let others = ["span", "p", "li", "b", "em", "a", "a", "a", "dd", "td"]

    func testLengthsAndRemovalsMatchEachElementsOwnText() throws {
        var generator = SplitMix(seed: 20_261_130)
        for _ in 0..<400 {
            try check("<html><body>" + fragment(depth: 0, using: &generator) + "</body></html>")
        }
    }

    /// Every pair of a text that ends a cluster open and a container's text that continues it.
    func testContainersThatStartInsideACluster() throws {
        let before = ["", "e", "\u{1F1E9}", "\u{1F1E9}\u{1F1EA}\u{1F1EB}", "\u{1F468}\u{200D}", "\u{1F468}", "क\u{094D}", "क", "x "]
        let inside = ["\u{0301}x", "\u{1F1EA}", "\u{1F1EA}\u{1F1EB}", "\u{1F1EA}\u{1F1EB}\u{1F1E9}", "\u{1F1EA}\u{1F1EB}\u{1F1E9}\u{1F1EA}", "\u{1F469}", "\u{200D}\u{1F469}", "ष", "\u{094D}ष", "\u{1F3FD} y"]
        let after = ["", "\u{1F1E9}", "\u{0301}", " z"]
        for first in before {
            for second in inside {
                for third in after {
                    try check("<html><body>\(first)<div>\(second)</div>\(third)</body></html>")
                    try check("<html><body><section>\(first)<div>\(second)<a href=\"/\">\(second)</a></div>\(third)</section></body></html>")
                }
            }
        }
    }

    /// Each container's and link's length, and the removals, as read from its own `textContent`.
    private func check(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let document = try XCTUnwrap(Array(html.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) })
        let body = try XCTUnwrap(BodySelector.pageBody(of: document))
        let tree = Pruner.Tree.read(body, in: document)
        var elements: [Node] = []
        document.walk(from: body, enter: { node in
            if node.isElement { elements.append(node) }
            return .descend
        })
        XCTAssertEqual(elements.count, tree.elements.count, file: file, line: line)
        for (index, node) in elements.enumerated() where tree.elements[index].container != nil || tree.elements[index].isLink {
            XCTAssertEqual(tree.textLength[index], TextNormalizer.normalizeLine(node.textContent).count, html, file: file, line: line)
            if tree.elements[index].container != nil {
                XCTAssertEqual(tree.linkTextLength[index], Self.linkTextLength(node, in: document), html, file: file, line: line)
            }
        }
        XCTAssertEqual(Pruner.doomed(under: body, in: document), Self.doomedByTextContent(under: body, in: document), html, file: file, line: line)
    }

    func testLinkListsGoAndProseStays() throws {
        let html = """
            <html><body><div id="article"><p>The article's own paragraph, long enough to be prose and with
            <a href="/a">one link</a> in it.</p>
            <ul id="related"><li><a href="/1">Related story one</a></li><li><a href="/2">Related story two</a></li></ul>
            <div id="tags">Tags: <a href="/t">news</a></div></div></body></html>
            """
        let document = try XCTUnwrap(Array(html.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) })
        let body = try XCTUnwrap(BodySelector.pageBody(of: document))
        XCTAssertEqual(Pruner.doomed(under: body, in: document).map { $0.attribute("id") }, ["related", "tags"])
    }

    /// The rule as first written: each container's and each link's own `textContent`.
    private static func doomedByTextContent(under root: Node, in document: HTMLDocument) -> [Node] {
        var doomed: [Node] = []
        document.walk(from: root, enter: { node in
            guard node.isElement, !(node == root), Pruner.containers.contains(node.name) else { return .descend }
            let text = TextNormalizer.normalizeLine(node.textContent)
            let linkText = linkTextLength(node, in: document)
            let density = Double(linkText) / Double(max(text.count, 1))
            if density > Pruner.maxLinkDensity || (linkText > 0 && text.count < Pruner.minTextWithLinks) {
                doomed.append(node)
                return .skip
            }
            return .descend
        })
        return doomed
    }

    private static func linkTextLength(_ node: Node, in document: HTMLDocument) -> Int {
        var length = 0
        document.walk(from: node, enter: { inner in
            if inner.hasName("a") {
                length += TextNormalizer.normalizeLine(inner.textContent).count
                return .skip
            }
            return .descend
        })
        return length
    }

    private func fragment(depth: Int, using generator: inout SplitMix) -> String {
        var html = ""
        for _ in 0..<generator.next(below: depth == 0 ? 6 : 4) {
            switch generator.next(below: 10) {
            case 0..<4:
                html += pieces[generator.next(below: pieces.count)]
            case 4:
                html += "<!-- \(pieces[generator.next(below: pieces.count)]) -->"
            default:
                guard depth < 7 else { continue }
                let tag = generator.next(below: 2) == 0 ? containers[generator.next(below: containers.count)] : others[generator.next(below: others.count)]
                let attributes = tag == "a" ? " href=\"/x\"" : ""
                html += "<\(tag)\(attributes)>" + fragment(depth: depth + 1, using: &generator) + "</\(tag)>"
            }
        }
        return html
    }
}

/// A small seeded generator: the same trees on every run.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(bound))
    }
}
