/// Counts whitespace-separated words up to a limit, one character at a time, so the byte,
/// scalar and `Character` walks over a line share one definition of a word.
struct WordCounter {
    let limit: Int
    private(set) var words = 0
    private var inWord = false

    init(limit: Int) { self.limit = limit }

    /// Counts the next character; false once `limit` words are counted (the walk may stop).
    @inline(__always)
    mutating func add(isWhitespace: Bool) -> Bool {
        if isWhitespace {
            inWord = false
        } else if !inWord {
            inWord = true
            words += 1
            if words >= limit { return false }
        }
        return true
    }
}
