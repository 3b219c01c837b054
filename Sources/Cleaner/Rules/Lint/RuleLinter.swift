import FoundationEssentials

/// `clean rules check`: reads rule files as `--rules-lenient` does, so that one broken rule does not
/// hide the next, and reports every error, every unknown directive, duplicate rules, and rules
/// that cannot match the site's test pages where a golden directory has some.
public struct RuleLinter {
    /// Where golden cases and cached test pages (`pages/`) live; nil: no test pages.
    public let goldenDirectory: String?

    public init(goldenDirectory: String?) {
        self.goldenDirectory = goldenDirectory
    }

    private struct ParsedFile {
        let file: RuleFile
        let rules: RuleSet
        let directives: [(line: Int, directive: RuleParser.Directive)]
    }

    public func lint(_ files: [RuleFile]) -> LintReport {
        var report = LintReport()
        var parsed: [ParsedFile] = []
        var library = RuleLibrary()
        for file in files {
            var parser = RuleParser(file: file.path, mode: .lenient, recordsDirectives: true)
            let rules: RuleSet
            do {
                rules = try parser.parse(file.text)
            } catch {
                // Lenient parsing reports problems as warnings; anything thrown is still shown.
                report.findings.append(LintFinding(severity: .error, file: file.path, line: 0, message: "\(error)"))
                rules = RuleSet()
            }
            report.findings += parser.warnings.map { LintFinding(severity: .error, file: $0.file, line: $0.line, message: $0.message) }
            parsed.append(ParsedFile(file: file, rules: rules, directives: parser.directives))
            library.add(name: file.name, rules: rules)
            report.files += 1
            report.directives += parser.directives.count
            report.rules += rules.ruleCount
        }
        let pages = goldenDirectory.map { TestPages(golden: $0, library: library) }
        var functionKnown: [String: Bool] = [:]
        for file in parsed {
            checkXPaths(file, functionKnown: &functionKnown, into: &report)
            checkDirectiveNames(file, into: &report)
            checkDuplicates(file, into: &report)
            checkBacktracking(file, into: &report)
            if let pages {
                let sitePages = pages.pages(for: file.file.name, tests: file.rules.tests)
                if !sitePages.isEmpty {
                    report.filesWithTestPages += 1
                    report.testPages += sitePages.count
                    checkAgainstPages(file, sitePages, into: &report)
                }
            }
        }
        report.findings.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        return report
    }

    /// XPaths libxml2 compiles but cannot evaluate, so that they select nothing, silently: a function
    /// libxml2 does not have (`has-class()`), or a namespace prefix (HTML pages have none).
    private func checkXPaths(_ file: ParsedFile, functionKnown: inout [String: Bool], into report: inout LintReport) {
        let rules = file.rules
        for rule in rules.body + rules.strip + rules.title + rules.author + rules.date {
            guard let tokens = XPathTokens(rule.xpath.source) else { continue }
            var problems: [String] = []
            for function in tokens.functions {
                let known = functionKnown[function] ?? XPathFunctions.isKnown(function)
                functionKnown[function] = known
                if !known { problems.append("libxml2 has no function \(function)()") }
            }
            problems += tokens.undeclaredPrefixes.map { "namespace prefix '\($0)' is not declared (HTML has no namespaces)" }
            guard !problems.isEmpty else { continue }
            report.findings.append(LintFinding(
                severity: .error, file: rule.source.file, line: rule.source.line,
                message: "XPath selects nothing on any page: \(problems.joined(separator: "; ")): \(rule.xpath.source)"))
        }
    }

    /// Directives the parser did not act on are either ftr's (counted) or unknown (reported).
    private func checkDirectiveNames(_ file: ParsedFile, into report: inout LintReport) {
        for (line, directive) in file.directives where file.rules.ignored[directive.name] != nil {
            if FTRDirectives.acceptedWithoutEffect.contains(directive.name) {
                report.directivesWithoutEffect[directive.name, default: 0] += 1
            } else {
                report.unknownDirectives[directive.name, default: 0] += 1
                report.findings.append(LintFinding(severity: .warning, file: file.file.path, line: line, message: "unknown directive '\(directive.name)': ignored"))
            }
        }
    }

    /// The same directive with the same value twice in one file. The category of a removing rule does
    /// not make it a different rule; a `find_string`/`replace_string` pair is left alone, since the
    /// same `find_string` may pair with another `replace_string`.
    private func checkDuplicates(_ file: ParsedFile, into report: inout LintReport) {
        var firstLine: [String: Int] = [:]
        for (line, directive) in file.directives where directive.name != "find_string" && !(directive.name == "replace_string" && directive.argument == nil) {
            let argument = RuleParser.removingDirectives.contains(directive.name) ? "" : directive.argument ?? ""
            let key = "\(directive.name)(\(argument)):\(directive.value)"
            if let first = firstLine[key] {
                report.findings.append(LintFinding(severity: .warning, file: file.file.path, line: line, message: "duplicate of line \(first): \(directive.name): \(directive.value)"))
            } else {
                firstLine[key] = line
            }
        }
    }

    /// Line patterns whose backtracking grows with the parts of a line (`BacktrackProbe`): each
    /// such line costs a thousand times an ordinary one, and a page of them (a big table) seconds.
    private func checkBacktracking(_ file: ParsedFile, into report: inout LintReport) {
        for rule in file.rules.lineRules {
            guard let pattern = rule.pattern, let line = BacktrackProbe.heavyLine(for: pattern) else { continue }
            let shown = line.count > 60 ? String(line.prefix(60)) + "..." : line
            report.findings.append(LintFinding(
                severity: .warning, file: rule.source.file, line: rule.source.line,
                message: "pattern backtracks without bound on a line such as \"\(shown)\" (\(line.count) characters, more than \(BacktrackProbe.stepLimit) steps): make its repeats unambiguous, with atomic groups (?>...) or possessive quantifiers (*+)"))
        }
    }

    /// `body` and `strip` XPaths that name elements none of the site's test pages has, and
    /// `strip_id_or_class` / `strip_image_src` values no class, id or image source contains.
    private func checkAgainstPages(_ file: ParsedFile, _ pages: [PageProfile], into report: inout LintReport) {
        let pageList = pages.map(\.path).joined(separator: ", ")
        for rule in file.rules.body + file.rules.strip {
            guard let branches = XPathTokens(rule.xpath.source)?.elementNamesByBranch, !branches.contains(where: \.isEmpty) else { continue }
            let canMatch = branches.contains { names in pages.contains { $0.hasAll(names) } }
            guard !canMatch else { continue }
            let missing = Set(branches.flatMap { $0 }).filter { name in !pages.contains { $0.elements.contains(name) } }
            let reason = missing.isEmpty ? "no test page has all the elements it names" : "no " + missing.sorted().map { "<\($0)>" }.joined(separator: ", ") + " on the site's test pages"
            report.findings.append(LintFinding(severity: .warning, file: rule.source.file, line: rule.source.line, message: "\(rule.source.directive) can never match: \(reason) (\(pageList))"))
        }
        for rule in file.rules.stripIdOrClass where !pages.contains(where: { $0.classesAndIds.contains { $0.contains(rule.needle) } }) {
            report.findings.append(LintFinding(severity: .warning, file: rule.source.file, line: rule.source.line, message: "strip_id_or_class '\(rule.needle)' can never match: no class or id on the site's test pages contains it (\(pageList))"))
        }
        for rule in file.rules.stripImageSrc where !pages.contains(where: { $0.imageSources.contains { $0.contains(rule.needle) } }) {
            report.findings.append(LintFinding(severity: .warning, file: rule.source.file, line: rule.source.line, message: "strip_image_src '\(rule.needle)' can never match: no image source on the site's test pages contains it (\(pageList))"))
        }
    }
}
