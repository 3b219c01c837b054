import ArgumentParser
import Cleaner
import FoundationEssentials

/// `clean rules check [DIR...]`: lints rule files and prints `PATH:LINE: message` for each finding.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check rule files: syntax, XPaths, patterns, unknown directives, duplicates, rules that cannot match.",
        discussion: """
            Reads every *.txt rule file of each DIR (default: the built-in rules) and prints one line per \
            finding, PATH:LINE: message, then a summary: files, directives, errors, warnings, unknown \
            directives by name, and the ftr-site-config directives clean reads without acting on.

            Errors: lines that are not directives, XPaths libxml2 cannot compile, patterns PCRE2 cannot \
            compile, unknown categories, unpaired find_string/replace_string.

            Warnings: unknown directives, duplicate rules, and rules that cannot match the site's test \
            pages: body and strip XPaths naming an element none of them has, strip_id_or_class and \
            strip_image_src values no class, id or image source contains. A site's test pages are its \
            test_url pages cached as GOLDEN/pages/<name>.html and the golden cases whose URL is on the site.

            Exit status: 0 no errors (warnings allowed); 2 errors.
            """
    )

    @Argument(help: ArgumentHelp("Directories of rule files, such as ftr-site-config (default: the built-in rules).", valueName: "dir"))
    var directories: [String] = []

    @Option(name: .customLong("rules"), help: ArgumentHelp("Another directory of rule files, as the filter's --rules (repeatable).", valueName: "dir"))
    var rulesDirectories: [String] = []

    @Flag(name: .long, help: "Check the built-in rules too when directories are given.")
    var builtin = false

    @Option(name: .long, help: ArgumentHelp("Golden directory with the test pages (default: ./golden when it exists).", valueName: "dir"))
    var golden: String?

    func run() throws {
        let start = Date()
        let directories = directories + rulesDirectories
        var files: [RuleFile] = directories.isEmpty || builtin ? RuleFile.builtin : []
        do {
            for directory in directories { files += try RuleFile.all(in: directory) }
        } catch let error as RuleError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let goldenDirectory = golden ?? (FileManager.default.fileExists(atPath: "golden") ? "golden" : nil)
        let report = RuleLinter(goldenDirectory: goldenDirectory).lint(files)
        var output = StandardOutput()
        for finding in report.findings { output.write(finding.description + "\n") }
        output.write(report.summary)
        output.write(formatted("checked in %.2f s\n", Date().timeIntervalSince(start)))
        output.flush()
        if report.errors > 0 { throw ExitCode(2) }
    }
}
