/// The lowercased `\w+` runs of a text, counted: the bag of words the metric compares.
/// Tokens are kept as UTF-8 bytes, not Strings, so that two tokens are equal only when their
/// scalars are (as in Python), not when they are merely canonically equivalent.
public struct TokenBag: Sendable, Equatable {
    public private(set) var counts: [[UInt8]: Int] = [:]
    public private(set) var total = 0

    public init(_ text: String) {
        var token: [UInt8] = []
        for scalar in PythonText.lowercased(text) {
            if PythonText.isWord(scalar) {
                token.append(contentsOf: scalar.utf8)
            } else if !token.isEmpty {
                add(token)
                token.removeAll(keepingCapacity: true)
            }
        }
        if !token.isEmpty { add(token) }
    }

    private mutating func add(_ token: [UInt8]) {
        counts[token, default: 0] += 1
        total += 1
    }

    /// The size of the bags' intersection: each token counts as often as it is in both.
    public func overlap(with other: TokenBag) -> Int {
        let (small, large) = counts.count <= other.counts.count ? (self, other) : (other, self)
        var shared = 0
        for (token, count) in small.counts {
            if let otherCount = large.counts[token] { shared += min(count, otherCount) }
        }
        return shared
    }
}
