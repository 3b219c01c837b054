#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import ArgumentParser
import Cleaner

/// Where rules come from, as plain values (`RuleOptions` reads them from the command line): the
/// built-in set (unless `noBuiltinRules`), then each strict directory, then each lenient one.
struct RuleSources {
    var directories: [String] = []
    var lenientDirectories: [String] = []
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
