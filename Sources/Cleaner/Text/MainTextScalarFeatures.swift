/// `MainText.weight` of a line that is not all ASCII from one walk over its scalars, as
/// `ASCIIFeatures` does for ASCII lines: the weighted length, punctuation, the name-list bound,
/// table cells, the number cell and the words are read off each scalar once, instead of one walk
/// (and a `Set` look-up per scalar) for each question. Only lines whose every scalar stands alone
/// (see `ScalarCharacters`) are walked so; any other line is left to `generalWeight`.
extension MainText {
    /// What `weight` asks of a line, counted in one pass over its scalars.
    struct ScalarFeatures {
        /// `weightedLength`.
        var weightedLength = 0
        /// `punctuationMarks`.
        var punctuation = 0
        /// `mayBeNameList`'s counts: whitespace, and words that start lower case or without case.
        var spaces = 0
        var lowercaseStarts = 0
        var uncasedStarts = 0
        /// `isDataRow`: cells between whitespace and "|", and those that are numbers.
        var cells = 0
        var numberCells = 0
        /// `isNumberCell`: every character may stand in a number cell, and how many are numbers.
        var onlyNumberCellCharacters = true
        var numbers = 0
        /// Whitespace-separated words (all of them).
        var words = 0

        var mayBeNameList: Bool {
            let casedWords = spaces + 1 - uncasedStarts
            return casedWords >= nameListWords && Double(lowercaseStarts) <= Double(casedWords) * (1 - nameListCapitalShare) + 1
        }
        var isDataRow: Bool { cells >= 3 && numberCells * 3 >= cells }
        var isNumberCell: Bool { onlyNumberCellCharacters && numbers > 0 }

        /// Nil when a scalar of `bytes` may join a neighbour into one character.
        static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarFeatures? {
            var features = ScalarFeatures()
            var length = 0
            var punctuation = 0
            var spaces = 0
            var lowercaseStarts = 0
            var uncasedStarts = 0
            var words = 0
            // `mayBeNameList` state: whitespace other than ASCII does not open a word there.
            var afterSpace = true
            var inWord = false
            // `dataRowByScalars` state.
            var cells = 0
            var numberCells = 0
            var inCell = false
            var cellHasNumber = false
            var cellOnlyNumeric = true
            // `isNumberCell` state.
            var onlyNumberCell = true
            var numbers = 0
            // The sets read once: a static's accessor in the loop costs a `swift_once` check a byte.
            let sets = Sets.shared
            let asciiFlags = sets.asciiFlags
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let scalar: UInt32
                let ascii = byte < 0x80
                // An ASCII byte's answers read from one table (`ASCIIFlag`).
                let flags = ascii ? asciiFlags[Int(byte)] : 0
                if ascii {
                    guard byte != 0x0D else { return nil }  // "\r\n" is one character
                    scalar = UInt32(byte)
                    index += 1
                } else {
                    guard let (decoded, size) = UTF8Scalar.decode(bytes, at: index), ScalarCharacters.standsAlone(decoded) else { return nil }
                    scalar = decoded
                    index += size
                }
                length += ascii || !isDoubleWidth(scalar) ? 1 : 2
                // Past ASCII, a range test first: the marks beyond ASCII are CJK, and most scalars
                // (Latin, Cyrillic) lie below them.
                if ascii ? flags & ASCIIFlag.punctuation != 0 : sets.nonASCIIPunctuationRange.contains(scalar) && sets.nonASCIIPunctuation.contains(scalar) {
                    punctuation += 1
                }
                let whitespace = ascii ? flags & ASCIIFlag.whitespace != 0 : UnicodeWhitespace.isWhitespace(scalar)
                if whitespace {
                    spaces += 1
                    afterSpace = ascii
                    inWord = false
                } else {
                    if afterSpace {
                        if ascii {
                            if flags & ASCIIFlag.lowercase != 0 { lowercaseStarts += 1 }
                        } else if isSmallLetter(scalar) {
                            lowercaseStarts += 1
                        } else if ScalarCharacters.isUncased(scalar) {
                            uncasedStarts += 1
                        }
                    }
                    afterSpace = false
                    if !inWord {
                        inWord = true
                        words += 1
                    }
                }
                if whitespace || scalar == 0x7C {
                    if inCell {
                        cells += 1
                        if cellHasNumber && cellOnlyNumeric { numberCells += 1 }
                    }
                    inCell = false
                } else {
                    if !inCell {
                        inCell = true
                        cellHasNumber = false
                        cellOnlyNumeric = true
                    }
                    // A cell that holds something else is no number cell: the rest of it need not be looked up.
                    if cellOnlyNumeric {
                        let isNumber = ascii ? flags & ASCIIFlag.digit != 0 : ScalarCharacters.isNumber(scalar)
                        cellHasNumber = cellHasNumber || isNumber
                        cellOnlyNumeric = isNumber || (ascii ? flags & ASCIIFlag.numberMark != 0 : sets.nonASCIINumberMarks.contains(scalar))
                    }
                }
                if onlyNumberCell {
                    if ascii {
                        onlyNumberCell = flags & ASCIIFlag.numberCellByte != 0
                        if flags & ASCIIFlag.digit != 0 { numbers += 1 }
                    } else if ScalarCharacters.isNumber(scalar) {
                        numbers += 1
                    } else {
                        onlyNumberCell = whitespace || sets.nonASCIINumberCellMarks.contains(scalar) || isCurrencySymbol(scalar)
                    }
                }
            }
            if inCell {
                cells += 1
                if cellHasNumber && cellOnlyNumeric { numberCells += 1 }
            }
            features.weightedLength = length
            features.punctuation = punctuation
            features.spaces = spaces
            features.lowercaseStarts = lowercaseStarts
            features.uncasedStarts = uncasedStarts
            features.cells = cells
            features.numberCells = numberCells
            features.onlyNumberCellCharacters = onlyNumberCell
            features.numbers = numbers
            features.words = words
            return features
        }

        /// Whether the line's `Character`s hold at least `limit` (one or more) of `punctuation`,
        /// read off its first scalars while each is a character alone (see `ScalarCharacters`):
        /// prose holds two marks within its first words. False when every scalar stands alone
        /// and fewer are marks; nil when a scalar that may join a neighbour comes before the answer.
        static func reachesPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> Bool? {
            guard limit > 0 else { return true }
            let sets = Sets.shared
            let asciiFlags = sets.asciiFlags
            var marks = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isMark: Bool
                if byte < 0x80 {
                    guard byte != 0x0D else { return nil }  // "\r\n" is one character
                    isMark = asciiFlags[Int(byte)] & ASCIIFlag.punctuation != 0
                    index += 1
                } else {
                    guard let (scalar, size) = UTF8Scalar.decode(bytes, at: index), ScalarCharacters.standsAlone(scalar) else { return nil }
                    isMark = sets.nonASCIIPunctuationRange.contains(scalar) && sets.nonASCIIPunctuation.contains(scalar)
                    index += size
                }
                guard isMark else { continue }
                marks += 1
                guard marks >= limit else { continue }
                // The last mark is a character alone only if the scalar after it stands alone too.
                guard index < bytes.count else { return true }
                guard bytes[index] >= 0x80 else { return bytes[index] != 0x0D ? true : nil }
                guard let (next, _) = UTF8Scalar.decode(bytes, at: index), ScalarCharacters.standsAlone(next) else { return nil }
                return true
            }
            return false
        }

        /// `Character.isCurrencySymbol` of a scalar that is a character alone.
        @inline(__always)
        static func isCurrencySymbol(_ scalar: UInt32) -> Bool {
            Unicode.Scalar(scalar)?.properties.generalCategory == .currencySymbol
        }

        /// The sets the walk asks, made once.
        private struct Sets: Sendable {
            static let shared = Sets()

            let asciiWhitespace = ASCIISet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])
            let asciiPunctuation = ASCIISet(MainText.punctuation.compactMap { $0.isASCII ? $0.asciiValue : nil })
            /// The marks of `punctuation`, `numberMarks` and `numberCellMarks` beyond ASCII: a few
            /// each, searched in order without hashing.
            let nonASCIIPunctuation = ScalarCharacters.nonASCIIScalars(of: MainText.punctuation)
            let nonASCIIPunctuationRange: ClosedRange<UInt32>
            let asciiNumberMarks = ASCIISet(MainText.numberMarks.utf8)
            let nonASCIINumberMarks = ScalarCharacters.nonASCIIScalars(of: Set(MainText.numberMarks))
            let nonASCIINumberCellMarks = ScalarCharacters.nonASCIIScalars(of: MainText.numberCellMarks)
            let asciiNumberCellBytes = MainText.asciiNumberCellBytes
            let asciiNumbers = MainText.asciiNumbers

            /// Each ASCII byte's `ASCIIFlag`s, from the sets above.
            let asciiFlags: [UInt8]

            private init() {
                nonASCIIPunctuationRange = (nonASCIIPunctuation.min() ?? 1)...(nonASCIIPunctuation.max() ?? 1)
                let sets = (asciiPunctuation, asciiWhitespace, asciiNumbers, asciiNumberMarks, asciiNumberCellBytes)
                asciiFlags = (0..<0x80).map { value in
                    let byte = UInt8(value)
                    var flags: UInt8 = 0
                    if sets.0.contains(byte) { flags |= ASCIIFlag.punctuation }
                    if sets.1.contains(byte) { flags |= ASCIIFlag.whitespace }
                    if byte &- 0x61 < 26 { flags |= ASCIIFlag.lowercase }
                    if sets.2.contains(byte) { flags |= ASCIIFlag.digit }
                    if sets.3.contains(byte) { flags |= ASCIIFlag.numberMark }
                    if sets.4.contains(byte) { flags |= ASCIIFlag.numberCellByte }
                    return flags
                }
            }
        }

        /// What the walk asks of an ASCII byte, a bit each: `punctuation`, whitespace, a small
        /// letter, a digit (`isNumber`), a number mark, a byte a number cell holds.
        enum ASCIIFlag {
            static let punctuation: UInt8 = 1
            static let whitespace: UInt8 = 2
            static let lowercase: UInt8 = 4
            static let digit: UInt8 = 8
            static let numberMark: UInt8 = 16
            static let numberCellByte: UInt8 = 32
        }
    }

    /// `weight` of a line that ends a sentence in prose, or whose every scalar stands alone (from
    /// `ScalarFeatures`); nil for any other.
    static func scalarWeight(_ line: String) -> Double? {
        line.utf8.withContiguousStorageIfAvailable { scalarWeight(line, bytes: $0) } ?? nil
    }

    /// `scalarWeight` of `line`, whose bytes are `bytes`.
    static func scalarWeight(_ line: String, bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Most of a page's scalars are in lines of prose that end a sentence, decided before the
        // feature walk as `asciiWeight` does: by the length and the name-list bound, which prose
        // fails early once the length's walk has bounded its words.
        // A long line that ends no sentence is prose as well when it holds two punctuation marks,
        // which its first words mostly do: it needs no walk of all its features either.
        let ends = Headline.endsSentence(line, bytes: bytes)
        // No line has fewer bytes than its weighted length.
        if ends || bytes.count >= proseCharacters {
            let (size, spaceBound) = lengthAndSpaceBound(bytes)
            if size >= proseCharacters, !mayBeNameList(bytes: bytes, spaceBound: spaceBound),
                ends || ScalarFeatures.reachesPunctuation(bytes, 2) == true
            {
                return min(Double(size), maxLineWeight)
            }
            if ends, size < proseCharacters, size >= sentenceCharacters { return Double(size) / 2 }
        }
        guard let features = ScalarFeatures.of(bytes) else { return nil }
        let size = features.weightedLength
        // The names' case is looked up only for the few long lines the bound lets through.
        if size >= proseCharacters, features.mayBeNameList, isNameList(nameListCounts(line)) {
            return -(chromeCost + Double(size) / 2)
        }
        return weight(size: size, ends: ends, punctuation: features.punctuation, isDataRow: features.isDataRow,
                      isNumberCell: features.isNumberCell, words: features.words)
    }

    /// `weightedLength` of any line, and a bound on its whitespace scalars for `mayBeNameList`,
    /// from one walk of its bytes: each whitespace scalar starts with an ASCII whitespace byte
    /// or with one of the lead bytes of the others (C2 for U+0085 and U+00A0, E1 for U+1680, E2
    /// for U+2000-U+205F, E3 for U+3000), never a continuation byte.
    static func lengthAndSpaceBound(_ line: String) -> (length: Int, spaceBound: Int) {
        var line = line
        return line.withUTF8(lengthAndSpaceBound)
    }

    /// `lengthAndSpaceBound` of a line's bytes.
    static func lengthAndSpaceBound(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, spaceBound: Int) {
        // A look-up and an add a byte: each byte's counts packed in one word (`lengthSteps`), a
        // scalar per byte that is no continuation byte (0x80-0xBF), the lead bytes above, and
        // the lead bytes of the double-counted scalars, three bytes long, led by 0xE3 to 0xEF.
        var length = 0
        var spaceBound = 0
        var wideLeads = 0
        lengthSteps.withUnsafeBufferPointer { steps in
            var index = 0
            while index < bytes.count {
                // Fewer bytes a round than a counter's 21 bits hold.
                let end = min(bytes.count, index + 0xF_FFFF)
                var packed: UInt64 = 0
                while index < end {
                    packed &+= steps[Int(bytes[index])]
                    index += 1
                }
                length += Int(truncatingIfNeeded: packed & 0x1F_FFFF)
                spaceBound += Int(truncatingIfNeeded: (packed >> 21) & 0x1F_FFFF)
                wideLeads += Int(truncatingIfNeeded: packed >> 42)
            }
        }
        guard wideLeads > 0 else { return (length, spaceBound) }
        var index = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if byte &- 0xE3 < 0x0D {
                let scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                if isDoubleWidth(scalar) { length += 1 }
                index += 3
            } else {
                index += 1
            }
        }
        return (length, spaceBound)
    }

    /// `lengthAndSpaceBound`'s counts of each byte, packed in fields of 21 bits: a scalar's first
    /// byte, a first byte of whitespace, a first byte of a double-counted scalar.
    private static let lengthSteps: [UInt64] = (0..<0x100).map { value in
        let byte = UInt8(value)
        let starts: UInt64 = byte & 0xC0 != 0x80 ? 1 : 0
        let space: UInt64 = byte == 0x20 || byte &- 0x09 < 5 || byte == 0xC2 || byte &- 0xE1 < 3 ? 1 : 0
        let wide: UInt64 = byte &- 0xE3 < 0x0D ? 1 : 0
        return starts | space << 21 | wide << 42
    }
}
