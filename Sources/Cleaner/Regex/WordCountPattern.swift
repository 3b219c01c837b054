/// A pattern that only counts a line's words, `^(?>(?:\S+\s+){0,N})\S+$`: a line of at most N + 1
/// words, with no space at either end (the time-stamp rule's body, tried first on every line
/// with a digit, `LeadingLookarounds`). One walk of the line's bytes answers it, where PCRE2
/// spent about 4,000 instructions a line.
///
/// Its words: the atomic group takes as many words with the spaces after them as it can, at most
/// N, and gives none back; `\S+$` then needs the rest to be one word. So a line matches when it
/// opens and ends with a non-space and holds at most N runs of spaces. `\s` is PCRE2's under UTF
/// and Unicode properties: ASCII tab to carriage return and space, and the horizontal, vertical
/// and separator spaces (`spaceWidth`). A line feed is left to PCRE2 (`$` also matches before a
/// final one).
struct WordCountPattern: Sendable {
    /// N: runs of spaces a matching line holds at most.
    let maxSpaceRuns: Int

    private static let opening = Array(#"^(?>(?:\S+\s+){0,"#.utf8)
    private static let closing = Array(#"})\S+$"#.utf8)

    /// The pattern `source` is, or nil for any other.
    init?(_ source: String) {
        let bytes = Array(source.utf8)
        guard bytes.count > Self.opening.count + Self.closing.count, bytes.starts(with: Self.opening), bytes.reversed().starts(with: Self.closing.reversed()) else { return nil }
        let digits = bytes[Self.opening.count..<(bytes.count - Self.closing.count)]
        // PCRE2 10.42 allows repeats up to 65,535.
        guard (1...5).contains(digits.count), digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let limit = Int(String(decoding: digits, as: UTF8.self)), limit <= 65_535
        else { return nil }
        maxSpaceRuns = limit
    }

    /// Whether the pattern matches `bytes` (valid UTF-8); nil when they hold a line feed.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !bytes.isEmpty else { return false }
        var runs = 0
        var inSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { return nil }
            let width = byte < 0x80 ? (byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0) : Self.spaceWidth(bytes, at: index)
            guard width > 0 else {
                inSpace = false
                index += 1
                continue
            }
            if !inSpace {
                // A space first, or one run too many: no match, whatever follows (a final line
                // feed after the last word too many is found first, above).
                guard index > 0, runs < maxSpaceRuns else { return false }
                runs += 1
                inSpace = true
            }
            index += width
        }
        return !inSpace
    }

    /// The bytes of the non-ASCII space at `index` (a lead byte), 0 for another character: U+0085,
    /// U+00A0, U+1680, U+180E, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        guard index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if lead == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard lead >= 0xE1, lead <= 0xE3, index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (lead, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE1, 0xA0): return third == 0x8E ? 3 : 0
        case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
