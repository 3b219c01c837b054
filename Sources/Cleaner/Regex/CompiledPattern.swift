internal import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern for line rules: UTF-8 with Unicode properties, JIT-compiled where
/// the machine allows once it has matched enough text to pay for that (`LazyJIT`), with match
/// and depth limits so that a pathological pattern such as `^(a+)+$` against a long line gives
/// up (no match) instead of stalling the run. What a `Pattern` holds once it is compiled.
final class CompiledPattern: @unchecked Sendable {
    let source: String
    private let code: OpaquePointer
    let matchContext: OpaquePointer?
    /// The same pattern for searching a whole document's lines at once, when it is line-local;
    /// compiled on first use (start-up compiles only what the first page needs).
    var documentPattern: DocumentPattern? {
        guard isLineLocal else { return nil }
        return compiledDocumentPattern.withLock { compiled in
            if let compiled { return compiled }
            let made = DocumentPattern(source, caseInsensitive: caseInsensitive)
            compiled = .some(made)
            return made
        }
    }
    private let isLineLocal: Bool
    private let caseInsensitive: Bool
    private let compiledDocumentPattern = Mutex<DocumentPattern??>(nil)
    /// The JIT-compiled copy, made after the pattern has been interpreted on enough text.
    private let jit: LazyJIT
    /// The pattern without its leading assertions, tried first (see `LeadingLookarounds`);
    /// compiled when a line is first matched (most patterns of a page have no candidate line).
    private let body: Pattern?
    /// The pattern answered by counting words instead (`WordCountPattern`), when it is one.
    private let wordCount: WordCountPattern?
    /// A byte every match holds, when it picks out few lines (see `RequiredByte`).
    let requiredByte: UInt8?
    /// Literals of which every match holds one (see `RequiredLiterals`).
    let requiredLiterals: LazyRequiredLiterals?
    /// Lines are tested for the literals one by one: a line-local pattern without a required
    /// byte is matched only on the lines a search of the whole text picked out, and needs no more.
    private let checksLiteralsPerLine: Bool
    /// Line-local, but opens `^.*` (or `^(?i:.*`): a search of the whole text tries it along every
    /// line, where a search for its literals is many times cheaper.
    let opensWithRun: Bool

    /// Openings after which a pattern runs along the line (compared as bytes: start-up builds every pattern).
    private static let runOpenings: [[UInt8]] = ["^.*", "^(?i:.*", "^(?i).*"].map { Array($0.utf8) }

    /// Whether `source` opens with a run along the line (`runOpenings`).
    private static func opensWithRun(_ source: String) -> Bool {
        runOpenings.contains { source.utf8.starts(with: $0) }
    }

    /// Whether line rules find the candidates of `source`, once compiled, by a search of the whole
    /// text (`Pattern.candidateLines`) when it has no required byte: it is line-local and does
    /// not open with a run; the others are screened by their literals.
    static func searchesWholeText(_ source: String) -> Bool {
        DocumentPattern.isLineLocal(source) && !opensWithRun(source)
    }

    /// Backtracking budget per match: far above what a sane line pattern needs on a long line.
    static let matchLimit: UInt32 = 1_000_000
    static let depthLimit: UInt32 = 10_000

    /// `usesShortcuts: false` matches with the pattern alone, as the reference for tests.
    init(_ source: String, caseInsensitive: Bool, usesShortcuts: Bool) throws(Pattern.CompileError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        let compiled = source.withCString { cSource in
            cSource.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count + 1) {
                pcre2_compile_8($0, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let message = length > 0 ? String(decoding: buffer.prefix(Int(length)), as: UTF8.self) : "invalid pattern"
            throw Pattern.CompileError(message: message, offset: errorOffset)
        }
        code = compiled
        // JIT is an optimisation: until it is made (or when it is unavailable) the interpreter gives the same answers.
        jit = LazyJIT(compiled, callBytes: LazyJIT.lineCallBytes)
        matchContext = pcre2_match_context_create_8(nil)
        if let matchContext {
            pcre2_set_match_limit_8(matchContext, Self.matchLimit)
            pcre2_set_depth_limit_8(matchContext, Self.depthLimit)
        }
        self.source = source
        self.caseInsensitive = caseInsensitive
        let isLineLocal = DocumentPattern.isLineLocal(source)
        self.isLineLocal = isLineLocal
        let requiredByte = usesShortcuts ? RequiredByte.of(compiled) : nil
        self.requiredByte = requiredByte
        let checksLiteralsPerLine = !isLineLocal || requiredByte != nil
        let opensWithRun = isLineLocal && Self.opensWithRun(source)
        self.checksLiteralsPerLine = checksLiteralsPerLine
        self.opensWithRun = opensWithRun
        // Other line-local patterns are searched over the whole text by PCRE2 alone.
        requiredLiterals = usesShortcuts && (checksLiteralsPerLine || opensWithRun) ? LazyRequiredLiterals(source, caseInsensitive: caseInsensitive) : nil
        // A body that does not compile only costs the shortcut (its result is then no answer).
        body = usesShortcuts ? LeadingLookarounds.body(of: source).map { Pattern(compilingOnUse: $0, caseInsensitive: caseInsensitive) } : nil
        wordCount = usesShortcuts ? WordCountPattern(source) : nil
    }

    deinit {
        if let matchContext { pcre2_match_context_free_8(matchContext) }
        pcre2_code_free_8(code)
    }

    /// True when the pattern matches somewhere in `text`. A match that hits a limit counts as no match.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// `matches` of a line's UTF-8, read where it lies (a document's joined lines).
    /// `checksLiterals: false` for a line known to hold the required literals already.
    func matches(bytes: UnsafeBufferPointer<UInt8>, checksLiterals: Bool = true) -> Bool {
        if checksLiterals, !mayMatch(bytes) { return false }
        // The body's no-match is the pattern's; its match, or a limit it hit, leaves the pattern to answer.
        if let body, body.misses(bytes: bytes) { return false }
        if let answer = wordCount?.matches(bytes) { return answer }
        return result(bytes: bytes) >= 0
    }

    /// True when `bytes` cannot match: the word count's answer, else PCRE2's (a limit it hit is no answer).
    func misses(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let answer = wordCount?.matches(bytes) { return !answer }
        return result(bytes: bytes) == PCRE2_ERROR_NOMATCH
    }

    /// True once matches take PCRE2's JIT fast path.
    var isJITCompiled: Bool { jit.isCompiled }

    /// The UTF-8 byte range of the first match in `text`.
    ///
    /// Runs once per line per rule, so it skips what the general entry point repeats on every call:
    /// the subject is a Swift string, valid UTF-8 already (no UTF check), and the match data is the
    /// thread's own, made once (only the whole match's offsets are read, so one pair is enough; a
    /// match with more groups than that returns 0, which is still a match).
    func firstMatch(in text: String) -> Range<Int>? {
        guard mayMatch(text), result(in: text) >= 0, let data = ThreadMatchData.current(), let vector = pcre2_get_ovector_pointer_8(data) else { return nil }
        return Int(vector[0])..<Int(vector[1])
    }

    /// False when `text` holds none of the required literals: no match is possible.
    private func mayMatch(_ text: String) -> Bool {
        guard checksLiteralsPerLine, requiredLiterals != nil else { return true }
        var text = text
        return text.withUTF8 { mayMatch($0) }
    }

    private func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard checksLiteralsPerLine, let requiredLiterals else { return true }
        return requiredLiterals.current(forSubjectBytes: bytes.count)?.mayMatch(bytes) ?? true
    }

    /// Whether PCRE2's interpreter gives up on `text` under a match limit of `limit`: how
    /// `BacktrackProbe` finds a pattern whose backtracking grows with the line.
    func exceedsMatchLimit(_ limit: UInt32, on text: String) -> Bool {
        guard let context = pcre2_match_context_create_8(nil), let data = pcre2_match_data_create_8(1, nil) else { return false }
        defer {
            pcre2_match_data_free_8(data)
            pcre2_match_context_free_8(context)
        }
        pcre2_set_match_limit_8(context, limit)
        pcre2_set_depth_limit_8(context, Self.depthLimit)
        var text = text
        let result = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: UInt8.self) { pcre2_match_8(code, $0.baseAddress, $0.count, 0, 0, data, context) }
        }
        return result == PCRE2_ERROR_MATCHLIMIT
    }

    /// PCRE2's result of matching `text`, the match's offsets left in the thread's match data.
    func result(in text: String) -> Int32 {
        var text = text
        return text.withUTF8 { result(bytes: $0) }
    }

    /// `result` of UTF-8 known valid (a whole line of a Swift string).
    func result(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let data = ThreadMatchData.current() else { return PCRE2_ERROR_NOMEMORY }
        // An empty buffer has no base address; PCRE2 accepts any non-null pointer with length 0.
        let empty: UInt8 = 0
        return withUnsafePointer(to: empty) { emptyPointer in
            let subject = bytes.baseAddress ?? emptyPointer
            if let jitCode = jit.compiled(forSubjectBytes: bytes.count) {
                return pcre2_jit_match_8(jitCode, subject, bytes.count, 0, 0, data, matchContext)
            }
            return pcre2_match_8(code, subject, bytes.count, 0, UInt32(PCRE2_NO_UTF_CHECK), data, matchContext)
        }
    }
}
