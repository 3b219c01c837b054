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
    /// What was read ahead of a built-in pattern (`presence`, its required byte and literals),
    /// looked up on first use and held retained until `deinit`: an `Atomic` for the reason
    /// `compiledOnce` is one (line rules ask it of each rule for each document; a `Mutex` cost
    /// about 100 instructions a call).
    private let aheadOnce = Atomic<Unmanaged<Ahead>?>(nil)

    /// What is known of a pattern before it is compiled, as one object an `Atomic` can hold.
    private final class Ahead: Sendable {
        /// The built-in pattern's entry (`BuiltinPatternLiterals`); nil for others, and for a
        /// pattern matched without shortcuts, whose compiled form has no required byte.
        let entry: BuiltinPatternLiterals.Entry?
        let presence: LiteralPresence?
        /// The entry's required byte: nil when there is no entry, `.some(nil)` when the pattern
        /// has none (apart, so that line rules asking it copy nothing out of the entry).
        let requiredByte: UInt8??

        init(source: String, caseInsensitive: Bool, usesShortcuts: Bool) {
            let entry = BuiltinPatternLiterals.entry(of: source, caseInsensitive: caseInsensitive)
            presence = entry.flatMap(LiteralPresence.init(entry:))
            self.entry = usesShortcuts ? entry : nil
            requiredByte = usesShortcuts ? entry.map(\.requiredByte) : nil
        }
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
    var presence: LiteralPresence? { ahead.presence }

    /// The `RequiredLiterals` read ahead of a built-in pattern (nil for others, and for one that
    /// has none), known without compiling it: its reading, else the literal screen's wider one
    /// (a multilingual alternation the narrower reading gives up on). Made at each call: a small
    /// page asks a few patterns.
    var literalsAhead: RequiredLiterals? {
        guard let entry = ahead.entry else { return nil }
        return entry.reading.requiredLiterals ?? BuiltinPatternLiterals.screenReading(of: entry).requiredLiterals
    }

    private var ahead: Ahead {
        if let box = aheadOnce.load(ordering: .acquiring) { return box.takeUnretainedValue() }
        // A thread that loses the race drops its copy (the same lookup, made twice at worst).
        let retained = Unmanaged.passRetained(Ahead(source: source, caseInsensitive: caseInsensitive, usesShortcuts: usesShortcuts))
        let (exchanged, first) = aheadOnce.compareExchange(expected: nil, desired: retained, ordering: .acquiringAndReleasing)
        guard !exchanged, let first else { return retained.takeUnretainedValue() }
        retained.release()
        return first.takeUnretainedValue()
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
        aheadOnce.load(ordering: .acquiring)?.release()
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
    /// Read ahead for a built-in pattern, which is then not compiled to learn it (the literal
    /// screen asks every pattern: 9 million instructions of compiling for the built-in rules).
    var requiredByte: UInt8? {
        if let known = ahead.requiredByte { return known }
        return compiled?.requiredByte
    }
    var requiredLiterals: LazyRequiredLiterals? { compiled?.requiredLiterals }
    var opensWithRun: Bool { compiled?.opensWithRun ?? false }
}
