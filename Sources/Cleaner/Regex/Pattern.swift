internal import CPCRE2
import Synchronization

/// A line rule's pattern (see `CompiledPattern`), compiled now or when it is first used.
///
/// The built-in rules' 63 patterns cost 4.9 million instructions to compile, more than cleaning a
/// small page, and a page uses only some of them (a site file's patterns, a body tried only on a
/// candidate line): those are compiled on first use, by whichever thread comes first (a thread
/// that loses the race drops its copy). A pattern from a user's rule file is compiled at once,
/// so that a broken one is reported as its file's `PATH:LINE` before any output.
final class Pattern: Sendable {
    let source: String
    let caseInsensitive: Bool
    private let usesShortcuts: Bool
    /// The compiled pattern once made, held retained until `deinit`. Not an `AtomicLazyReference`:
    /// its `load` is a call into the Synchronization library (about 220 instructions, 68,000 calls
    /// over 60 text scrapes), where an `Atomic`'s load is one read.
    private let compiledOnce = Atomic<Unmanaged<CompiledPattern>?>(nil)
    /// `presence`, looked up on first use and held retained until `deinit`: an `Atomic` for the
    /// reason `compiledOnce` is one (line rules ask it of each rule for each document; a `Mutex`
    /// cost about 100 instructions a call).
    private let presenceOnce = Atomic<Unmanaged<PresenceBox>?>(nil)

    /// A pattern's `presence`, nil or not, as one object an `Atomic` can hold.
    private final class PresenceBox: Sendable {
        let presence: LiteralPresence?
        init(_ presence: LiteralPresence?) { self.presence = presence }
    }

    struct CompileError: Error {
        let message: String
        let offset: Int
    }

    /// Compiles `source` now. `usesShortcuts: false` matches with the pattern alone, as the reference for tests.
    init(_ source: String, caseInsensitive: Bool = false, usesShortcuts: Bool = true) throws(CompileError) {
        self.source = source
        self.caseInsensitive = caseInsensitive
        self.usesShortcuts = usesShortcuts
        _ = publish(try CompiledPattern(source, caseInsensitive: caseInsensitive, usesShortcuts: usesShortcuts))
    }

    /// Compiles `source` when it is first used: for patterns known to compile (the built-in rules,
    /// which a test compiles). One that does not matches nothing.
    init(compilingOnUse source: String, caseInsensitive: Bool = false) {
        self.source = source
        self.caseInsensitive = caseInsensitive
        usesShortcuts = true
    }

    /// The compiled pattern, made on the first call; nil when the source does not compile.
    var compiled: CompiledPattern? {
        if let compiled = compiledOnce.load(ordering: .acquiring) { return compiled.takeUnretainedValue() }
        guard let made = try? CompiledPattern(source, caseInsensitive: caseInsensitive, usesShortcuts: usesShortcuts) else { return nil }
        return publish(made)
    }

    /// The test of a document's trigrams for a built-in pattern's literals (nil for others),
    /// made without compiling the pattern.
    var presence: LiteralPresence? {
        if let box = presenceOnce.load(ordering: .acquiring) { return box.takeUnretainedValue().presence }
        // A thread that loses the race drops its copy (the same lookup, made twice at worst).
        let retained = Unmanaged.passRetained(PresenceBox(LiteralPresence(source: source, caseInsensitive: caseInsensitive)))
        let (exchanged, first) = presenceOnce.compareExchange(expected: nil, desired: retained, ordering: .acquiringAndReleasing)
        guard !exchanged, let first else { return retained.takeUnretainedValue().presence }
        retained.release()
        return first.takeUnretainedValue().presence
    }

    /// `made`, or the pattern another thread published first (this thread's copy is then dropped).
    private func publish(_ made: CompiledPattern) -> CompiledPattern {
        let retained = Unmanaged.passRetained(made)
        let (exchanged, first) = compiledOnce.compareExchange(expected: nil, desired: retained, ordering: .acquiringAndReleasing)
        guard !exchanged, let first else { return made }
        retained.release()
        return first.takeUnretainedValue()
    }

    deinit {
        compiledOnce.load(ordering: .acquiring)?.release()
        presenceOnce.load(ordering: .acquiring)?.release()
    }

    /// True when the pattern matches somewhere in `text`. A match that hits a limit counts as no match.
    func matches(_ text: String) -> Bool {
        compiled?.matches(text) ?? false
    }

    /// `matches` of a line's UTF-8 (valid, without "\n"), read where it lies.
    func matches(bytes: UnsafeBufferPointer<UInt8>, checksLiterals: Bool = true) -> Bool {
        compiled?.matches(bytes: bytes, checksLiterals: checksLiterals) ?? false
    }

    /// True when a line's UTF-8 cannot match (see `CompiledPattern.misses`); false when the source does not compile.
    func misses(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        compiled?.misses(bytes: bytes) ?? false
    }

    /// The UTF-8 byte range of the first match in `text`.
    func firstMatch(in text: String) -> Range<Int>? {
        compiled?.firstMatch(in: text)
    }

    /// PCRE2's result of matching `text` (see `CompiledPattern.result`); an error when it does not compile.
    func result(in text: String) -> Int32 {
        compiled?.result(in: text) ?? PCRE2_ERROR_INTERNAL
    }

    /// True once the pattern has been compiled (by a match, or at once).
    var isCompiled: Bool { compiledOnce.load(ordering: .acquiring) != nil }

    /// True once matches take PCRE2's JIT fast path.
    var isJITCompiled: Bool { compiled?.isJITCompiled ?? false }

    var matchContext: OpaquePointer? { compiled?.matchContext }
    var documentPattern: DocumentPattern? { compiled?.documentPattern }
    var requiredByte: UInt8? { compiled?.requiredByte }
    var requiredLiterals: LazyRequiredLiterals? { compiled?.requiredLiterals }
    var opensWithRun: Bool { compiled?.opensWithRun ?? false }
}
