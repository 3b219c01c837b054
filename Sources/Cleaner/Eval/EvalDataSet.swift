import FoundationEssentials

/// A data set of the bench layout: `html/<id>.html` (or `text/<id>.txt` for text scrapes),
/// `gold/<id>.txt`, `meta.jsonl` ({"id", "url", "type"} a line) and optional `snippets.jsonl`.
public struct EvalDataSet: Sendable {
    public let path: String
    /// The folder's name, with `text/` in front for the text sets (`text/scrapinghub-page`).
    public let name: String
    public let inputDirectory: String
    public let inputKind: InputKind
    public let inputExtension: String
    public let goldDirectory: String
    public let metaPath: String
    public let snippetsPath: String?

    public init(path: String) throws {
        let fileManager = FileManager.default
        let directory = FilePaths.standardized(path)
        self.path = directory
        let folder = FilePaths.lastComponent(directory)
        let parent = FilePaths.lastComponent(FilePaths.deletingLastComponent(directory))
        name = parent == "text" ? "text/" + folder : folder
        func inside(_ item: String) -> String { FilePaths.join(directory, item) }
        if fileManager.fileExists(atPath: inside("html")) {
            (inputDirectory, inputKind, inputExtension) = (inside("html"), .html, "html")
        } else if fileManager.fileExists(atPath: inside("text")) {
            (inputDirectory, inputKind, inputExtension) = (inside("text"), .text, "txt")
        } else {
            throw EvalError("\(directory): no html/ or text/ folder of pages")
        }
        goldDirectory = inside("gold")
        guard fileManager.fileExists(atPath: goldDirectory) else { throw EvalError("\(directory): no gold/ folder") }
        metaPath = inside("meta.jsonl")
        guard fileManager.fileExists(atPath: metaPath) else { throw EvalError("\(directory): no meta.jsonl") }
        snippetsPath = fileManager.fileExists(atPath: inside("snippets.jsonl")) ? inside("snippets.jsonl") : nil
    }

    /// Cleans every page of the set with `cleaner` (each with its URL from meta.jsonl) on `jobs`
    /// threads and scores the outputs. `outputs`, when given, receives each output as `<id>.txt`;
    /// `comments` cleans as `--comments` does.
    public func evaluate(cleaner: Cleaner, jobs: Int, outputs: String? = nil, comments: Bool = false) throws -> EvalReport {
        let meta = try DataSetFiles.meta(at: metaPath)
        let snippets = try snippetsPath.map { try DataSetFiles.snippets(at: $0) }
        let ids = try DataSetFiles.ids(in: inputDirectory, extension: inputExtension)
        if let outputs {
            try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        }
        let start = ContinuousClock.now
        let runs = Parallel.map(ids.count, jobs: jobs) { index in
            clean(ids[index], url: meta[ids[index]]?.url, cleaner: cleaner, outputs: outputs, comments: comments)
        }
        let wall = ContinuousClock.now - start
        var texts: [String: String] = [:]
        var failed: [String] = []
        var cleaning = Duration.zero
        for (id, run) in zip(ids, runs) {
            switch run {
            case .success(let output):
                texts[id] = output.text
                cleaning += output.time
            case .failure(let error):
                failed.append(error.description)
            }
        }
        let predictions = texts
        let goldDirectory = goldDirectory
        var report = Scorer.score(
            goldIDs: try DataSetFiles.ids(in: goldDirectory, extension: "txt"),
            gold: { DataSetFiles.text(at: FilePaths.join(goldDirectory, $0 + ".txt")) },
            prediction: { predictions[$0] ?? "" },
            types: meta.mapValues { $0.type ?? "other" },
            snippets: snippets,
            jobs: jobs
        )
        report.set = name
        let cleaned = ids.count - failed.count
        report.run = EvalReport.RunInfo(
            documents: ids.count, failed: failed, jobs: jobs,
            msPerDocument: cleaned > 0 ? Self.milliseconds(cleaning) / Double(cleaned) : 0,
            wallSeconds: Self.milliseconds(wall) / 1000)
        return report
    }

    private struct Output: Sendable {
        let text: String
        let time: Duration
    }

    private func clean(_ id: String, url: String?, cleaner: Cleaner, outputs: String?, comments: Bool) -> Result<Output, EvalError> {
        let path = FilePaths.join(inputDirectory, id + "." + inputExtension)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(EvalError("\(path): cannot read file"))
        }
        let bytes = [UInt8](data)
        let start = ContinuousClock.now
        let text = cleaner.clean(bytes, options: CleanOptions(input: inputKind, url: url, comments: comments)).text
        let time = ContinuousClock.now - start
        if let outputs {
            let file = FilePaths.join(outputs, id + ".txt")
            guard FileManager.default.createFile(atPath: file, contents: Data((text.isEmpty ? "" : text + "\n").utf8)) else {
                return .failure(EvalError("\(file): cannot write output"))
            }
        }
        return .success(Output(text: text, time: time))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
