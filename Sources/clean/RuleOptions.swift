#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
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

    /// Whether the first input may be read before `load`: only with a lenient directory to scan ahead,
    /// and only when loading cannot stop the run (no strict directory, each lenient one a directory),
    /// so that a broken rule or a mistyped directory is reported at once, not when standard input ends.
    var mayReadInputFirst: Bool {
        guard !lenientDirectories.isEmpty, directories.isEmpty else { return false }
        return lenientDirectories.allSatisfy { directory in
            guard let stream = opendir(directory) else { return false }
            closedir(stream)
            return true
        }
    }

    /// Reads every strict rule file before any input is read, so a broken rule stops the run before
    /// any output; lenient directories are indexed, their files read when first needed.
    /// `scanSignaturesAhead`: a plain-text scrape without an address comes first, whose site the
    /// lenient files' signature lines name: they are looked for from here on, on other threads.
    func load(scanSignaturesAhead: Bool = false) throws -> RuleLibrary {
        do {
            // Listed (and scanned) on other threads while the built-in rules load.
            let listed = lenientDirectories.map {
                DirectoryListedAhead($0, signatureCache: RuleLibrary.userCacheDirectory, scanningSignatures: scanSignaturesAhead)
            }
            var library = noBuiltinRules ? RuleLibrary() : try RuleLibrary.builtin()
            library.compilePatternsAhead()
            for directory in directories { try library.addDirectory(directory) }
            for warning in library.warnings { Diagnostics.warning(warning.description) }
            for directory in listed {
                try library.addDirectoryOnDemand(directory) { Diagnostics.warning($0.description) }
            }
            if scanSignaturesAhead { library.scanSignaturesAhead() }
            return library
        } catch let error as RuleError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
