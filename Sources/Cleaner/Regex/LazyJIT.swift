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
    /// the interpreter costs a few instructions a byte more than JIT code, so the compilation
    /// pays off after some tens of kilobytes; one long page or a few pages of a batch.
    static let thresholdBytes = 32 * 1024
    /// A call's own cost, as subject bytes: the interpreter's set-up on every call.
    static let callBytes = 64

    private let code: OpaquePointer
    private let interpretedBytes = Atomic<Int>(0)
    /// The JIT-compiled copy's address, 0 until it is made; -1 when JIT is unavailable.
    private let jitCode = Atomic<Int>(0)
    private let compiling = Mutex<Void>(())

    init(_ code: OpaquePointer) {
        self.code = code
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
        let total = interpretedBytes.add(subjectBytes + Self.callBytes, ordering: .relaxed).newValue
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
