import Synchronization

/// `RequiredLiterals` of a pattern, read once the pattern has been matched on enough text for
/// the reading (tens of thousands of instructions a pattern, up to a million for a multilingual alternation) to pay: a run over one small page
/// does without, as it does without JIT code (`LazyJIT`). Until then, and when the pattern gives
/// none, every line is matched. A built-in pattern's literals were read ahead
/// (`BuiltinPatternLiterals`) and hold from its first line.
final class LazyRequiredLiterals: @unchecked Sendable {
    /// Subject bytes (plus `callBytes` a call) matched before the literals are read.
    static let thresholdBytes = LazyJIT.thresholdBytes
    static let callBytes = 64

    private let source: String
    private let caseInsensitive: Bool
    private let matchedBytes = Atomic<Int>(0)
    /// 0 until read; 1 when `literals` holds them; -1 when the pattern gives none.
    private let state: Atomic<Int>
    private let reading = Mutex<Void>(())
    /// Written once, under `reading`, before `state` becomes 1 (a releasing store), or in `init`.
    private var literals: RequiredLiterals?

    init(_ source: String, caseInsensitive: Bool) {
        self.source = source
        self.caseInsensitive = caseInsensitive
        if let ahead = BuiltinPatternLiterals.reading(of: source, caseInsensitive: caseInsensitive) {
            literals = ahead.requiredLiterals
            state = Atomic(literals == nil ? -1 : 1)
        } else {
            state = Atomic(0)
        }
    }

    /// The literals to test a subject of `subjectBytes` with, or nil to match it as it is.
    func current(forSubjectBytes subjectBytes: Int) -> RequiredLiterals? {
        switch state.load(ordering: .acquiring) {
        case 1: return literals
        case 0: break
        default: return nil
        }
        let total = matchedBytes.add(subjectBytes + Self.callBytes, ordering: .relaxed).newValue
        guard total >= Self.thresholdBytes else { return nil }
        return reading.withLock { _ -> RequiredLiterals? in
            if state.load(ordering: .acquiring) == 0 {
                literals = RequiredLiterals.of(source, caseInsensitive: caseInsensitive)
                state.store(literals == nil ? -1 : 1, ordering: .releasing)
            }
            return literals
        }
    }
}
