import Foundation
import Synchronization
import XCTest

@testable import Cleaner

/// `--rules-lenient` directories are indexed at start-up and read when a page of a site comes.
final class OnDemandRulesTests: XCTestCase {
    private final class Warnings: Sendable {
        let list = Mutex<[String]>([])
        func add(_ error: RuleError) { list.withLock { $0.append(error.description) } }
        var all: [String] { list.withLock { $0 } }
    }

    private func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "on-demand-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    func testASiteFileIsReadWhenAPageOfTheSiteComesAndOnlyThen() throws {
        let path = try directory([
            "paper.test.txt": "drop_line(navigation): ^Menu$\nstrip: //div[\n",
            "other.test.txt": "body: //article\n",
        ])
        let warnings = Warnings()
        var library = try RuleLibrary.builtin()
        try library.addDirectoryOnDemand(path) { warnings.add($0) }
        XCTAssertEqual(library.siteCount, 2 + (try RuleLibrary.builtin().siteCount))
        XCTAssertEqual(warnings.all, [], "nothing is read at start-up")
        let cleaner = Cleaner(library: library)
        let result = cleaner.clean("Menu\n\nThe story.\n", options: CleanOptions(url: "https://www.paper.test/a"))
        XCTAssertEqual(result.text, "The story.")
        XCTAssertEqual(warnings.all.count, 1, "the broken rule of the file read is a warning")
        XCTAssertTrue(warnings.all.first?.hasPrefix(path + "/paper.test.txt:2: ") == true, "\(warnings.all)")
        _ = cleaner.clean("Menu\n\nAgain.\n", options: CleanOptions(url: "https://paper.test/b"))
        XCTAssertEqual(warnings.all.count, 1, "each file is read once")
    }

    func testSignatureLinesOfOnDemandFilesStillFindTheirSite() throws {
        let path = try directory(["paper.test.txt": "signature_line: ^THE PAPER$\ndrop_line(navigation): ^THE PAPER$\n"])
        var library = RuleLibrary()
        try library.addDirectoryOnDemand(path) { _ in }
        let result = Cleaner(library: library).clean("THE PAPER\n\nA real sentence of the article.\n")
        XCTAssertEqual(result.site, "paper.test")
        XCTAssertEqual(result.text, "A real sentence of the article.")
    }

    func testOnDemandFilesReplaceEarlierFilesOfTheSameName() throws {
        let path = try directory(["chinatopix.com.txt": "drop_line(other): ^Mine$\n"])
        var library = try RuleLibrary.builtin()
        try library.addDirectoryOnDemand(path) { _ in }
        let set = library.rules(forSite: library.siteName(forHost: "www.chinatopix.com"))
        XCTAssertEqual(set.lineRules.first?.source.file, path + "/chinatopix.com.txt")
        XCTAssertFalse(set.lineRules.contains { $0.source.file == "Rules/chinatopix.com.txt" })
    }

    /// Files are taken in the order of their names as Strings (a later name replaces an earlier
    /// one of the same key): names that share 8 or 16 first bytes, or are prefixes of others, too.
    func testDirectoryListingSortsNamesAsStrings() throws {
        var names = ["a.txt", "b.txt", "ab.txt", "www.example.com.txt", "www.example.co.txt", "www.example.com.au.txt",
                     "www.exam.txt", ".example.com.txt", "www.example.comx.txt", "WWW.Example.com.txt", "0.txt", "~.txt"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let length = Int.random(in: 1...24, using: &generator)
            names.append(String((0..<length).map { _ in "abw.-0".randomElement(using: &generator) ?? "a" }) + ".txt")
        }
        let path = try directory(Dictionary(names.map { ($0, "") }, uniquingKeysWith: { first, _ in first }))
        let listing = try XCTUnwrap(DirectoryListing.ruleFiles(in: path))
        let listed = listing.sortedIndices().map { listing.keyAndName($0) }.map { $0.fileName ?? $0.key + ".txt" }
        XCTAssertEqual(listed, Set(names).filter { RuleFile.isRuleFileName($0) }.sorted())
        XCTAssertGreaterThan(listed.count, 200)
    }

    func testConcurrentPagesReadAFileOnce() throws {
        let path = try directory(["paper.test.txt": "drop_line(navigation): ^Menu$\nstrip: //div[\n"])
        let warnings = Warnings()
        var library = RuleLibrary()
        try library.addDirectoryOnDemand(path) { warnings.add($0) }
        let cleaner = Cleaner(library: library)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            XCTAssertEqual(cleaner.clean("Menu\n\nStory \(index).\n", options: CleanOptions(url: "https://paper.test/\(index)")).text, "Story \(index).")
        }
        XCTAssertEqual(warnings.all.count, 1)
    }
}
