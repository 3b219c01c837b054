import Glibc

/// `MainText.weight` of an all-ASCII line from one walk over its bytes. Each byte of such a line
/// is a `Character` (the only ASCII pair that is one is "\r\n", and lines with "\r" are left to the
/// other paths), so every count `weight` asks for (punctuation, name-list words, table cells,
/// number cell, words) is read off the bytes at once, instead of one walk of the line per question.
extension MainText {
    /// What `weight` asks of an ASCII line, counted in one pass. A byte adds its counts from a
    /// table chosen by the class of the byte before it (whitespace, "|", or anything else: where a
    /// word or a cell starts), eight counters of one byte each packed in one word: a look-up and
    /// an add a byte. The few lines whose answer needs more (a name list's shouted words, a data
    /// row's number cells) are walked again for it.
    struct ASCIICounts {
        var punctuation = 0
        /// Whitespace-separated words, and those whose first byte is a letter, and a capital.
        var words = 0
        var cased = 0
        var capitalised = 0
        /// Commas and semicolons.
        var separators = 0
        /// Cells between whitespace and "|".
        var cells = 0
        /// `asciiNumbers` bytes, and bytes that `isNumberCell` does not let through.
        var digits = 0
        var otherThanNumberCell = 0

        var isNumberCell: Bool { otherThanNumberCell == 0 && digits > 0 }

        /// The counts of bytes already found to be ASCII (`UTF8Validator.isASCII`, eight bytes a
        /// step); nil when they hold a "\r".
        @inline(__always)
        static func ofASCII(_ bytes: UnsafeBufferPointer<UInt8>, tables: ASCIICountTables) -> ASCIICounts? {
            tables.steps.withUnsafeBufferPointer { steps in
                tables.classes.withUnsafeBufferPointer { classes in
                    var counts = ASCIICounts()
                    var previous = ASCIICountTables.whitespaceClass
                    var other: UInt16 = 0
                    var index = 0
                    while index < bytes.count {
                        // At most 255 bytes a round, so that no packed counter overflows.
                        let end = min(bytes.count, index + 255)
                        var packed: UInt64 = 0
                        while index < end {
                            let byte = Int(bytes[index])
                            packed &+= steps[Int(previous) | byte]
                            let kind = classes[byte]
                            other |= kind
                            previous = kind & ASCIICountTables.classMask
                            index += 1
                        }
                        counts.add(packed)
                    }
                    return other & ASCIICountTables.notASCII == 0 ? counts : nil
                }
            }
        }

        private mutating func add(_ packed: UInt64) {
            punctuation += Int(truncatingIfNeeded: packed & 0xFF)
            words += Int(truncatingIfNeeded: (packed >> 8) & 0xFF)
            cased += Int(truncatingIfNeeded: (packed >> 16) & 0xFF)
            capitalised += Int(truncatingIfNeeded: (packed >> 24) & 0xFF)
            separators += Int(truncatingIfNeeded: (packed >> 32) & 0xFF)
            cells += Int(truncatingIfNeeded: (packed >> 40) & 0xFF)
            digits += Int(truncatingIfNeeded: (packed >> 48) & 0xFF)
            otherThanNumberCell += Int(truncatingIfNeeded: packed >> 56)
        }
    }

    /// `weight` of an ASCII line without "\r"; nil for any other line.
    static func asciiWeight(_ line: String) -> Double? {
        line.utf8.withContiguousStorageIfAvailable { asciiWeight($0) } ?? nil
    }

    /// `weight` of the bytes of an ASCII line without "\r"; nil for any other bytes.
    @inline(__always)
    static func asciiWeight(_ bytes: UnsafeBufferPointer<UInt8>, tables: ASCIICountTables = .shared) -> Double? {
        // Asked once, eight bytes a step: the walks below need not ask it again.
        guard UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
        let size = bytes.count
        let ends = asciiEndsSentence(bytes, tables: tables)
        // Most of a page's bytes are in lines of prose that end a sentence: their weight is their
        // length, unless a long one is a list of names, which the bound of `mayBeNameList` rules
        // out for prose after a few of its words. Such a line needs no counts.
        if ends, size >= sentenceCharacters, let spaces = asciiSpaces(ofASCII: bytes) {
            if size < proseCharacters { return Double(size) / 2 }
            if !asciiMayBeNameList(bytes, spaces: spaces) { return min(Double(size), maxLineWeight) }
        }
        guard let counts = ASCIICounts.ofASCII(bytes, tables: tables) else { return nil }
        // A name list has at least `nameListWords` cased words, nearly all capitalised, and few
        // separators: only a line that has all that needs its shouted words counted.
        if size >= proseCharacters, counts.cased >= nameListWords,
            Double(counts.capitalised) >= nameListCapitalShare * Double(counts.cased),
            counts.separators * nameListWordsPerSeparator <= counts.cased,
            isNameList(asciiNameListCounts(bytes))
        {
            return -(chromeCost + Double(size) / 2)
        }
        // A data row has three cells and a number among them; its number cells are counted only
        // where the row decides (a line neither prose nor a sentence).
        let decided = size >= proseCharacters && (ends || counts.punctuation >= 2) || size >= sentenceCharacters && ends
        let isDataRow = !decided && counts.cells >= 3 && counts.digits > 0 && isASCIIDataRow(bytes)
        return weight(size: size, ends: ends, punctuation: counts.punctuation, isDataRow: isDataRow,
                      isNumberCell: counts.isNumberCell, words: counts.words)
    }

    /// The whitespace bytes of an all-ASCII line without "\r" (those `UnicodeWhitespace` counts,
    /// and all the whitespace scalars it has); nil for any other line. Eight bytes a step: every
    /// byte is below 0x80, so no byte's sum carries into the next, and a byte's top bit tells
    /// whether it is not 0x20 (after the xor), at least 0x09, at least 0x0E.
    static func asciiSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
        return asciiSpaces(ofASCII: bytes)
    }

    /// `asciiSpaces` of bytes already found to be ASCII.
    @inline(__always)
    static func asciiSpaces(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        guard memchr(base, 0x0D, bytes.count) == nil else { return nil }
        let raw = UnsafeRawPointer(base)
        let tops: UInt64 = 0x8080_8080_8080_8080
        var spaces = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let notSpace = (word ^ 0x2020_2020_2020_2020) &+ 0x7F7F_7F7F_7F7F_7F7F
            let controls = (word &+ 0x7777_7777_7777_7777) & ~(word &+ 0x7272_7272_7272_7272)
            spaces += ByteLanes.countHigh((~notSpace | controls) & tops)
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if ASCIIText.isWhitespace(byte) { spaces += 1 }
            index += 1
        }
        return spaces
    }

    /// `Headline.endsSentence` of an all-ASCII line: each byte is a character of its own ("\r\n"
    /// aside, and neither is a closer or a sentence end).
    @inline(__always)
    static func asciiEndsSentence(_ bytes: UnsafeBufferPointer<UInt8>, tables: ASCIICountTables = .shared) -> Bool {
        var end = bytes.count
        while end > 0 {
            let last = bytes[end - 1]
            if tables.closers.contains(last) {
                end -= 1
                continue
            }
            return tables.sentenceEnds.contains(last)
        }
        return false
    }

    /// `mayBeNameList(bytes:spaceBound:)` of an all-ASCII line with `spaces` whitespace bytes, the
    /// bound exact. The bound the walk tests at a lowercase start, its spaces so far plus the
    /// bytes left, is then never below `spaces`: each test asks what the final one asks of more
    /// starts, so only the count of starts matters, up to where it passes the limit.
    static func asciiMayBeNameList(_ bytes: UnsafeBufferPointer<UInt8>, spaces: Int) -> Bool {
        guard spaces >= nameListWords - 1 else { return false }
        let limit = Double(spaces + 1) * (1 - nameListCapitalShare) + 1
        var starts = 0
        var afterSpace = true
        for byte in bytes {
            if ASCIIText.isWhitespace(byte) {
                afterSpace = true
                continue
            }
            if afterSpace, byte &- 0x61 < 26 {
                starts += 1
                if Double(starts) > limit { return false }
            }
            afterSpace = false
        }
        return true
    }

    /// `wordCount` of an all-ASCII line's bytes: each byte is a character, whitespace is 9-13
    /// and space ("\r\n" is one whitespace character, as both its bytes are).
    static func asciiWordCount(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var counter = WordCounter(limit: limit)
        for byte in bytes where !counter.add(isWhitespace: ASCIIText.isWhitespace(byte)) {
            break
        }
        return counter.words
    }

    /// `NameListCounts` of an all-ASCII line, byte by byte: ASCII case is its letters'.
    static func asciiNameListCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> NameListCounts {
        var counts = NameListCounts()
        for byte in bytes {
            counts.add(
                separator: byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";"), whitespace: ASCIIText.isWhitespace(byte),
                lowercase: { byte &- 0x61 < 26 }, uppercase: { byte &- 0x41 < 26 })
        }
        counts.finish()
        return counts
    }
}

/// The tables of `MainText.ASCIICounts`, made once from the definitions the general path asks.
final class ASCIICountTables: Sendable {
    static let shared = ASCIICountTables()

    /// The class of the byte before, as an offset into `steps`: whitespace (and the line's start),
    /// "|", anything else.
    static let whitespaceClass: UInt16 = 0
    static let barClass: UInt16 = 0x100
    static let otherClass: UInt16 = 0x200
    static let classMask: UInt16 = 0x300
    /// Set in `classes` for a byte that is not ASCII, or "\r".
    static let notASCII: UInt16 = 0x8000

    /// For each class of the byte before and each byte, the counts it adds, packed as
    /// `ASCIICounts.add` unpacks them.
    let steps: [UInt64]
    /// Each byte's class, and `notASCII`.
    let classes: [UInt16]
    /// `Headline.closers` and `Headline.sentenceEnds` that are ASCII.
    let closers: ASCIISet
    let sentenceEnds: ASCIISet

    /// Made from sets of bytes, each field a bit set in a word: asking each byte as a `Character`
    /// of the sets of Characters, with an array of fields a step, cost 0.6 million instructions
    /// at start-up. `MainTextASCIITests` checks the tables against those questions.
    private init() {
        func isWhitespace(_ byte: Int) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        let bar = Int(UInt8(ascii: "|"))
        let punctuation = ASCIISet(MainText.punctuation.compactMap { $0.isASCII ? $0.asciiValue : nil })
        var classes = [UInt16](repeating: 0, count: 0x100)
        var steps = [UInt64](repeating: 0, count: 0x300)
        for byte in 0..<0x100 {
            guard byte < 0x80, byte != 0x0D else {
                classes[byte] = Self.notASCII | Self.otherClass
                continue
            }
            classes[byte] = isWhitespace(byte) ? Self.whitespaceClass : byte == bar ? Self.barClass : Self.otherClass
            let ascii = UInt8(byte)
            let lower = byte >= 0x61 && byte <= 0x7A
            let upper = byte >= 0x41 && byte <= 0x5A
            // The fields whatever the byte before: 0 punctuation, 4 separators, 6 digits, 7 other than a number cell.
            var always: UInt64 = 0
            if punctuation.contains(ascii) { always |= 1 }
            if ascii == UInt8(ascii: ",") || ascii == UInt8(ascii: ";") { always |= 1 << 32 }
            if MainText.asciiNumbers.contains(ascii) { always |= 1 << 48 }
            if !MainText.asciiNumberCellBytes.contains(ascii) { always |= 1 << 56 }
            for previous in stride(from: Self.whitespaceClass, through: Self.otherClass, by: Int(Self.barClass)) {
                // 1 words, 2 of them opening with a letter, 3 with a capital; 5 cells.
                let wordStart = !isWhitespace(byte) && previous == Self.whitespaceClass
                let cellStart = !isWhitespace(byte) && byte != bar && previous != Self.otherClass
                var fields = always
                if wordStart { fields |= 1 << 8 }
                if wordStart, lower || upper { fields |= 1 << 16 }
                if wordStart, upper { fields |= 1 << 24 }
                if cellStart { fields |= 1 << 40 }
                steps[Int(previous) | byte] = fields
            }
        }
        self.steps = steps
        self.classes = classes
        closers = ASCIISet(Headline.closers.compactMap { $0.isASCII ? $0.asciiValue : nil })
        sentenceEnds = ASCIISet(Headline.sentenceEnds.compactMap { $0.isASCII ? $0.asciiValue : nil })
    }
}
