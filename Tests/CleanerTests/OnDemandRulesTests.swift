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

    /// A directory as written an hour ago: files modified in the last seconds are not cached.
    private func settledDirectory(_ files: [String: String]) throws -> String {
        let path = try directory(files)
        for name in files.keys { try settle(path + "/" + name) }
        try settle(path)
        return path
    }

    private func settle(_ file: String, at date: Date = Date(timeIntervalSinceNow: -3600)) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: file)
    }

    /// The site a plain-text scrape is matched to by a fresh library (as a new run makes), and its
    /// warnings; the same (and the same warnings) with the directory listed, and its scan
    /// started, on another thread as `clean` does it.
    private func siteOfScrape(_ text: String, rules: String, cache: String?, file: StaticString = #filePath, line: UInt = #line) throws -> (site: String?, warnings: [String]) {
        let warnings = Warnings()
        var library = try RuleLibrary.builtin()
        try library.addDirectoryOnDemand(rules, signatureCache: cache) { warnings.add($0) }
        let site = Cleaner(library: library).clean(text).site
        let aheadWarnings = Warnings()
        var ahead = try RuleLibrary.builtin()
        try ahead.addDirectoryOnDemand(DirectoryListedAhead(rules, signatureCache: cache, scanningSignatures: true)) { aheadWarnings.add($0) }
        XCTAssertEqual(Cleaner(library: ahead).clean(text).site, site, "listed ahead", file: file, line: line)
        XCTAssertEqual(aheadWarnings.all, warnings.all, "listed ahead", file: file, line: line)
        return (site, warnings.all)
    }

    /// A settled directory's names are taken from the cache while its stamp stays the same (a
    /// name left out of the cache is then left out of the listing); a file added, even with the
    /// directory's time set back to the one recorded, or a corrupt cache, has the directory listed anew.
    func testTheNamesOfAnUnchangedDirectoryComeFromTheCache() throws {
        var files: [String: String] = ["README.md": "", "global.txt": ""]
        for index in 0..<50 { files["site\(index).test.txt"] = "" }
        let rules = try settledDirectory(files)
        let old = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: rules)[.modificationDate] as? Date)
        let cache = try directory([:]) + "/clean"
        func names(_ cacheDirectory: String?) -> [String] {
            guard let listing = DirectoryListing.ruleFiles(in: rules, cacheDirectory: cacheDirectory) else { return [] }
            return (0..<listing.count).map { listing.nameString($0) }
        }
        let listed = names(nil)
        XCTAssertEqual(listed.count, 51)
        XCTAssertEqual(names(cache), listed, "listed, and recorded")
        let file = try XCTUnwrap(try cacheFiles(cache, prefix: "names-").first)
        XCTAssertEqual(names(cache), listed, "from the cache")

        let recorded = try XCTUnwrap(FileManager.default.contents(atPath: file))
        let dropped = try XCTUnwrap(listed.last)
        let without = recorded.prefix(recorded.count - dropped.utf8.count - 1)
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: without))
        XCTAssertEqual(names(cache), Array(listed.dropLast()), "the cache is what is read")
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: without + Data("x.test.txt".utf8)))
        XCTAssertEqual(names(cache), listed, "corrupt: listed anew")

        try "".write(toFile: rules + "/paper.test.txt", atomically: false, encoding: .utf8)
        try settle(rules, at: old)
        XCTAssertEqual(try XCTUnwrap(FileManager.default.attributesOfItem(atPath: rules)[.modificationDate] as? Date), old)
        let added = names(cache)
        XCTAssertEqual(added, names(nil))
        XCTAssertTrue(added.contains("paper.test.txt"), "only the status change time tells")
    }

    /// A directory that cannot be listed ahead is the error it is when listed in turn.
    func testADirectoryListedAheadThatCannotBeReadIsAnError() throws {
        let missing = NSTemporaryDirectory() + "on-demand-missing-\(UUID().uuidString)"
        var library = RuleLibrary()
        XCTAssertThrowsError(try library.addDirectoryOnDemand(DirectoryListedAhead(missing, signatureCache: nil, scanningSignatures: true)) { _ in }) { error in
            XCTAssertEqual((error as? RuleError)?.description, RuleError(file: missing, line: 0, message: "cannot read rules directory").description)
        }
    }

    /// The signature scan's cache files (`prefix`: or the other kind's, the listings').
    private func cacheFiles(_ cache: String, prefix: String = "signature-free-") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(prefix) && !$0.hasSuffix(".tmp") }.map { cache + "/" + $0 }
    }

    /// Most files of a large collection name no `signature_line` and are not parsed for it (so their
    /// broken rules wait for a page of their site); the one that does still names its site, in any
    /// letter case, with a cache or without, and from the cache in the next run.
    func testASignatureLineOfALargeLenientCollectionIdentifiesATextScrape() throws {
        var files: [String: String] = [:]
        for index in 0..<300 { files["site\(index).test.txt"] = "body: //article\nstrip: //div[@class='share']\n" }
        files["broken.test.txt"] = "strip: //div[\n"
        files["paper.test.txt"] = "# the masthead\nSIGNATURE_LINE: ^THE PAPER$\ndrop_line(navigation): ^THE PAPER$\n"
        let rules = try settledDirectory(files)
        let cache = try directory([:]) + "/clean"
        let scrape = "THE PAPER\n\nA real sentence of the article.\n"
        for cache in [nil, cache, cache] {
            let (site, warnings) = try siteOfScrape(scrape, rules: rules, cache: cache)
            XCTAssertEqual(site, "paper.test", "cache \(cache ?? "none")")
            XCTAssertEqual(warnings, [], "a file without signature_line is not parsed for one")
        }
        XCTAssertEqual(try cacheFiles(cache).count, 1)
        XCTAssertNil(try siteOfScrape("A real sentence of the article.\n", rules: rules, cache: cache).site)
        // The broken file still warns when a page of its site comes.
        let warnings = Warnings()
        var library = RuleLibrary()
        try library.addDirectoryOnDemand(rules, signatureCache: cache) { warnings.add($0) }
        _ = Cleaner(library: library).clean("Story.\n", options: CleanOptions(url: "https://broken.test/a"))
        XCTAssertEqual(warnings.all.count, 1)
        XCTAssertTrue(warnings.all.first?.hasPrefix(rules + "/broken.test.txt:1: ") == true, "\(warnings.all)")
    }

    /// A collection large enough for its files to be probed on two threads before they are scanned:
    /// the same sites as reading them one by one, the cache the same from one run to the next,
    /// a changed file read again, and a file compiled before the scan (for a page of its site)
    /// taking its place out of the probes' order.
    func testTheProbedFilesOfALargeCollectionGiveTheSameSitesAndCache() throws {
        var files: [String: String] = [:]
        for index in 0..<400 { files["site\(index).test.txt"] = "body: //article\n# line \(index)\n" }
        files["site150.test.txt"] = "signature_line: ^THE PAPER$\n"
        let rules = try settledDirectory(files)
        let cache = try directory([:]) + "/clean"
        let paper = "THE PAPER\n\nA real sentence of the article.\n"
        let other = "SITE TWO HUNDRED\n\nA real sentence of the article.\n"
        XCTAssertEqual(try siteOfScrape(paper, rules: rules, cache: nil).site, "site150.test")
        XCTAssertEqual(try siteOfScrape(paper, rules: rules, cache: cache).site, "site150.test")
        let written = try cacheFiles(cache).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        XCTAssertEqual(try siteOfScrape(paper, rules: rules, cache: cache).site, "site150.test")
        XCTAssertEqual(try cacheFiles(cache).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }, written, "nothing changed")

        let file = rules + "/site200.test.txt"
        let old = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        try "signature_line: ^SITE TWO HUNDRED$\n".write(toFile: file, atomically: false, encoding: .utf8)
        try settle(file, at: old)
        XCTAssertEqual(try siteOfScrape(other, rules: rules, cache: cache).site, "site200.test", "a new size, the old time")
        XCTAssertEqual(try siteOfScrape(other, rules: rules, cache: nil).site, "site200.test")

        var library = try RuleLibrary.builtin()
        try library.addDirectoryOnDemand(rules, signatureCache: cache) { _ in }
        let cleaner = Cleaner(library: library)
        _ = cleaner.clean("Story.\n", options: CleanOptions(url: "https://site100.test/a"))
        XCTAssertEqual(cleaner.clean(paper).site, "site150.test")
        XCTAssertEqual(cleaner.clean(other).site, "site200.test")
    }

    /// A file that changes after the cache was written is read again: a new size with the old
    /// modification time, or a file of the same size and time renamed over it.
    func testAChangedFileInvalidatesTheCache() throws {
        let replacementText = "signature_line: ^OTHER$\n"
        let otherText = "# " + String(repeating: "x", count: replacementText.utf8.count - 3) + "\n"
        let rules = try settledDirectory(["paper.test.txt": "body: //article\n", "other.test.txt": otherText])
        let cache = try directory([:])
        let scrape = "THE PAPER\n\nA real sentence of the article.\n"
        XCTAssertNil(try siteOfScrape(scrape, rules: rules, cache: cache).site)
        XCTAssertEqual(try cacheFiles(cache).count, 1)

        let file = rules + "/paper.test.txt"
        let old = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        try "signature_line: ^THE PAPER$\n".write(toFile: file, atomically: false, encoding: .utf8)
        try settle(file, at: old)
        XCTAssertEqual(try siteOfScrape(scrape, rules: rules, cache: cache).site, "paper.test", "new size, old time")

        let other = rules + "/other.test.txt"
        let otherScrape = "OTHER\n\nA real sentence of the article.\n"
        XCTAssertNil(try siteOfScrape(otherScrape, rules: rules, cache: cache).site)
        let otherTime = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: other)[.modificationDate] as? Date)
        let replacement = rules + "/other.test.txt.new"
        try replacementText.write(toFile: replacement, atomically: false, encoding: .utf8)
        try settle(replacement, at: otherTime)
        XCTAssertEqual(replacementText.utf8.count, otherText.utf8.count)
        XCTAssertEqual(rename(replacement, other), 0)
        XCTAssertEqual(try siteOfScrape(otherScrape, rules: rules, cache: cache).site, "other.test",
                       "same size and modification time, another file")
    }

    /// Between runs, a file added, renamed, removed, or edited in place to the same size with its
    /// modification time set back is seen by the next run: from the cache, a large collection
    /// (probed on several threads) gives the sites a run without it gives.
    func testAddedRenamedRemovedAndEditedFilesAreSeenOnTheNextRun() throws {
        var files: [String: String] = [:]
        for index in 0..<300 { files["site\(index).test.txt"] = "body: //article\n# line \(index)\n" }
        let edited = "signature_line: ^THE PAPER$\n"
        files["site7.test.txt"] = "# " + String(repeating: "x", count: edited.utf8.count - 3) + "\n"
        let rules = try settledDirectory(files)
        let cache = try directory([:]) + "/clean"
        let paper = "THE PAPER\n\nA real sentence of the article.\n"
        func site(_ scrape: String) throws -> String? {
            let cached = try siteOfScrape(scrape, rules: rules, cache: cache).site
            XCTAssertEqual(cached, try siteOfScrape(scrape, rules: rules, cache: nil).site, "with the cache as without")
            return cached
        }
        XCTAssertNil(try site(paper))
        XCTAssertEqual(try cacheFiles(cache).count, 1)

        try "signature_line: ^THE PAPER$\n".write(toFile: rules + "/paper.test.txt", atomically: false, encoding: .utf8)
        try settle(rules + "/paper.test.txt")
        XCTAssertEqual(try site(paper), "paper.test", "added")
        XCTAssertEqual(rename(rules + "/paper.test.txt", rules + "/journal.test.txt"), 0)
        XCTAssertEqual(try site(paper), "journal.test", "renamed")
        XCTAssertEqual(unlink(rules + "/journal.test.txt"), 0)
        XCTAssertNil(try site(paper), "removed")

        // The same size and modification time: only the status change time tells.
        let file = rules + "/site7.test.txt"
        let old = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        XCTAssertEqual(edited.utf8.count, try String(contentsOfFile: file, encoding: .utf8).utf8.count)
        try edited.write(toFile: file, atomically: false, encoding: .utf8)
        try settle(file, at: old)
        XCTAssertEqual(try site(paper), "site7.test", "edited in place")
    }

    /// Of two on-demand directories, the later one's file of a name is in force (its signature
    /// lines, not the earlier one's); a compiled file added later replaces both; of two names of
    /// one key in a directory, the later as Strings.
    func testLaterFilesOfTheSameNameAreInForce() throws {
        let first = try directory([
            "x.test.txt": "signature_line: ^X ONE$\n", "y.test.txt": "signature_line: ^Y ONE$\n",
            "Case.test.txt": "signature_line: ^UPPER$\n", "case.test.txt": "signature_line: ^LOWER$\n",
        ])
        let second = try directory(["x.test.txt": "signature_line: ^X TWO$\n"])
        var library = RuleLibrary()
        try library.addDirectoryOnDemand(first) { _ in }
        try library.addDirectoryOnDemand(second) { _ in }
        try library.add(name: "y.test", text: "signature_line: ^Y COMPILED$\n", path: "y.test.txt")
        XCTAssertEqual(library.siteCount, 3)
        XCTAssertNil(library.siteName(forLines: ["X ONE"]))
        XCTAssertEqual(library.siteName(forLines: ["X TWO"]), "x.test")
        XCTAssertNil(library.siteName(forLines: ["Y ONE"]))
        XCTAssertEqual(library.siteName(forLines: ["Y COMPILED"]), "y.test")
        XCTAssertNil(library.siteName(forLines: ["UPPER"]))
        XCTAssertEqual(library.siteName(forLines: ["LOWER"]), "case.test")
        XCTAssertEqual(library.siteName(forHost: "www.x.test"), "x.test")
        XCTAssertEqual(library.rules(forSite: "x.test").signatures.first?.source, "^X TWO$")
    }

    /// A cache that is corrupt, cut short, of another directory, or cannot be written changes
    /// nothing but the time taken; a corrupt one is written anew.
    func testACorruptOrUnwritableCacheIsHarmless() throws {
        var files: [String: String] = [:]
        for index in 0..<20 { files["site\(index).test.txt"] = "body: //article\n" }
        files["paper.test.txt"] = "signature_line: ^THE PAPER$\n"
        let rules = try settledDirectory(files)
        let cache = try directory([:])
        let scrape = "THE PAPER\n\nA real sentence of the article.\n"
        XCTAssertEqual(try siteOfScrape(scrape, rules: rules, cache: cache).site, "paper.test")
        let cacheFile = try XCTUnwrap(try cacheFiles(cache).first)
        let good = try Data(contentsOf: URL(fileURLWithPath: cacheFile))
        let header = Data((SignatureScanCache.header + "\n").utf8)
        var generator = SystemRandomNumberGenerator()
        let corruptions: [Data] = [
            Data(), Data("garbage\n".utf8), good.prefix(good.count / 2), good.prefix(good.count - 1), good + Data([0x41]),
            header + Data("/elsewhere\n".utf8) + good.dropFirst(good.firstRange(of: Data("\n".utf8), in: header.count..<good.count)?.upperBound ?? 0),
            Data((0..<good.count).map { _ in UInt8.random(in: 0...255, using: &generator) }),
            Data(good.enumerated().map { $0.offset > header.count && $0.offset % 7 == 0 ? 0xFF : $0.element }),
        ]
        for (number, corrupt) in corruptions.enumerated() {
            try corrupt.write(to: URL(fileURLWithPath: cacheFile))
            XCTAssertEqual(try siteOfScrape(scrape, rules: rules, cache: cache).site, "paper.test", "corruption \(number)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cacheFile)), good, "corruption \(number) is written anew")
        }
        let blocked = try directory(["file": ""]) + "/file/clean"
        XCTAssertEqual(try siteOfScrape(scrape, rules: rules, cache: blocked).site, "paper.test", "a cache that cannot be written")
    }

    /// The cache is what is read when a file is unchanged: a record saying that the file with the
    /// signature holds none (as no run writes it) is believed while the file's stamp stands.
    func testAnUnchangedFileIsTakenFromTheCache() throws {
        let rules = try settledDirectory(["paper.test.txt": "signature_line: ^THE PAPER$\n"])
        let cache = try directory([:])
        let scrape = "THE PAPER\n\nA real sentence of the article.\n"
        XCTAssertEqual(try siteOfScrape(scrape, rules: rules, cache: cache).site, "paper.test")
        let cacheFile = try XCTUnwrap(try cacheFiles(cache).first)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cacheFile)))
        // The record's seventh field, after the two header lines and six 8-byte fields, says it names the directive.
        let head = (SignatureScanCache.header + "\n" + realpathOf(rules) + "\n").utf8.count
        XCTAssertEqual(bytes[head + 48], 1)
        bytes[head + 48] = 0
        try Data(bytes).write(to: URL(fileURLWithPath: cacheFile))
        XCTAssertNil(try siteOfScrape(scrape, rules: rules, cache: cache).site)
    }

    private func realpathOf(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func testOnDemandFilesReplaceEarlierFilesOfTheSameName() throws {
        let path = try directory(["chinatopix.com.txt": "drop_line(other): ^Mine$\n"])
        var library = try RuleLibrary.builtin()
        try library.addDirectoryOnDemand(path) { _ in }
        let set = library.rules(forSite: library.siteName(forHost: "www.chinatopix.com"))
        XCTAssertEqual(set.lineRules.first?.source.file, path + "/chinatopix.com.txt")
        XCTAssertFalse(set.lineRules.contains { $0.source.file == "Rules/chinatopix.com.txt" })
        // The replaced file's signature lines go with it; the other compiled files' stay.
        XCTAssertNil(library.siteName(forLines: ["CHINA TOPIX"]))
        XCTAssertEqual(library.siteName(forLines: ["Copyright © 2016 The Associated Press. All rights reserved."]), "apnews.com")
        let signed = try directory(["chinatopix.com.txt": "signature_line: ^TOPIX CHINA$\n"])
        try library.addDirectoryOnDemand(signed) { _ in }
        XCTAssertEqual(library.siteName(forLines: ["TOPIX CHINA"]), "chinatopix.com")
        XCTAssertNil(library.siteName(forLines: ["CHINA TOPIX"]))
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
