import Cleaner

/// `clean --check DIR`: runs every golden case, prints a unified diff for each failure and a summary;
/// then each site file's `test_url` whose page is cached under `DIR/pages/`.
enum GoldenRunner {
    /// Returns the exit status: 0 when every case passes, 1 otherwise.
    static func run(directory: String, library: RuleLibrary) -> Int32 {
        let cases: [GoldenCase]
        do {
            cases = try GoldenCase.all(in: directory)
        } catch {
            Diagnostics.error("\(error)")
            return 2
        }
        var failures = 0
        var output = StandardOutput()
        for golden in cases {
            do {
                let diff = try golden.run(library: library)
                if diff.isEmpty {
                    output.write("ok      \(golden.name)\n")
                } else {
                    failures += 1
                    output.write("FAILED  \(golden.name)\n\(diff)")
                }
            } catch {
                failures += 1
                output.write("FAILED  \(golden.name): \(error)\n")
            }
        }
        output.write("golden: \(cases.count - failures) passed, \(failures) failed\n")
        let siteFailures = runSiteTests(directory: directory, library: library, output: &output)
        output.flush()
        return failures + siteFailures == 0 ? 0 : 1
    }

    /// Runs the cached `test_url` cases; returns how many failed.
    private static func runSiteTests(directory: String, library: RuleLibrary, output: inout StandardOutput) -> Int {
        let tests = SiteTestCase.all(in: library, golden: directory)
        guard !tests.isEmpty else { return 0 }
        var passed = 0
        var failed = 0
        var skipped: [SiteTestCase] = []
        for test in tests {
            guard test.isCached else {
                skipped.append(test)
                continue
            }
            do {
                let missing = try test.missingTexts(library: library)
                if missing.isEmpty {
                    passed += 1
                    output.write("ok      \(test.name)\n")
                } else {
                    failed += 1
                    output.write("FAILED  \(test.name)\n" + missing.map { "  lacks test_contains: \($0)\n" }.joined())
                }
            } catch {
                failed += 1
                output.write("FAILED  \(test.name): \(error)\n")
            }
        }
        output.write("test_url: \(passed) passed, \(failed) failed, \(skipped.count) skipped (no cached page)\n")
        if let example = skipped.first {
            output.write("  to run a skipped one, save its page as \(example.pagePath) (for \(example.test.url))\n")
        }
        return failed
    }
}
