import ArgumentParser
import Cleaner
import FoundationEssentials

/// `clean bench PATH...`: libxml2's bare parse against the full pipeline on the same documents in
/// the same run, on 1 thread and on N, and a real `clean --output-dir` batch for its peak RSS.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput: libxml2's bare parse (htmlReadMemory + free) against the full pipeline, on the same files in the same run.",
        discussion: """
            Loads the documents (files, or .html/.htm/.txt files under directories, gzipped or not) into \
            memory, then times, for each round: the bare parse on 1 thread, the pipeline on 1 thread, the \
            same on --jobs threads. Each figure is the best of the rounds (other programs only ever slow \
            a round down). CPU ms/doc is the process's CPU time per document, which other programs on the \
            machine do not inflate. First, `clean --output-dir` runs over the same files as a child process: \
            its wall time with file reads and writes, and its peak RSS.
            """
    )

    @OptionGroup var rules: RuleOptions

    @Option(name: .long, help: "Threads for the parallel rows (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Rounds; each figure is the best round.")
    var rounds: Int = 5

    @Flag(name: .long, inversion: .prefixedNo, help: "Also run `clean --output-dir` over the files as a child process (wall time, peak RSS).")
    var batch = true

    @Argument(help: "Files or directories of documents.")
    var paths: [String]

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1.") }
    }

    func run() throws {
        let cleaner = Cleaner(library: try rules.load())
        // The batch runs first: a child's peak RSS as Linux reports it is at least this process's
        // RSS when the child was spawned, which must not yet include the corpus.
        let probe = batch ? BatchProbe.run(arguments: ["--jobs", "\(jobs)"] + rules.arguments + paths) : nil
        let corpus = Corpus.load(paths)
        guard !corpus.documents.isEmpty else {
            Diagnostics.error("no documents to measure")
            throw ExitCode(1)
        }
        let documents = corpus.documents
        // The bare parse is timed on the documents read as HTML only (a folder of text scrapes may
        // hold one that sniffs as HTML); when the corpus is mixed, the pipeline is also timed on
        // those same documents, so that the two are compared on the same input.
        let html = documents.indices.filter { InputKind.detect(documents[$0]) == .html }
        let mixed = !html.isEmpty && html.count < documents.count
        let options = CleanOptions()
        let parse: @Sendable (Int) -> Void = { ParseFloor.parse(documents[html[$0]]) }
        let pipeline: @Sendable (Int) -> Void = { _ = cleaner.clean(documents[$0], options: options).text }
        let htmlPipeline: @Sendable (Int) -> Void = { _ = cleaner.clean(documents[html[$0]], options: options).text }

        var best: [Row.Kind: Stopwatch.Timing] = [:]
        func keep(_ kind: Row.Kind, _ timing: Stopwatch.Timing) {
            guard let previous = best[kind] else { best[kind] = timing; return }
            best[kind] = Stopwatch.Timing(wall: min(previous.wall, timing.wall), cpu: min(previous.cpu, timing.cpu))
        }
        // A warm-up pass: page faults, lazily compiled patterns and caches are not the subject.
        _ = Stopwatch.time(jobs: jobs, count: documents.count, pipeline)
        for round in 1...rounds {
            if ProgressBar.isTerminal { Diagnostics.write("\rround \(round)/\(rounds)") }
            for threads in jobs > 1 ? [1, jobs] : [1] {
                // Plain-text scrapes are never parsed: there is no parse floor to compare them with.
                if !html.isEmpty { keep(.parse(jobs: threads), Stopwatch.time(jobs: threads, count: html.count, parse)) }
                keep(.pipeline(jobs: threads), Stopwatch.time(jobs: threads, count: documents.count, pipeline))
                if mixed { keep(.htmlPipeline(jobs: threads), Stopwatch.time(jobs: threads, count: html.count, htmlPipeline)) }
            }
        }
        if ProgressBar.isTerminal { Diagnostics.write("\r\u{1B}[K") }
        let report = Report(
            corpus: corpus, htmlBytes: html.reduce(0) { $0 + documents[$1].count }, htmlCount: html.count, jobs: jobs, rounds: rounds, best: best, probe: probe,
            peakRSS: Stopwatch.peakRSS())
        print(report.text, terminator: "")
    }
}

/// The documents of a benchmark, in memory.
struct Corpus {
    var documents: [[UInt8]] = []
    var bytes = 0

    static func load(_ arguments: [String]) -> Corpus {
        var corpus = Corpus()
        InputFiles(arguments: arguments, excluded: nil).forEach({ file in
            do {
                let document = try DocumentReader.read(file.path)
                corpus.documents.append(document)
                corpus.bytes += document.count
            } catch {
                Diagnostics.error("\(error)")
            }
        }, problem: { Diagnostics.error($0) })
        return corpus
    }
}

/// One line of the table.
struct Row {
    enum Kind: Hashable {
        /// libxml2's bare parse of the HTML documents.
        case parse(jobs: Int)
        /// The pipeline on every document.
        case pipeline(jobs: Int)
        /// The pipeline on the HTML documents only, when the corpus also holds plain text.
        case htmlPipeline(jobs: Int)
    }
}
