import Foundation
import XCTest

/// ../shared/bench, the evaluation sets: on development machines and in CI, absent for users.
enum BenchData {
    /// The bench folder, or a skip naming what is missing.
    static func directory() throws -> String {
        guard let shared = Repository.shared else { throw XCTSkip("../shared/bench is absent: the bench tests are skipped") }
        let bench = (shared as NSString).appendingPathComponent("bench")
        guard FileManager.default.fileExists(atPath: bench) else { throw XCTSkip("\(bench) is absent: the bench tests are skipped") }
        return bench
    }
}
