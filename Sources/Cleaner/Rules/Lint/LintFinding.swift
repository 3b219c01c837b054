/// One thing `clean rules check` found in a rule file, printed as `PATH:LINE: message`
/// (warnings as `PATH:LINE: warning: message`).
public struct LintFinding: Sendable, CustomStringConvertible {
    public enum Severity: Sendable {
        /// The rule cannot be used: loading the file with `--rules` stops the run.
        case error
        /// The rule loads, but does nothing or nothing new.
        case warning
    }

    public let severity: Severity
    public let file: String
    public let line: Int
    public let message: String

    public var description: String {
        "\(file):\(line): \(severity == .warning ? "warning: " : "")\(message)"
    }
}

/// All findings over a set of rule files, with the counts for the summary.
public struct LintReport: Sendable {
    public internal(set) var findings: [LintFinding] = []
    public internal(set) var files = 0
    /// Directive lines read (`directive: value`), and how many of them are rules clean acts on.
    public internal(set) var directives = 0
    public internal(set) var rules = 0
    /// Directives no reader knows (typos), by name, with how often they occur.
    public internal(set) var unknownDirectives: [String: Int] = [:]
    /// ftr directives clean reads without acting on them, by name.
    public internal(set) var directivesWithoutEffect: [String: Int] = [:]
    /// Site files that had test pages to check their XPaths and class names against, and those pages.
    public internal(set) var filesWithTestPages = 0
    public internal(set) var testPages = 0

    public var errors: Int { findings.count(where: { $0.severity == .error }) }
    public var warnings: Int { findings.count(where: { $0.severity == .warning }) }

    /// The closing lines: counts, then the unknown and the ignored directives by name, most frequent first.
    public var summary: String {
        [
            "\(counted(files, "file")), \(counted(directives, "directive")) (\(rules) clean acts on): \(counted(errors, "error")), \(counted(warnings, "warning"))",
            "unknown directives: " + Self.byCount(unknownDirectives),
            "ftr directives read without effect: " + Self.byCount(directivesWithoutEffect),
            "test pages: \(counted(testPages, "page")) for \(counted(filesWithTestPages, "site file"))",
        ].joined(separator: "\n") + "\n"
    }

    private static func byCount(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "none" }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
