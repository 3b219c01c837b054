import FoundationEssentials

/// The scores of one set: the JSON object of `score.py --json` (n, p, r, f1, by_type, snippets,
/// docs), plus `set` and `run` when `clean eval` ran the cleaner itself.
public struct EvalReport: Codable, Sendable {
    public var set: String?
    public var n: Int
    public var p: Double
    public var r: Double
    public var f1: Double
    public var byType: [String: ScoreSummary]?
    public var snippets: SnippetScore?
    public var docs: [DocumentScore]
    public var run: RunInfo?

    /// How the outputs were made.
    public struct RunInfo: Codable, Sendable {
        /// Inputs cleaned.
        public var documents: Int
        /// Inputs that could not be read (scored as empty outputs).
        public var failed: [String]
        public var jobs: Int
        /// Mean time of one `Cleaner.clean` call, input bytes to text (parse included, file read excluded).
        public var msPerDocument: Double
        public var wallSeconds: Double

        enum CodingKeys: String, CodingKey {
            case documents, failed, jobs
            case msPerDocument = "ms_per_doc"
            case wallSeconds = "wall_seconds"
        }
    }

    enum CodingKeys: String, CodingKey {
        case set, n, p, r, f1, snippets, docs, run
        case byType = "by_type"
    }

    public init(documents: [DocumentScore]) {
        let summary = ScoreSummary(documents)
        n = summary.n
        p = summary.p
        r = summary.r
        f1 = summary.f1
        docs = documents
    }

    /// The documents with the lowest F1 (ties by id): where to look first.
    public func worst(_ count: Int = 10) -> [DocumentScore] {
        let sorted = docs.sorted { a, b in
            a.f1 != b.f1 ? a.f1 < b.f1 : a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars)
        }
        return Array(sorted.prefix(count))
    }

    /// One line of JSON.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The tables `score.py` prints (all, per type, snippets, the 10 worst documents), headed by the run.
    public func table() -> String {
        var lines: [String] = []
        if let run {
            var head = "\(set ?? "set"): \(run.documents) documents cleaned, \(Self.fixed(run.msPerDocument, 1)) ms/doc, \(run.jobs) jobs, \(Self.fixed(run.wallSeconds, 1)) s"
            if !run.failed.isEmpty { head += "; \(run.failed.count) failed: \(run.failed.joined(separator: ", "))" }
            lines.append(head)
        } else if let set {
            lines.append(set)
        }
        lines.append(Self.row("set", "n", "P", "R", "F1"))
        lines.append(Self.row("all", n, ScoreSummary(documents: n, p: p, r: r, f1: f1)))
        for (type, summary) in (byType ?? [:]).sorted(by: { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }) {
            lines.append(Self.row(type, summary.n, summary))
        }
        if let s = snippets {
            lines.append("snippets: P \(Self.fixed(s.p, 3)) R \(Self.fixed(s.r, 3)) F \(Self.fixed(s.f, 3)) (tp \(s.tp) fn \(s.fn) fp \(s.fp) tn \(s.tn))")
        }
        lines.append("worst 10 by F1:")
        for document in worst() {
            lines.append("  \(Self.fixed(document.f1, 3))  P \(Self.fixed(document.p, 3))  R \(Self.fixed(document.r, 3))  \(document.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        formatted("%.\(digits)f", value)
    }

    private static func row(_ name: String, _ n: String, _ p: String, _ r: String, _ f1: String) -> String {
        name + String(repeating: " ", count: max(0, 14 - name.count)) + " " + pad(n, 5) + " " + pad(p, 7) + " " + pad(r, 7) + " " + pad(f1, 7)
    }

    private static func row(_ name: String, _ n: Int, _ summary: ScoreSummary) -> String {
        row(name, String(n), fixed(summary.p, 3), fixed(summary.r, 3), fixed(summary.f1, 3))
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension ScoreSummary {
    init(documents: Int, p: Double, r: Double, f1: Double) {
        n = documents
        self.p = p
        self.r = r
        self.f1 = f1
    }
}
