import Cleaner

/// `clean --check DIR`: runs every golden case, prints a unified diff for each failure and a summary.
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
        output.flush()
        return failures == 0 ? 0 : 1
    }
}
