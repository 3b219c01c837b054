import Foundation
import XCTest

@testable import Cleaner

/// The extraction must not fall back: on each bench set, F1 and snippet F stay within the
/// tolerance of the levels in bench/levels.json (`clean eval --update-levels` rewrites them).
final class BenchLevelsTests: XCTestCase {
    /// The sets the guard covers: the HTML sets and the text scrapes of both.
    static let guardedSets = [
        "scrapinghub", "wcxb-dev",
        "text/scrapinghub-page", "text/scrapinghub-region", "text/wcxb-dev-page", "text/wcxb-dev-region",
    ]

    func testEveryGuardedSetHasALevel() throws {
        let levels = try EvalLevels.read(Repository.path("bench/levels.json"))
        XCTAssertEqual(levels.tolerance, EvalLevels.defaultTolerance)
        for name in Self.guardedSets {
            XCTAssertNotNil(levels.sets[name], "bench/levels.json has no level for \(name)")
        }
    }

    func testExtractionKeepsItsLevels() throws {
        let bench = try BenchData.directory()
        let levels = try EvalLevels.read(Repository.path("bench/levels.json"))
        let cleaner = try Cleaner()
        for name in Self.guardedSets {
            let set = try EvalDataSet(path: (bench as NSString).appendingPathComponent(name))
            let report = try set.evaluate(cleaner: cleaner, jobs: ProcessInfo.processInfo.activeProcessorCount)
            XCTAssertEqual(report.run?.failed, [], name)
            XCTAssertEqual(levels.regressions(in: report), [], "run `clean eval` on \(name) and look at its worst pages")
            let snippet = report.snippets.map { ", snippet F \(EvalReport.fixed($0.f, 4))" } ?? ""
            print("\(name): F1 \(EvalReport.fixed(report.f1, 4))\(snippet), \(report.run?.documents ?? 0) pages in \(EvalReport.fixed(report.run?.wallSeconds ?? 0, 1)) s")
        }
    }
}
