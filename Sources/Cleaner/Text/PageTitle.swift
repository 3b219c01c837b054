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
        var title: (words: [Substring], ends: TitleEnds)?
        for block in document.blocks {
            for line in block.lines where line.isKept {
                guard let first = title else {
                    let words = words(of: line.text)
                    guard weight(words) >= minWords else { return false }
                    title = (words, TitleEnds(words))
                    continue
                }
                // Saying the title again shares its first or last word: the many lines that do
                // not are turned away before lower-casing and splitting.
                guard mayBeHeadline(line.text, ends: first.ends) else { continue }
                let words = words(of: line.text)
                guard weight(words) >= minWords else { continue }
                if repeats(words, title: first.words) { return true }
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

    /// The bytes of a title's words when all are ASCII (for `asciiHeadline`), else nil.
    static func asciiTitleWords(_ title: [Substring]) -> [[UInt8]]? {
        var words: [[UInt8]] = []
        words.reserveCapacity(title.count)
        for word in title {
            // Read on the contiguous bytes: a `Substring`'s `utf8` walked by index costs several
            // times the test.
            let bytes = word.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
                UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)) ? Array(bytes) : nil
            } ?? (word.utf8.allSatisfy { $0 < 0x80 } ? Array(word.utf8) : nil)
            guard let bytes else { return nil }
            words.append(bytes)
        }
        return words
    }

    /// `isHeadline(words(of: line), of: title)` for an all-ASCII line and a title whose words are
    /// ASCII (`titleWords`, their bytes), read off the line's bytes without lower-casing and
    /// splitting it: its words are the runs of `asciiWordBytes`, each counts one, and ASCII words
    /// are equal when their lower-cased bytes are. Nil for any other line.
    static func asciiHeadline(_ line: String, of titleWords: [[UInt8]]) -> Bool? {
        ASCIIBytes.with(line.utf8) { bytes -> Bool in
            let wordBytes = asciiWordBytes
            var count = 0
            var inWord = false
            for byte in bytes {
                let isWord = wordBytes.contains(byte)
                if isWord, !inWord { count += 1 }
                inWord = isWord
            }
            guard count >= minWords, count < titleWords.count else { return false }
            // The line's words against the title's first words and against its last ones.
            let offset = titleWords.count - count
            var start = true
            var end = true
            var word = 0
            var index = 0
            while index < bytes.count, start || end {
                guard wordBytes.contains(bytes[index]) else {
                    index += 1
                    continue
                }
                let wordStart = index
                while index < bytes.count, wordBytes.contains(bytes[index]) { index += 1 }
                let range = wordStart..<index
                if start { start = sameWord(bytes, range, titleWords[word]) }
                if end { end = sameWord(bytes, range, titleWords[offset + word]) }
                word += 1
            }
            return start || end
        }
    }

    /// The line's ASCII bytes in `range`, lower-cased, are `word`.
    @inline(__always)
    private static func sameWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var offset = 0
        for position in range {
            guard ASCIIText.lowercased(bytes[position]) == word[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// A title's first and last words, read once for the many lines `mayBeHeadline` asks about:
    /// as words for the `Character` comparison and as bytes for the byte one.
    struct TitleEnds {
        let first: Substring?
        let last: Substring?
        fileprivate let firstBytes: [UInt8]?
        fileprivate let lastBytes: [UInt8]?
        /// The first byte of the first word and the last byte of the last, when both are ASCII.
        fileprivate let asciiEdges: (first: UInt8, last: UInt8)?
        /// The upper case of the first word's first character and of the last word's last, for
        /// the `Character` comparison.
        fileprivate let firstUpper: String?
        fileprivate let lastUpper: String?
        /// `asciiWordBytes`, read once: a static's accessor costs a `swift_once` check a line.
        fileprivate let wordBytes = asciiWordBytes

        init(first: Substring?, last: Substring?) {
            self.first = first
            self.last = last
            firstUpper = first?.first?.uppercased()
            lastUpper = last?.last?.uppercased()
            firstBytes = first.map { Array($0.utf8) }
            lastBytes = last.map { Array($0.utf8) }
            if let firstByte = firstBytes?.first, let lastByte = lastBytes?.last, firstByte < 0x80, lastByte < 0x80 {
                asciiEdges = (firstByte, lastByte)
            } else {
                asciiEdges = nil
            }
        }

        init(_ title: [Substring]) { self.init(first: title.first, last: title.last) }

        /// Whether a line with these edge bytes fails `mayBeHeadline` at once: it opens with a
        /// letter or digit other than the title's first and closes with one, after another, other
        /// than its last, so both edge words differ.
        @inline(__always)
        func differAtOnce(_ line: LineEdges) -> Bool {
            guard let edges = asciiEdges, line.packed != 0 else { return false }
            let firstByte = line.first
            let lastByte = line.last
            return wordBytes.contains(firstByte) && ASCIIText.lowercased(firstByte) != edges.first
                && wordBytes.contains(lastByte) && ASCIIText.lowercased(lastByte) != edges.last && wordBytes.contains(line.beforeLast)
        }
    }

    /// Whether `bytes` hold a "_" at `index` that a byte beyond ASCII follows: with a combining
    /// mark it is no word character (`words`), where the byte alone would read as one, so the
    /// word's start is left to the line's `Character`s. A letter or digit with a mark is still one.
    @inline(__always)
    static func opensMarkedUnderscore(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == 0x5F && bytes[index + 1] >= 0x80
    }

    /// A line's first, next to last and last bytes, packed in one word so that `main_text` keeps
    /// them for each line it reads: `TitleEnds.differAtOnce` then turns away most lines without
    /// their text. Zero for a line of fewer than two bytes, which nothing turns away at once.
    struct LineEdges: Equatable {
        let packed: UInt32

        static let none = LineEdges(packed: 0)

        init(packed: UInt32) { self.packed = packed }

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            guard count >= 2 else {
                packed = 0
                return
            }
            // A "_" that may take a mark is kept as 0, which opens no word: only the line's text
            // can tell where its first word starts.
            let first = opensMarkedUnderscore(bytes, at: 0) ? 0 : bytes[0]
            // Bit 24 tells a line of two bytes or more from none, whatever its bytes.
            packed = UInt32(first) | UInt32(bytes[count - 2]) << 8 | UInt32(bytes[count - 1]) << 16 | 1 << 24
        }

        var first: UInt8 { UInt8(truncatingIfNeeded: packed) }
        var beforeLast: UInt8 { UInt8(truncatingIfNeeded: packed >> 8) }
        var last: UInt8 { UInt8(truncatingIfNeeded: packed >> 16) }
    }

    /// Whether `line` can be a headline of a title whose words start with `titleEnds.first` and
    /// end with `titleEnds.last` (lower-cased): its first word is the title's first, or its last
    /// word the title's last. A headline is a start or an end of the title's words, so the many
    /// lines that fail this need no lower-casing and splitting (`isHeadline`). A word that is
    /// ASCII to the line's edge is compared by its bytes; otherwise only its edge character is,
    /// in upper case (a letter alone lower-cases out of context: a final Σ to σ, not ς).
    /// The title's ends are read once (`TitleEnds`).
    static func mayBeHeadline(_ line: String, ends titleEnds: TitleEnds) -> Bool {
        // Each edge's answer by bytes: the last word is not looked at when the first one answers.
        var answer: (first: Bool?, last: Bool?)?
        // The set read once: a static's accessor in the loop costs a `swift_once` check a byte.
        let wordBytes = asciiWordBytes
        let decided = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // Most lines open with a letter or digit other than the title's first and close with
            // one, after another, other than its last: both edge words differ, as `edgeWord` finds
            // at once from these bytes.
            if titleEnds.differAtOnce(LineEdges(bytes)) {
                answer = (false, false)
                return false
            }
            let first = edgeWord(bytes, fromEnd: false, is: titleEnds.firstBytes, wordBytes: wordBytes)
            if first == true { return true }
            let last = edgeWord(bytes, fromEnd: true, is: titleEnds.lastBytes, wordBytes: wordBytes)
            answer = (first, last)
            return last == true
        }
        if decided == true { return true }
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        func same(_ character: Character, _ titleUpper: String?) -> Bool {
            titleUpper.map { character.uppercased() == $0 } ?? false
        }
        if answer?.first == nil, let first = firstWordCharacter(line), same(first, titleEnds.firstUpper) { return true }
        if answer?.last == nil, let last = line.last(where: isWordCharacter), same(last, titleEnds.lastUpper) { return true }
        return false
    }

    /// `line.first(where:)` a letter, number or "_", read by scalar where each is a character
    /// alone (`ScalarCharacters.forEachCharacter`).
    static func firstWordCharacter(_ line: String) -> Character? {
        var found: Character?
        let walked = ScalarCharacters.forEachCharacter(
            line,
            scalar: { scalar in
                guard ScalarCharacters.isLetterOrNumber(scalar) || scalar == 0x5F, let unicode = Unicode.Scalar(scalar) else { return true }
                found = Character(unicode)
                return false
            },
            character: { character in
                guard character.isLetter || character.isNumber || character == "_" else { return true }
                found = character
                return false
            })
        return walked ? found : line.first(where: { $0.isLetter || $0.isNumber || $0 == "_" })
    }

    /// Whether the line's first (last) word is `word` (its bytes), when that word is ASCII and all
    /// before (after) it is ASCII or `isEdgeMark`; nil when another scalar above ASCII comes first,
    /// which only Characters can tell about (a letter, a combining mark on the ASCII before it).
    @inline(__always)
    private static func edgeWord(_ bytes: UnsafeBufferPointer<UInt8>, fromEnd: Bool, is word: [UInt8]?, wordBytes: ASCIISet) -> Bool? {
        // No title word: the `Character` comparison a nil answer leads to fails too.
        guard let word, let titleEdge = fromEnd ? word.last : word.first else { return false }
        func isWordByte(_ byte: UInt8) -> Bool { wordBytes.contains(byte) }
        let step = fromEnd ? -1 : 1
        var index = fromEnd ? bytes.count - 1 : 0
        while bytes.indices.contains(index) {
            guard bytes[index] >= 0x80 else {
                if isWordByte(bytes[index]) { break }
                index += step
                continue
            }
            guard let length = edgeMarkLength(bytes, at: index, fromEnd: fromEnd) else { return nil }
            index += step * length
        }
        guard bytes.indices.contains(index) else { return false }
        let start = index
        // Characters tell where a word after a "_" that may take a mark starts.
        if !fromEnd, opensMarkedUnderscore(bytes, at: start) { return nil }
        // Most lines differ from the title in their edge letter. Where the title's is ASCII, the
        // `Character` comparison fails as well, so the word need not be walked: the character
        // there opens with the line's byte (after ASCII, no scalar joins a character before it),
        // and at the end it is that byte alone when an ASCII letter or digit stands before it.
        if titleEdge < 0x80, ASCIIText.lowercased(bytes[start]) != ASCIIText.lowercased(titleEdge) {
            if !fromEnd || (start > 0 && isWordByte(bytes[start - 1])) { return false }
        }
        while bytes.indices.contains(index), isWordByte(bytes[index]) { index += step }
        if bytes.indices.contains(index), bytes[index] >= 0x80, edgeMarkLength(bytes, at: index, fromEnd: fromEnd) == nil { return nil }
        let range = fromEnd ? (index + 1)..<(start + 1) : start..<index
        // Words of different lengths differ: most lines fail here, without a walk of their word.
        guard word.count == range.count else { return false }
        // Title words are lower-cased; an ASCII capital lower-cases by its 0x20 bit.
        var offset = 0
        for position in range {
            let byte = bytes[position]
            guard word[offset] == (byte &- 0x41 < 26 ? byte | 0x20 : byte) else { return false }
            offset += 1
        }
        return true
    }

    /// The length of the scalar at byte `index` (its first byte; with `fromEnd`, its last) when
    /// it is an `isEdgeMark`; nil for any other.
    private static func edgeMarkLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, fromEnd: Bool) -> Int? {
        var start = index
        if fromEnd {
            while start > 0, index - start < 3, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        guard let (scalar, length) = UTF8Scalar.decode(bytes, at: start), !fromEnd || start + length == index + 1, isEdgeMark(scalar) else {
            return nil
        }
        return length
    }

    /// Punctuation, symbols and spaces beyond ASCII that lines open or close with ("© 2024 Site",
    /// "Read more »", "• News", "【Title】"): no letters and no numbers, their own lower case, and
    /// each a character alone beside ASCII and beside each other. No walk of `words` takes them
    /// for a word's, and they part words as ASCII marks do, so the word next to them is the
    /// line's edge word (`PageTitleEdgeTests` checks each against those definitions).
    static func isEdgeMark(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0xA9, 0xAB, 0xAC, 0xAE...0xB1, 0xB4, 0xB6...0xB8, 0xBB, 0xBF, 0xD7, 0xF7,  // Latin-1 (not ª º ¹ ² ³ µ ¼ ½ ¾, soft hyphen)
            0x2010...0x2027, 0x2030...0x205E,  // dashes, quotes, bullets, ellipsis, primes, guillemets
            0x20A0...0x20BF,  // currency signs
            0x2190...0x21FF, 0x2500...0x25FF,  // arrows, box drawing, blocks, geometric shapes
            0x3000...0x3004, 0x3008...0x3020,  // CJK space, marks and brackets (not 々 〆 〇 or the Hangzhou numerals)
            0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF3E, 0xFF40, 0xFF5B...0xFF65:  // full-width marks (not the digits, letters or ＿)
            true
        default: false
        }
    }

    private static let asciiWordBytes = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)

    /// Lower-cased runs of letters, digits and marks.
    static func words(of line: String) -> [Substring] {
        if let lowered = ASCIIText.lowercased(line) { return asciiWords(of: lowered) ?? characterWords(of: lowered) }
        return scalarWords(of: line) ?? characterWords(of: LowerCase.of(line))
    }

    /// `words` of a lower-cased line, by `Character`.
    private static func characterWords(of lowered: String) -> [Substring] {
        lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    /// `words` of a line beyond ASCII whose every scalar lower-cases to one scalar that stands
    /// alone (`ScalarCharacters.lowercased`): each scalar of the lower-cased line is then a
    /// `Character` of its own, so the line is lower-cased and split in one walk of its scalars,
    /// where `String.lowercased` makes a string of each scalar's mapping. Nil for any other line.
    private static func scalarWords(of line: String) -> [Substring]? {
        var lowered: [UInt8] = []
        var ranges = WordRanges()
        let walked = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            lowered.reserveCapacity(bytes.count)
            let wordBytes = asciiWordBytes
            var index = 0
            while index < bytes.count {
                let at = lowered.count
                let byte = bytes[index]
                let isWord: Bool
                if byte < 0x80 {
                    guard byte != 0x0D else { return false }  // "\r\n" is one character
                    lowered.append(ASCIIText.lowercased(byte))
                    isWord = wordBytes.contains(byte)
                    index += 1
                } else {
                    guard let (scalar, length) = UTF8Scalar.decode(bytes, at: index) else { return false }
                    if isEdgeMark(scalar) {
                        // Its own lower case and no word's, without the look-ups (see `isEdgeMark`).
                        lowered.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                        isWord = false
                    } else {
                        guard ScalarCharacters.standsAlone(scalar), let lower = ScalarCharacters.lowercased(scalar), let unicode = Unicode.Scalar(lower)
                        else { return false }
                        UTF8.encode(unicode) { lowered.append($0) }
                        isWord = ScalarCharacters.isLetterOrNumber(lower)
                    }
                    index += length
                }
                ranges.add(isWord: isWord, at: at)
            }
            ranges.finish(at: lowered.count)
            return true
        }
        guard walked == true else { return nil }
        return ranges.substrings(of: String(decoding: lowered, as: UTF8.self))
    }

    /// The byte ranges of a text's words, gathered one character at a time.
    private struct WordRanges {
        private(set) var ranges: [Range<Int>] = []
        private var start: Int?

        /// The character at byte `at` is a word's or not.
        mutating func add(isWord: Bool, at offset: Int) {
            if isWord {
                if start == nil { start = offset }
            } else if let wordStart = start {
                ranges.append(wordStart..<offset)
                start = nil
            }
        }

        /// The text ends at byte `at`.
        mutating func finish(at end: Int) {
            if let wordStart = start { ranges.append(wordStart..<end) }
            start = nil
        }

        /// The words of `text`, whose bytes were walked.
        func substrings(of text: String) -> [Substring] {
            let utf8 = text.utf8
            return ranges.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
        }
    }

    /// `words` of an all-ASCII text, split on its bytes: each byte is a `Character` ("\r\n" is one,
    /// but neither byte is a word's), and the ASCII letters, numbers and "_" are `asciiWordBytes`.
    /// Nil for any other text.
    private static func asciiWords(of text: String) -> [Substring]? {
        let wordBytes = asciiWordBytes
        let ranges = text.utf8.withContiguousStorageIfAvailable { bytes -> WordRanges? in
            var ranges = WordRanges()
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                ranges.add(isWord: wordBytes.contains(byte), at: index)
            }
            ranges.finish(at: bytes.count)
            return ranges
        }
        guard let found = ranges, let ranges = found else { return nil }
        return ranges.substrings(of: text)
    }

    /// Words, with each double-width character (CJK) counted as one.
    static func weight(_ words: [Substring]) -> Int {
        words.reduce(0) { total, word in
            // Double-width scalars start at U+3040, whose UTF-8 lead byte is 0xE3: a word without
            // such a byte has none, and need not be decoded.
            // Read on the contiguous bytes, as `asciiTitleWords` does.
            let mayHoldWide = word.utf8.withContiguousStorageIfAvailable { $0.contains(where: { $0 >= 0xE3 }) } ?? word.utf8.contains(where: { $0 >= 0xE3 })
            guard mayHoldWide else { return total + 1 }
            let wide = word.unicodeScalars.reduce(0) { $0 + (MainText.isDoubleWidth($1.value) ? 1 : 0) }
            return total + max(1, wide)
        }
    }
}
