/// A caseless pattern over class and id values, asked of nearly every element. A pattern that is
/// a plain alternation of words (each optionally anchored by `^` and `$`) is also kept as a byte
/// matcher, used on ASCII values: it gives PCRE2's answer (on ASCII text caseless matching is
/// ASCII case folding) for a few hundred instructions where PCRE2's caseless Unicode matching
/// takes thousands. Other patterns, and non-ASCII values, go to PCRE2.
/// A class, as is its matcher: taking one from its table is a reference, where a struct of
/// arrays is copied and released field by field on every element.
final class ClassPattern: Sendable {
    let pattern: Pattern?
    private let words: LiteralWords?

    init(_ source: String) {
        pattern = try? Pattern(source, caseInsensitive: true)
        words = pattern == nil ? nil : LiteralWords(source)
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches($0) }
    }

    func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        if let words, UTF8Validator.isASCII(UnsafeRawBufferPointer(value)) { return words.matches(value) }
        return pattern?.matches(String(decoding: value, as: UTF8.self)) == true
    }
}

/// `word|^word|word$|^word$|...` with words of ASCII letters, digits, `-`, `_` and spaces, lower-cased.
private final class LiteralWords: Sendable {
    private struct Word: Sendable {
        let start: Int
        let count: Int
        let atStart: Bool
        let atEnd: Bool
    }

    private let bytes: [UInt8]
    /// Words sorted by first byte; `firstWord[b] ..< firstWord[b + 1]` start with byte `b`.
    private let sorted: [Word]
    private let firstWord: [Int]
    /// The words' first two bytes, in either case: places that open no word are not tried.
    private let openings: OpeningPairs?

    /// Nil when `source` is anything more than such an alternation.
    init?(_ source: String) {
        var parsed: [(bytes: [UInt8], atStart: Bool, atEnd: Bool)] = []
        for alternative in source.split(separator: "|", omittingEmptySubsequences: false) {
            var word = Array(alternative.utf8)
            let atStart = word.first == UInt8(ascii: "^")
            if atStart { word.removeFirst() }
            let atEnd = word.last == UInt8(ascii: "$")
            if atEnd { word.removeLast() }
            guard !word.isEmpty, word.allSatisfy(Self.isLiteral) else { return nil }
            parsed.append((word.map(Self.lower), atStart, atEnd))
        }
        parsed.sort { $0.bytes[0] < $1.bytes[0] }
        var bytes: [UInt8] = []
        var sorted: [Word] = []
        var firstWord = [Int](repeating: 0, count: 257)
        for entry in parsed {
            sorted.append(Word(start: bytes.count, count: entry.bytes.count, atStart: entry.atStart, atEnd: entry.atEnd))
            bytes.append(contentsOf: entry.bytes)
            firstWord[Int(entry.bytes[0]) + 1] += 1
        }
        for index in 1..<firstWord.count { firstWord[index] += firstWord[index - 1] }
        self.bytes = bytes
        self.sorted = sorted
        self.firstWord = firstWord
        openings = OpeningPairs(parsed.map(\.bytes), foldingCase: true)
    }

    private static func isLiteral(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: " ")
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    /// Some word occurs in the ASCII `value`. `$` is PCRE2's: the end, or before a final newline.
    func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = value.count
        let endBeforeNewline = count > 0 && value[count - 1] == 0x0A ? count - 1 : count
        return bytes.withUnsafeBufferPointer { bytes in
            sorted.withUnsafeBufferPointer { sorted in
                firstWord.withUnsafeBufferPointer { firstWord in
                    /// Some word starts at `position`.
                    func wordOpens(at position: Int) -> Bool {
                        let first = Int(Self.lower(value[position]))
                        var index = firstWord[first]
                        let end = firstWord[first + 1]
                        while index < end {
                            let word = sorted[index]
                            index += 1
                            if word.atStart, position != 0 { continue }
                            let stop = position + word.count
                            if stop > count { continue }
                            if word.atEnd, stop != count, stop != endBeforeNewline { continue }
                            var offset = 1
                            while offset < word.count, Self.lower(value[position + offset]) == bytes[word.start + offset] { offset += 1 }
                            if offset == word.count { return true }
                        }
                        return false
                    }
                    guard let openings else {
                        for position in 0..<count where wordOpens(at: position) { return true }
                        return false
                    }
                    // Every word is two bytes or more: none opens at the last byte.
                    var position = 0
                    while position + 1 < count {
                        if openings.opens(value, at: position), wordOpens(at: position) { return true }
                        position += 1
                    }
                    return false
                }
            }
        }
    }
}
