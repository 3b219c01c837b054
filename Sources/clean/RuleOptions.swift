import ArgumentParser
import Cleaner

/// Where rules come from: the built-in set (unless `--no-builtin-rules`), then each `--rules DIR` (strict), then each
/// `--rules-lenient DIR` (broken rules skipped with a warning).
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A directory of rule files that take precedence over the built-in ones (repeatable). A broken rule stops the run.", valueName: "dir"))
    var directories: [String] = []

    @Option(name: .customLong("rules-lenient"), help: ArgumentHelp("Like --rules, for large third-party collections such as ftr-site-config: a site's file is read when a page of that site comes, and each broken rule in it is a warning and is skipped.", valueName: "dir"))
    var lenientDirectories: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Leave out the built-in rule files: only the --rules and --rules-lenient directories apply. Without it, a directory's global.txt joins the built-in global rules, so an edited copy of them would run beside the originals.")
    var noBuiltinRules = false

    /// The options as plain values, what a run reads.
    var sources: RuleSources {
        RuleSources(directories: directories, lenientDirectories: lenientDirectories, noBuiltinRules: noBuiltinRules)
    }

    /// `RuleSources.load` of these options.
    func load(scanSignaturesAhead: Bool = false) throws -> RuleLibrary {
        try sources.load(scanSignaturesAhead: scanSignaturesAhead)
    }
}
