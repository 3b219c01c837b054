import Foundation
import XCTest

@testable import Cleaner

/// libxml2's per-page arena must never hand out memory that something still uses.
final class DocumentArenaTests: XCTestCase {
    private func page(_ word: String) -> HTMLDocument? {
        let html = "<html><body>" + String(repeating: "<div><p>\(word) text</p></div>", count: 200) + "</body></html>"
        return Array(html.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) }
    }

    private func text(of document: HTMLDocument) -> String {
        document.root?.textContent ?? ""
    }

    /// A document kept past its scope keeps its memory while other pages are parsed and dropped on
    /// the same thread; freeing it later, on another thread, is safe.
    func testADocumentThatOutlivesItsScopeKeepsItsMemory() throws {
        let kept = try XCTUnwrap(DocumentArena.scope { page("kept") })
        let expected = text(of: kept)
        XCTAssertTrue(expected.contains("kept text"))
        for round in 0..<20 {
            DocumentArena.scope {
                let other = page("other\(round)")
                XCTAssertTrue(other.map(text)?.contains("other\(round) text") == true)
            }
        }
        XCTAssertEqual(text(of: kept), expected)
        let freed = expectation(description: "freed on another thread")
        let box = DocumentBox(kept)
        Thread.detachNewThread {
            box.document = nil
            freed.fulfill()
        }
        wait(for: [freed], timeout: 10)
        for _ in 0..<5 {
            DocumentArena.scope { XCTAssertNotNil(page("after")) }
        }
    }

    /// A document is left to its arena (no `xmlFreeDoc`) only while every block it may hold is
    /// in the arena: not with a text of more than 64 KiB (`malloc`'s), nor outside a scope.
    func testOnlyDocumentsWhollyInTheArenaAreLeftToIt() throws {
        DocumentArena.scope {
            XCTAssertEqual(page("small")?.freesWithArena, true)
            let long = "<html><body><p>" + String(repeating: "word ", count: 40_000) + "</p></body></html>"
            let large = Array(long.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) }
            XCTAssertEqual(large?.freesWithArena, false)
            XCTAssertEqual(large.map(text)?.count, 200_000)
        }
        // The large text was freed with its document: the next page is left to the arena again.
        DocumentArena.scope { XCTAssertEqual(page("again")?.freesWithArena, true) }
        XCTAssertEqual(page("outside")?.freesWithArena, false)
    }

    /// Expressions compiled while a page is being cleaned outlive it: they are not in the arena.
    func testXPathCompiledInsideAScopeStaysValid() throws {
        let expression = try XCTUnwrap(DocumentArena.scope { XPathExpression("//p[contains(., 'text')]") })
        for round in 0..<10 {
            DocumentArena.scope {
                guard let document = page("round\(round)") else { return XCTFail("no page") }
                XCTAssertEqual(expression.evaluate(in: document).nodes.count, 200)
            }
        }
    }

    /// Pages cleaned on several threads at once come out as they do one by one.
    func testConcurrentPagesCleanAsSequentialOnes() throws {
        let cleaner = try Cleaner()
        let pages = (0..<40).map { index in
            "<html><head><title>T\(index)</title></head><body><nav>Menu</nav>" + String(repeating: "<p>Paragraph \(index), long enough to count as text.</p>", count: index * 5 + 1) + "</body></html>"
        }
        let sequential = pages.map { cleaner.clean($0).text }
        let results = ResultBox(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            results.set(index, cleaner.clean(pages[index]).text)
        }
        XCTAssertEqual(results.values, sequential)
    }
}

private final class DocumentBox: @unchecked Sendable {
    var document: HTMLDocument?

    init(_ document: HTMLDocument) {
        self.document = document
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]

    init(count: Int) {
        storage = Array(repeating: "", count: count)
    }

    func set(_ index: Int, _ value: String) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
