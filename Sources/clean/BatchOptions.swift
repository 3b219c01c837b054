import ArgumentParser
import Cleaner
import FoundationEssentials

/// The batch modes of the filter: many files to a directory, JSON Lines, WARC files. Each runs on
/// `--jobs` threads and gives the same output whatever their number.
struct BatchOptions: ParsableArguments {
    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Clean every FILE, and every .html, .htm and .txt file (or the same gzipped) under each directory given, into DIR/<relative path>.txt (.json, .md with --format json, markdown).", valueName: "dir"))
    var outputDirectory: String?

    @Flag(name: .long, help: "Read JSON Lines ({\"html\" or \"text\", \"url\"?, \"id\"?} a line) from the FILEs or standard input; write one JSON line per input line, in order: id and url echoed, text and metadata, or error.")
    var jsonl = false

    @Flag(name: .long, help: "Read WARC files (.warc or .warc.gz): every response record with an HTML payload becomes a JSON line, as with --jsonl.")
    var warc = false

    @Option(name: .long, help: ArgumentHelp("Threads for --output-dir, --jsonl and --warc (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    /// The options as plain values, what a run reads.
    var settings: BatchSettings {
        BatchSettings(outputDirectory: outputDirectory, jsonl: jsonl, warc: warc, jobs: jobs)
    }
}

/// The batch options as plain values (`BatchOptions` reads them from the command line).
struct BatchSettings {
    var outputDirectory: String?
    var jsonl = false
    var warc = false
    var jobs: Int?

    var isBatch: Bool { outputDirectory != nil || jsonl || warc }

    /// The number of worker threads.
    var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate(explain: Bool, check: Bool, url: Bool, input: Bool) throws {
        let modes = [outputDirectory != nil, jsonl, warc].filter { $0 }.count
        if modes > 1 { throw ValidationError("--output-dir, --jsonl and --warc are separate modes: choose one.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        guard isBatch else {
            if jobs != nil { throw ValidationError("--jobs applies to --output-dir, --jsonl and --warc.") }
            return
        }
        if explain || check { throw ValidationError("--explain and --check do not combine with --output-dir, --jsonl or --warc.") }
        if (jsonl || warc) && (url || input) {
            throw ValidationError("--url and --input do not apply to --jsonl or --warc: each record carries its own.")
        }
    }
}

extension BatchSettings {
    /// Runs the chosen batch mode; returns the exit status.
    func run(_ files: [String], cleaner: Cleaner, options: CleanOptions, format: OutputFormat = .text) -> Int32 {
        if let outputDirectory {
            guard !files.isEmpty else {
                Diagnostics.error("--output-dir needs the files or directories to clean")
                return 2
            }
            return OutputDirectoryRun.run(files, into: outputDirectory, cleaner: cleaner, options: options, format: format, jobs: workerCount)
        }
        if warc { return WARCRun.run(files, cleaner: cleaner, options: options, jobs: workerCount) }
        return JSONLinesRun.run(files, cleaner: cleaner, options: options, jobs: workerCount)
    }
}
