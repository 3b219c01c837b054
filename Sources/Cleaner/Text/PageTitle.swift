/// Tells a scrape of a whole page by its title: a scraper that dumps a whole page's text writes
/// the page's `<title>` first ("Headline - Site name", "Site | Headline"), and the page says the
/// headline again over its article. A scrape of the article's container has no `<title>`, so its
/// first line seldom comes back as the start or the end of a later one. Compared as words
/// (lower-cased runs of letters and digits), so punctuation and case do not matter; CJK
/// ideographs, kana and hangul count a word each, since those scripts put no spaces between words.
enum PageTitle {
    /// Title and repeated headline hold at least this many words each: a site's name alone
    /// ("Home", "News") comes back on every page, in menus and footers, whole page or not.
    static let minWords = 4

    /// The first kept line is a title: a later kept line is the start or the end of it ("Headline"
    /// under "Headline - Site", "Headline" under "Site | Headline"), or starts with it.
    static func opensWithRepeatedTitle(_ document: Document) -> Bool {
        var title: [Substring]?
        for block in document.blocks {
            for line in block.lines where line.isKept {
                guard let first = title else {
                    let words = words(of: line.text)
                    guard weight(words) >= minWords else { return false }
                    title = words
                    continue
                }
                // Saying the title again shares its first or last word: the many lines that do
                // not are turned away before lower-casing and splitting.
                guard mayBeHeadline(line.text, titleEnds: (first.first, first.last)) else { continue }
                let words = words(of: line.text)
                guard weight(words) >= minWords else { continue }
                if repeats(words, title: first) { return true }
            }
        }
        return false
    }

    /// The line says the title again: the start or the end of it, or it starts with it.
    static func repeats(_ words: [Substring], title: [Substring]) -> Bool {
        title.starts(with: words) || words.starts(with: title) || title.reversed().starts(with: words.reversed())
    }

    /// The line is the title's headline: a proper start or end of it (the title without the
    /// site's name), of at least `minWords` words. The title said again in full is no sign: a
    /// scrape of the article's container may open with the headline and close with it.
    static func isHeadline(_ words: [Substring], of title: [Substring]) -> Bool {
        guard words.count < title.count, weight(words) >= minWords else { return false }
        return title.starts(with: words) || title.reversed().starts(with: words.reversed())
    }

    /// Whether `line` can be a headline of a title whose words start with `titleEnds.first` and
    /// end with `titleEnds.last` (lower-cased): its first word is the title's first, or its last
    /// word the title's last. A headline is a start or an end of the title's words, so the many
    /// lines that fail this need no lower-casing and splitting (`isHeadline`). A word that is
    /// ASCII to the line's edge is compared by its bytes; otherwise only its edge character is,
    /// in upper case (a letter alone lower-cases out of context: a final Σ to σ, not ς).
    static func mayBeHeadline(_ line: String, titleEnds: (first: Substring?, last: Substring?)) -> Bool {
        let answer = line.utf8.withContiguousStorageIfAvailable { bytes in
            (first: edgeWord(bytes, fromEnd: false, is: titleEnds.first), last: edgeWord(bytes, fromEnd: true, is: titleEnds.last))
        }
        if answer?.first == true || answer?.last == true { return true }
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        func same(_ character: Character, _ titleCharacter: Character?) -> Bool {
            titleCharacter.map { character.uppercased() == $0.uppercased() } ?? false
        }
        if answer?.first == nil, let first = line.first(where: isWordCharacter), same(first, titleEnds.first?.first) { return true }
        if answer?.last == nil, let last = line.last(where: isWordCharacter), same(last, titleEnds.last?.last) { return true }
        return false
    }

    /// Whether the line's first (last) word is `word`, when that word and all before (after) it
    /// are ASCII; nil when a byte above ASCII comes first, which only Characters can tell about
    /// (a letter, a combining mark on the ASCII before it).
    private static func edgeWord(_ bytes: UnsafeBufferPointer<UInt8>, fromEnd: Bool, is word: Substring?) -> Bool? {
        // The set read once: a static's accessor in the loop costs a `swift_once` check a byte.
        let wordBytes = asciiWordBytes
        func isWordByte(_ byte: UInt8) -> Bool { wordBytes.contains(byte) }
        let step = fromEnd ? -1 : 1
        var index = fromEnd ? bytes.count - 1 : 0
        while bytes.indices.contains(index), bytes[index] < 0x80, !isWordByte(bytes[index]) { index += step }
        guard bytes.indices.contains(index) else { return false }
        guard bytes[index] < 0x80 else { return nil }
        let start = index
        while bytes.indices.contains(index), isWordByte(bytes[index]) { index += step }
        if bytes.indices.contains(index), bytes[index] >= 0x80 { return nil }
        let range = fromEnd ? (index + 1)..<(start + 1) : start..<index
        guard let word else { return false }
        // Words of different lengths differ: most lines fail here, without a walk of their word.
        guard word.utf8.count == range.count else { return false }
        // Title words are lower-cased; an ASCII capital lower-cases by its 0x20 bit.
        return word.utf8.elementsEqual(bytes[range].lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    }

    private static let asciiWordBytes = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)

    /// Lower-cased runs of letters, digits and marks.
    static func words(of line: String) -> [Substring] {
        let lowered = ASCIIText.lowercased(line) ?? line.lowercased()
        if let words = asciiWords(of: lowered) { return words }
        return lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    /// `words` of an all-ASCII text, split on its bytes: each byte is a `Character` ("\r\n" is one,
    /// but neither byte is a word's), and the ASCII letters, numbers and "_" are `asciiWordBytes`.
    /// Nil for any other text.
    private static func asciiWords(of text: String) -> [Substring]? {
        let wordBytes = asciiWordBytes
        let ranges = text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            var ranges: [Range<Int>] = []
            var start: Int?
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if wordBytes.contains(byte) {
                    if start == nil { start = index }
                } else if let wordStart = start {
                    ranges.append(wordStart..<index)
                    start = nil
                }
            }
            if let wordStart = start { ranges.append(wordStart..<bytes.count) }
            return ranges
        }
        guard let found = ranges, let ranges = found else { return nil }
        let utf8 = text.utf8
        return ranges.map { range in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    /// Words, with each double-width character (CJK) counted as one.
    static func weight(_ words: [Substring]) -> Int {
        words.reduce(0) { total, word in
            // Double-width scalars start at U+3040, whose UTF-8 lead byte is 0xE3: a word without
            // such a byte has none, and need not be decoded.
            guard word.utf8.contains(where: { $0 >= 0xE3 }) else { return total + 1 }
            let wide = word.unicodeScalars.reduce(0) { $0 + (MainText.isDoubleWidth($1.value) ? 1 : 0) }
            return total + max(1, wide)
        }
    }
}
