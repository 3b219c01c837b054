import FoundationEssentials

/// The levels the extraction has reached, per data set (`bench/levels.json`): a guard fails when
/// a set's F1 or snippet F falls more than `tolerance` below its level. `clean eval --update-levels`
/// rewrites the file from a run, so the levels follow the extraction as it improves.
public struct EvalLevels: Codable, Sendable {
    /// How far below a level a score may fall before it counts as a regression: the scores are
    /// deterministic, so this only leaves room for deliberate trade-offs of a few pages.
    public var tolerance: Double
    /// How and where the levels were measured.
    public var measured: String
    public var sets: [String: Level]

    public struct Level: Codable, Sendable, Equatable {
        public var f1: Double
        public var snippetF: Double?

        public init(f1: Double, snippetF: Double?) {
            self.f1 = f1
            self.snippetF = snippetF
        }

        enum CodingKeys: String, CodingKey {
            case f1
            case snippetF = "snippet_f"
        }
    }

    public static let defaultTolerance = 0.003

    public init(tolerance: Double = EvalLevels.defaultTolerance, measured: String = "", sets: [String: Level] = [:]) {
        self.tolerance = tolerance
        self.measured = measured
        self.sets = sets
    }

    public static func read(_ path: String) throws -> EvalLevels {
        guard let data = FileManager.default.contents(atPath: path) else { throw EvalError("\(path): cannot read file") }
        do {
            return try JSONDecoder().decode(EvalLevels.self, from: data)
        } catch {
            throw EvalError("\(path): not a levels file (\(error))")
        }
    }

    public func write(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        guard FileManager.default.createFile(atPath: path, contents: data) else { throw EvalError("\(path): cannot write file") }
    }

    /// Records a set's scores, rounded to 4 places (the tables show 3).
    public mutating func record(_ report: EvalReport) {
        guard let name = report.set else { return }
        sets[name] = Level(f1: Self.rounded(report.f1), snippetF: report.snippets.map { Self.rounded($0.f) })
    }

    /// What fell more than `tolerance` below the set's level; empty when nothing did or the set has no level.
    public func regressions(in report: EvalReport) -> [String] {
        guard let name = report.set, let level = sets[name] else { return [] }
        var messages: [String] = []
        if report.f1 < level.f1 - tolerance {
            messages.append("\(name): F1 \(EvalReport.fixed(report.f1, 4)) is below its level \(EvalReport.fixed(level.f1, 4)) - \(tolerance)")
        }
        if let levelF = level.snippetF, let f = report.snippets?.f, f < levelF - tolerance {
            messages.append("\(name): snippet F \(EvalReport.fixed(f, 4)) is below its level \(EvalReport.fixed(levelF, 4)) - \(tolerance)")
        }
        return messages
    }

    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

extension EvalLevels {
    /// The regressions of several sets.
    public func regressions(in reports: [EvalReport]) -> [String] {
        reports.flatMap { regressions(in: $0) }
    }
}
