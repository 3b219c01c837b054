import ArgumentParser
import Cleaner
import FoundationEssentials

/// `clean eval DATASET...`: cleans a data set's pages and scores the outputs against its gold
/// text with the bench metric (the numbers of the bench's score.py); or, with --gold and --pred,
/// scores outputs made elsewhere.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean eval",
        abstract: "Score the cleaner (or other outputs) against gold text: bag-of-words P, R, F1 and snippet F.",
        discussion: """
            A data set is a folder with html/<id>.html (or text/<id>.txt), gold/<id>.txt, \
            meta.jsonl ({"id", "url", "type"} a line) and optionally snippets.jsonl.
              clean eval ../shared/bench/scrapinghub ../shared/bench/text/*
              clean eval --gold SET/gold --pred OUT/ --meta SET/meta.jsonl --snippets S.jsonl

            Exit status: 0 scored; 1 a page could not be read or a set fell below its level \
            (--levels); 2 a usage error, or a rule file or data file is broken.
            """
    )

    @Argument(help: "Data set folders to clean and score.")
    var dataSets: [String] = []

    @Option(name: .long, help: ArgumentHelp("Score outputs made elsewhere: the gold folder (<id>.txt).", valueName: "dir"))
    var gold: String?

    @Option(name: .long, help: ArgumentHelp("With --gold: the folder of outputs (<id>.txt; a missing file is an empty output).", valueName: "dir"))
    var pred: String?

    @Option(name: .long, help: ArgumentHelp("With --gold: snippets.jsonl, for snippet scores.", valueName: "file"))
    var snippets: String?

    @Option(name: .long, help: ArgumentHelp("With --gold: meta.jsonl, for the per-type table.", valueName: "file"))
    var meta: String?

    @Flag(name: .long, help: "Print one JSON object a set (score.py --json's fields, plus set and run) instead of tables.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Keep the outputs: DIR/<id>.txt (DIR/<set>/<id>.txt for several sets).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: "Documents cleaned at once, one per core unless told.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Fail (exit 1) when a set's F1 or snippet F falls below its level in FILE by more than the file's tolerance.", valueName: "file"))
    var levels: String?

    @Option(name: .customLong("update-levels"), help: ArgumentHelp("Write the measured F1 and snippet F of each set into FILE (bench/levels.json).", valueName: "file"))
    var updateLevels: String?

    @Flag(name: .long, help: "Clean as --comments does: readers' comments kept, after the article. Levels are measured without it.")
    var comments = false

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if gold != nil {
            guard pred != nil else { throw ValidationError("--gold needs --pred") }
            guard dataSets.isEmpty else { throw ValidationError("give either data sets or --gold/--pred, not both") }
            guard levels == nil, updateLevels == nil, out == nil else {
                throw ValidationError("--levels, --update-levels and --out need data sets, not --gold")
            }
        } else {
            guard pred == nil, snippets == nil, meta == nil else { throw ValidationError("--pred, --snippets and --meta go with --gold") }
            guard !dataSets.isEmpty else { throw ValidationError("give a data set folder, or --gold and --pred") }
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if comments {
            guard gold == nil else { throw ValidationError("--comments cleans data sets; --gold scores outputs made elsewhere") }
            guard levels == nil, updateLevels == nil else { throw ValidationError("levels are measured without --comments") }
        }
    }

    func run() throws {
        var output = StandardOutput()
        defer { output.flush() }
        do {
            if let gold, let pred {
                try emit(try scoreOutputs(gold: gold, pred: pred), to: &output)
                return
            }
            let cleaner = Cleaner(library: try rules.load())
            let sets = try dataSets.map(EvalDataSet.init(path:))
            var failed = false
            var reports: [EvalReport] = []
            for set in sets {
                let folder = out.map { sets.count == 1 ? $0 : FilePaths.join($0, set.name) }
                let report = try set.evaluate(cleaner: cleaner, jobs: jobs, outputs: folder, comments: comments)
                for failure in report.run?.failed ?? [] { Diagnostics.error(failure) }
                failed = failed || !(report.run?.failed.isEmpty ?? true)
                try emit(report, to: &output)
                output.flush()
                reports.append(report)
            }
            if let levels {
                let regressions = try EvalLevels.read(levels).regressions(in: reports)
                for message in regressions { Diagnostics.error(message) }
                failed = failed || !regressions.isEmpty
            }
            if let updateLevels {
                var file = (try? EvalLevels.read(updateLevels)) ?? EvalLevels()
                for report in reports { file.record(report) }
                file.measured = "clean eval --update-levels, \(Date().formatted(.iso8601.year().month().day()))"
                try file.write(updateLevels)
            }
            if failed { throw ExitCode(1) }
        } catch let error as EvalError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }

    private func scoreOutputs(gold: String, pred: String) throws -> EvalReport {
        for (option, path) in [("--gold", gold), ("--pred", pred), ("--meta", meta), ("--snippets", snippets)] {
            if let path, !FileManager.default.fileExists(atPath: path) { throw EvalError("\(option): \(path) does not exist") }
        }
        let ids = try DataSetFiles.ids(in: gold, extension: "txt")
        guard !ids.isEmpty else { throw EvalError("no gold documents in \(gold)") }
        return Scorer.score(
            goldIDs: ids,
            gold: { DataSetFiles.text(at: FilePaths.join(gold, $0 + ".txt")) },
            prediction: { DataSetFiles.text(at: FilePaths.join(pred, $0 + ".txt")) },
            types: try meta.map { try DataSetFiles.meta(at: $0).mapValues { $0.type ?? "other" } },
            snippets: try snippets.map { try DataSetFiles.snippets(at: $0) },
            jobs: jobs
        )
    }

    private func emit(_ report: EvalReport, to output: inout StandardOutput) throws {
        output.write(json ? try report.json() + "\n" : report.table() + "\n")
    }
}
