import Synchronization

/// A rule file's `LiteralScreen`, made once the file's rules have been run over enough text for
/// the reading of every pattern's literals (millions of instructions for the built-in rules) to
/// pay: a run over one small scrape does without, and each rule searches on its own as before.
/// Made by the first thread to pass the mark, then shared read-only by all.
final class LiteralPass: @unchecked Sendable {
    /// A rule's place in its file's pass. It refers to the pass without holding it: the line
    /// rules read each rule's slot for every document, and a slot that held its pass retained
    /// and released it at each read. The rule that carries the slot holds the pass
    /// (`RuleSet.LineRule.literalOwner`, set with it by `sharing`, the only maker of slots), so
    /// the pass lives as long as any rule that can hand out its slot. (Sendable as the pass is.)
    struct Slot: @unchecked Sendable {
        private let reference: Unmanaged<LiteralPass>
        let index: Int

        fileprivate init(_ pass: LiteralPass, index: Int) {
            reference = Unmanaged.passUnretained(pass)
            self.index = index
        }

        /// The pass, for as long as a rule carrying the slot lives.
        var pass: LiteralPass { reference.takeUnretainedValue() }

        /// The pass's identity, compared without touching its count.
        var passIdentity: UnsafeMutableRawPointer { reference.toOpaque() }
    }

    /// Bytes of documents the rules have been run over before the screen is made: where the
    /// patterns searching the whole text would be JIT-compiled (`LazyJIT.documentCallBytes`, the
    /// second document; 12 million instructions for the built-in rules' 46), code the screen
    /// (8.3 million to make) leaves unused. Below it, a run over one small page does without.
    static let thresholdBytes = LazyJIT.documentCallBytes

    private let patterns: [Pattern?]
    private let seenBytes = Atomic<Int>(0)
    /// 0 until made; 1 when `screen` holds it.
    private let state = Atomic<Int>(0)
    private let making = Mutex<Void>(())
    /// Written once, under `making`, before `state` becomes 1 (a releasing store).
    private var screen: LiteralScreen?

    private init(_ patterns: [Pattern?]) {
        self.patterns = patterns
    }

    /// `rules`, each with a pattern given its slot in one pass made for them all (and holding the pass).
    static func sharing(_ rules: [RuleSet.LineRule]) -> [RuleSet.LineRule] {
        guard rules.contains(where: { $0.pattern != nil }) else { return rules }
        let pass = LiteralPass(rules.map(\.pattern))
        return rules.enumerated().map { index, rule in
            guard rule.pattern != nil else { return rule }
            var rule = rule
            rule.literalOwner = pass
            rule.literalSlot = Slot(pass, index: index)
            return rule
        }
    }

    /// `screens` of every slot, once the screen is made (nil before).
    var screenedSlots: [Bool]? {
        state.load(ordering: .acquiring) == 1 ? screen?.screenedSlots : nil
    }

    /// The screen for a document of `subjectBytes` joined bytes, or nil while the rules are to search on their own.
    func current(forSubjectBytes subjectBytes: Int) -> LiteralScreen? {
        if state.load(ordering: .acquiring) == 1 { return screen }
        guard seenBytes.add(subjectBytes, ordering: .relaxed).newValue >= Self.thresholdBytes else { return nil }
        return making.withLock { _ -> LiteralScreen? in
            if state.load(ordering: .acquiring) == 0 {
                screen = LiteralScreen(patterns)
                state.store(1, ordering: .releasing)
            }
            return screen
        }
    }
}
