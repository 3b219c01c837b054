#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Dispatch

extension RuleLibrary {
    /// Compiles the global rules' patterns on another thread while start-up goes on (listing a
    /// rules directory, reading and parsing the page): every page runs them, and compiling them
    /// is 4.9 million instructions of a small page's 21 million. A pattern needed before the
    /// thread came to it is compiled by the thread that needs it; the thread takes them from the
    /// last, so that a page that comes to its rules early compiles from the first and the two
    /// meet in the middle instead of compiling the same ones side by side. Nothing on one core,
    /// where the thread would only take turns with the page. A pattern whose literals were read
    /// ahead (`LiteralPresence`) is left to the page: a small one holds few patterns' literals,
    /// and compiling the others (8 million instructions for all) would be wasted.
    public func compilePatternsAhead() {
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return }
        let patterns = global.lineRules.compactMap(\.pattern)
        guard !patterns.isEmpty else { return }
        DispatchQueue.global().async {
            for pattern in patterns.reversed() where pattern.presence == nil { _ = pattern.compiled }
        }
    }
}
