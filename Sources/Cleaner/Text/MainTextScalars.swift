/// `MainText`'s character walks done over scalars (see `ScalarCharacters`): the same answers as
/// the `Character` walks they stand in for, or nil when the line needs the `Character` walk.
extension MainText {
    /// What `isNameList` counts of a line's words, fed one character at a time.
    struct NameListCounts {
        /// Words whose first letter has case, and those of them capitalised.
        var cased = 0
        var capitalised = 0
        /// Cased words without a lowercase letter.
        var shouted = 0
        /// Commas and semicolons.
        var separators = 0
        init() {}

        /// Counts made elsewhere (`ASCIIFeatures`), for the same questions.
        init(cased: Int, capitalised: Int, shouted: Int, separators: Int) {
            self.cased = cased
            self.capitalised = capitalised
            self.shouted = shouted
            self.separators = separators
        }

        private var atWordStart = true
        private var wordHasLower = false
        private var wordIsCased = false

        /// One character: whether it is a separator, whitespace, lower case, upper case. The case
        /// questions are asked only where the answer counts: at a word's start, and after it only
        /// in a cased word until its first lowercase letter (they cost Unicode look-ups).
        @inline(__always)
        mutating func add(separator: Bool, whitespace: Bool, lowercase: () -> Bool, uppercase: () -> Bool) {
            if separator { separators += 1 }
            if whitespace {
                if wordIsCased && !wordHasLower { shouted += 1 }
                atWordStart = true
                wordIsCased = false
                return
            }
            guard atWordStart else {
                if wordIsCased && !wordHasLower && lowercase() { wordHasLower = true }
                return
            }
            atWordStart = false
            let lower = lowercase()
            let upper = uppercase()
            wordHasLower = lower
            wordIsCased = upper || lower
            if upper {
                cased += 1
                capitalised += 1
            } else if lower {
                cased += 1
            }
        }

        /// After the last character: the last word ends.
        mutating func finish() {
            if wordIsCased && !wordHasLower { shouted += 1 }
        }
    }

    /// `NameListCounts` of `line` by `Character`.
    static func nameListCountsByCharacters(_ line: String) -> NameListCounts {
        var counts = NameListCounts()
        for character in line {
            counts.add(
                separator: character == "," || character == ";", whitespace: character.isWhitespace,
                lowercase: { character.isLowercase }, uppercase: { character.isUppercase })
        }
        counts.finish()
        return counts
    }

    /// `NameListCounts` of `line`: by scalar where each is a `Character` alone, by `Character`
    /// only in the runs of scalars that may join (`ScalarCharacters.forEachCharacter`). A long
    /// menu of languages with a few names in Indic scripts is no longer walked whole by
    /// `Character` for them.
    static func nameListCounts(_ line: String) -> NameListCounts {
        var counts = NameListCounts()
        let walked = ScalarCharacters.forEachCharacter(
            line,
            scalar: { scalar in
                counts.add(
                    separator: scalar == 0x2C || scalar == 0x3B, whitespace: ScalarCharacters.isWhitespace(scalar),
                    lowercase: { ScalarCharacters.isLowercase(scalar) }, uppercase: { ScalarCharacters.isUppercase(scalar) })
                return true
            },
            character: { character in
                counts.add(
                    separator: character == "," || character == ";", whitespace: character.isWhitespace,
                    lowercase: { character.isLowercase }, uppercase: { character.isUppercase })
                return true
            })
        guard walked else { return nameListCountsByCharacters(line) }
        counts.finish()
        return counts
    }

    /// `wordCount` of a line that is not all ASCII, by scalar and, in the runs of scalars that
    /// may join, by `Character` (`ScalarCharacters.forEachCharacter`); nil when its bytes are not
    /// contiguous.
    static func wordCountByScalars(_ line: String, limit: Int) -> Int? {
        var counter = WordCounter(limit: limit)
        let walked = ScalarCharacters.forEachCharacter(
            line, scalar: { counter.add(isWhitespace: ScalarCharacters.isWhitespace($0)) }, character: { counter.add(isWhitespace: $0.isWhitespace) })
        return walked ? counter.words : nil
    }

    /// `isDataRow` by scalar and, in the runs of scalars that may join, by `Character`
    /// (`ScalarCharacters.forEachCharacter`): cells between whitespace and "|", a number cell has
    /// a number and only numbers and number marks. Nil when the bytes are not contiguous.
    static func dataRowByScalars(_ line: String) -> Bool? {
        var row = DataRowCells()
        let markScalars = numberMarkScalars
        let walked = ScalarCharacters.forEachCharacter(
            line,
            scalar: { scalar in
                row.add(
                    separator: ScalarCharacters.isWhitespace(scalar) || scalar == 0x7C, isNumber: { ScalarCharacters.isNumber(scalar) },
                    isMark: { markScalars.contains(scalar) })
                return true
            },
            character: { character in
                row.add(separator: character.isWhitespace || character == "|", isNumber: { character.isNumber }, isMark: { numberMarks.contains(character) })
                return true
            })
        guard walked else { return nil }
        return row.isDataRow
    }

    /// What `isDataRow` counts, fed one character at a time: cells, and those that are numbers.
    private struct DataRowCells {
        private var cells = 0
        private var numbers = 0
        private var inCell = false
        private var hasNumber = false
        private var onlyNumeric = true

        /// One character: whether it parts cells, and (asked only while the cell may be a
        /// number) whether it is a number or a number mark.
        @inline(__always)
        mutating func add(separator: Bool, isNumber: () -> Bool, isMark: () -> Bool) {
            if separator {
                endCell()
                return
            }
            if !inCell {
                inCell = true
                hasNumber = false
                onlyNumeric = true
            }
            // A cell that holds something else is no number cell: the rest of it need not be looked up.
            guard onlyNumeric else { return }
            let number = isNumber()
            hasNumber = hasNumber || number
            onlyNumeric = number || isMark()
        }

        private mutating func endCell() {
            if inCell {
                cells += 1
                if hasNumber && onlyNumeric { numbers += 1 }
            }
            inCell = false
        }

        /// After the last character.
        var isDataRow: Bool {
            var row = self
            row.endCell()
            return row.cells >= 3 && row.numbers * 3 >= row.cells
        }
    }

    /// The characters `isDataRow` allows in a number cell besides numbers, as scalars.
    static let numberMarkScalars = ScalarCharacters.scalars(of: Set(numberMarks))

    /// `line.count`, by scalar.
    static func characterCountByScalars(_ line: String) -> Int? {
        var count = 0
        let walked = ScalarCharacters.forEach(line) { _ in
            count += 1
            return true
        }
        return walked ? count : nil
    }

    /// `line.first?.isLowercase == true`, from the first scalar when it stands alone.
    static func startsLowercase(_ line: String) -> Bool {
        // An ASCII byte before another (or before the end) is a character alone but for "\r\n",
        // which is no letter either: lower case exactly when it is a to z.
        let asciiStart = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = bytes.first, first < 0x80, bytes.count == 1 || bytes[1] < 0x80 else { return nil }
            return first &- 0x61 < 26
        }
        if let asciiStart, let answer = asciiStart { return answer }
        var first: UInt32?
        let walked = ScalarCharacters.forEach(line) { scalar in
            first = scalar
            return false
        }
        guard walked else { return line.first?.isLowercase == true }
        return first.map(ScalarCharacters.isLowercase) ?? false
    }

    /// `weightedLength` on the bytes: one per scalar (every byte but continuation bytes), one more
    /// for a three-byte scalar in the double-counted blocks.
    static func weightedLengthOfBytes(_ line: String) -> Int? {
        line.utf8.withContiguousStorageIfAvailable { bytes in
            var length = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0xE0 {
                    if byte & 0xC0 != 0x80 { length += 1 }
                    index += 1
                    continue
                }
                length += 1
                // Strings hold valid UTF-8: a lead byte from 0xE0 on starts a scalar of 3 or 4 bytes.
                if byte < 0xF0, index + 2 < bytes.count {
                    let scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    if isDoubleWidth(scalar) { length += 1 }
                    index += 3
                } else {
                    index += 1
                }
            }
            return length
        }
    }
}
