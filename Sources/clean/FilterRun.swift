import ArgumentParser
import Cleaner

/// The filter's command as plain values: what `clean [FILE...]` runs. `CleanCommand` makes it from
/// what ArgumentParser read, and `CommonArguments` from the usual command lines without any of
/// ArgumentParser's types: making a `CleanCommand` and its option groups (their property wrappers)
/// cost a run on one small page a million instructions of the Swift runtime making generic types
/// and looking up their conformances.
struct FilterRun {
    var rules = RuleSources()
    var batch = BatchSettings()
    var url: String?
    var input: InputKind = .auto
    var keep: [Category] = []
    var charset: String?
    var comments = false
    var explain = false
    var format: FormatChoice = .text
    var check: String?
    var files: [String] = []

    /// The checks ArgumentParser makes of the command (`CleanCommand.validate`).
    func validate() throws {
        try batch.validate(explain: explain, check: check != nil, url: url != nil, input: input != .auto)
        try format.validate(explain: explain, records: batch.jsonl || batch.warc)
    }

    /// Cleans the inputs; throws `ExitCode` for a status other than 0.
    func run() throws {
        var options = CleanOptions(input: input, url: url, keep: Set(keep), explain: explain, encoding: charset, comments: comments)
        options.markdown = format == .markdown
        options.metadata = format == .json || batch.jsonl || batch.warc
        let inputs = InputSources.of(files)
        // With a lenient collection, the first input is read before the rules: a plain-text scrape
        // without an address has the collection's signature lines looked for while the rest loads.
        let readFirst = rules.mayReadInputFirst && check == nil && !batch.isBatch && url == nil && input != .html
        let first = readFirst ? readInput(inputs[0]) : nil
        let scanAhead = first.map { Cleaner.looksForSignatures($0, options: options) } ?? false
        let library = try rules.load(scanSignaturesAhead: scanAhead)
        if let check {
            throw ExitCode(GoldenRunner.run(directory: check, library: library))
        }
        let cleaner = Cleaner(library: library)
        // The process ends with this run, and its rules with it: not freed entry by entry on the
        // way out (1.5 million instructions with ftr-site-config's 2,000 files).
        _ = Unmanaged.passRetained(cleaner)
        let output = format.output ?? .text
        if batch.isBatch {
            throw ExitCode(batch.run(files, cleaner: cleaner, options: options, format: output))
        }
        var standardOutput = StandardOutput()
        var failed = false
        var wroteText = false
        var report: [(name: String, result: CleanResult)] = []
        for (index, path) in inputs.enumerated() {
            let read = index == 0 && readFirst ? first : readInput(path)
            guard let bytes = read else {
                failed = true
                continue
            }
            let result = cleaner.clean(bytes, options: options)
            if let failure = result.failure {
                Diagnostics.error("\(path ?? "standard input"): \(failure)")
                failed = true
                continue
            }
            if explain, format == .html {
                report.append((path ?? "-", result))
                continue
            }
            if explain {
                standardOutput.write(ExplainWriter.write(result, name: path ?? "-"))
                continue
            }
            let text = result.formatted(output)
            if output == .json {
                // JSON Lines: one object a line, one line per document, an empty text too.
                standardOutput.write(text + "\n")
                continue
            }
            guard !text.isEmpty else { continue }
            // Several files: a blank line between their texts, as between paragraphs.
            if wroteText { standardOutput.write("\n") }
            standardOutput.write(text + "\n")
            wroteText = true
        }
        if !report.isEmpty { standardOutput.write(HTMLExplainWriter.page(report)) }
        standardOutput.flush()
        if failed { throw ExitCode(1) }
    }

    private func readInput(_ path: String?) -> [UInt8]? {
        do {
            return try DocumentReader.read(path)
        } catch {
            Diagnostics.error(error.description)
            return nil
        }
    }
}
