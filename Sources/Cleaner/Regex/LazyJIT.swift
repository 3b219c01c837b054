internal import CPCRE2
import Synchronization

/// PCRE2's JIT compiler costs 100,000 to 400,000 instructions a pattern: for the built-in rules,
/// 11 million at start-up, more than cleaning a small page. A pattern is therefore interpreted
/// until it has been given enough subject bytes for compiled code to pay off, then JIT-compiled
/// once, on a copy of the compiled pattern, which is published whole: a thread matching with the
/// interpreter never reads a pattern that another thread is JIT-compiling. Both give the same
/// answers (the JIT counts its match limit differently, which only a pathological pattern meets).
final class LazyJIT: @unchecked Sendable {
    /// Subject bytes (plus `callBytes` a call) interpreted before the pattern is JIT-compiled:
    /// about 30 line matches, or 16 KB of text. A higher threshold (32 KB, 64 bytes a
    /// call) cost a batch of 30 pages 7% more instructions than compiling every pattern at once:
    /// the interpreter's set-up on every call costs far more than the JIT's.
    static let thresholdBytes = 16 * 1024
    /// A line match's own cost, as subject bytes: the interpreter's set-up on every call.
    static let lineCallBytes = 512
    /// A whole-document search counts as half the threshold: the second document (or a first one
    /// of 8 KB or more) compiles. Searching a document costs the interpreter several times what
    /// it costs JIT code, so batches must not go on interpreting; one small page at start-up does.
    static let documentCallBytes = thresholdBytes / 2

    private let callBytes: Int

    private let code: OpaquePointer
    private let interpretedBytes = Atomic<Int>(0)
    /// The JIT-compiled copy's address, 0 until it is made; -1 when JIT is unavailable.
    private let jitCode = Atomic<Int>(0)
    private let compiling = Mutex<Void>(())

    init(_ code: OpaquePointer, callBytes: Int) {
        self.code = code
        self.callBytes = callBytes
    }

    deinit {
        let address = jitCode.load(ordering: .acquiring)
        if address > 0, let copy = OpaquePointer(bitPattern: address) { pcre2_code_free_8(copy) }
    }

    /// True once the JIT-compiled copy is in use.
    var isCompiled: Bool { jitCode.load(ordering: .acquiring) > 0 }

    /// The JIT-compiled pattern to match `subjectBytes` with, or nil to use the interpreter on `code`.
    func compiled(forSubjectBytes subjectBytes: Int) -> OpaquePointer? {
        let address = jitCode.load(ordering: .acquiring)
        if address > 0 { return OpaquePointer(bitPattern: address) }
        if address < 0 { return nil }
        let total = interpretedBytes.add(subjectBytes + callBytes, ordering: .relaxed).newValue
        guard total >= Self.thresholdBytes else { return nil }
        return compiling.withLock { _ -> OpaquePointer? in
            let current = jitCode.load(ordering: .acquiring)
            if current != 0 { return current > 0 ? OpaquePointer(bitPattern: current) : nil }
            guard let copy = pcre2_code_copy_8(code) else {
                jitCode.store(-1, ordering: .releasing)
                return nil
            }
            guard pcre2_jit_compile_8(copy, UInt32(PCRE2_JIT_COMPLETE)) == 0 else {
                pcre2_code_free_8(copy)
                jitCode.store(-1, ordering: .releasing)
                return nil
            }
            jitCode.store(Int(bitPattern: UnsafeRawPointer(copy)), ordering: .releasing)
            return copy
        }
    }
}
