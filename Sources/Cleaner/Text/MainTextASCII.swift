/// `MainText.weight` of an all-ASCII line from one walk over its bytes. Each byte of such a line
/// is a `Character` (the only ASCII pair that is one is "\r\n", and lines with "\r" are left to the
/// general path), so every count `weight` asks for (punctuation, name-list words, table cells,
/// number cell, words) is read off the bytes at once, instead of one walk of the line per question.
extension MainText {
    /// What `weight` asks of an ASCII line, counted in one pass.
    struct ASCIIFeatures {
        var punctuation = 0
        var nameList = NameListCounts()
        /// `isASCIIDataRow`: cells between whitespace and "|", and those that are numbers.
        var cells = 0
        var numberCells = 0
        /// `isNumberCell`: every byte may stand in a number cell, and how many are digits.
        var onlyNumberCellBytes = true
        var digits = 0
        /// Whitespace-separated words (all of them: the byte walk does not stop at a limit).
        var words = 0

        var isNameList: Bool { MainText.isNameList(nameList) }
        var isDataRow: Bool { cells >= 3 && numberCells * 3 >= cells }
        var isNumberCell: Bool { onlyNumberCellBytes && digits > 0 }

        /// Nil when `bytes` hold a byte that is not ASCII, or a "\r".
        static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> ASCIIFeatures? {
            kinds.withUnsafeBufferPointer { kinds in
                var features = ASCIIFeatures()
                var punctuation = 0
                var digits = 0
                var separators = 0
                var words = 0
                var cased = 0
                var capitalised = 0
                var shouted = 0
                var cells = 0
                var numberCells = 0
                var every = Kind.all
                // `NameListCounts` and `WordCounter` state: a word starts after whitespace.
                var atWordStart = true
                var wordHasLower = false
                var wordIsCased = false
                // `isASCIIDataRow` state: a cell starts after whitespace or "|".
                var inCell = false
                var cellIsNumber = false
                var cellOnlyNumeric = true
                for byte in bytes {
                    let kind = kinds[Int(byte)]
                    guard kind & Kind.other == 0 else { return nil }
                    every &= kind
                    punctuation &+= Int(kind & Kind.punctuation != 0 ? 1 : 0)
                    digits &+= Int(kind & Kind.digit != 0 ? 1 : 0)
                    separators &+= Int(kind & Kind.separator != 0 ? 1 : 0)
                    if kind & Kind.whitespace != 0 {
                        if wordIsCased && !wordHasLower { shouted += 1 }
                        atWordStart = true
                        wordIsCased = false
                    } else if atWordStart {
                        atWordStart = false
                        words += 1
                        let lower = kind & Kind.lowercase != 0
                        let upper = kind & Kind.uppercase != 0
                        wordHasLower = lower
                        wordIsCased = upper || lower
                        if upper || lower { cased += 1 }
                        if upper { capitalised += 1 }
                    } else if kind & Kind.lowercase != 0 {
                        wordHasLower = true
                    }
                    if kind & Kind.cellBreak != 0 {
                        if inCell {
                            cells += 1
                            if cellIsNumber && cellOnlyNumeric { numberCells += 1 }
                        }
                        inCell = false
                    } else if !inCell {
                        inCell = true
                        cellIsNumber = kind & Kind.digit != 0
                        cellOnlyNumeric = kind & Kind.numeric != 0
                    } else {
                        cellIsNumber = cellIsNumber || kind & Kind.digit != 0
                        cellOnlyNumeric = cellOnlyNumeric && kind & Kind.numeric != 0
                    }
                }
                if wordIsCased && !wordHasLower { shouted += 1 }
                if inCell {
                    cells += 1
                    if cellIsNumber && cellOnlyNumeric { numberCells += 1 }
                }
                features.punctuation = punctuation
                features.nameList = NameListCounts(cased: cased, capitalised: capitalised, shouted: shouted, separators: separators)
                features.cells = cells
                features.numberCells = numberCells
                features.onlyNumberCellBytes = bytes.isEmpty || every & Kind.numberCell != 0
                features.digits = digits
                features.words = words
                return features
            }
        }

        /// Bits of what each byte is, for the questions above.
        private enum Kind {
            static let whitespace: UInt16 = 1
            static let punctuation: UInt16 = 2
            static let separator: UInt16 = 4
            static let lowercase: UInt16 = 8
            static let uppercase: UInt16 = 16
            static let digit: UInt16 = 32
            /// A digit or one of `numberMarks`: what a number cell of a data row holds.
            static let numeric: UInt16 = 64
            /// What `isNumberCell` lets through.
            static let numberCell: UInt16 = 128
            /// Whitespace or "|": what separates a data row's cells.
            static let cellBreak: UInt16 = 256
            /// A byte that is not ASCII, or "\r": the line is left to the general path.
            static let other: UInt16 = 512
            static let all: UInt16 = 0xFFFF
        }

        /// Each byte's kinds, from the same definitions the general path asks.
        private static let kinds: [UInt16] = (0..<0x100).map { value in
            let byte = UInt8(value)
            guard byte < 0x80, byte != 0x0D else { return Kind.other }
            let character = Character(Unicode.Scalar(byte))
            var kind: UInt16 = 0
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { kind |= Kind.whitespace | Kind.cellBreak }
            if byte == UInt8(ascii: "|") { kind |= Kind.cellBreak }
            if MainText.punctuation.contains(character) { kind |= Kind.punctuation }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { kind |= Kind.separator }
            if byte >= 0x61 && byte <= 0x7A { kind |= Kind.lowercase }
            if byte >= 0x41 && byte <= 0x5A { kind |= Kind.uppercase }
            if byte >= 0x30 && byte <= 0x39 { kind |= Kind.digit | Kind.numeric }
            if MainText.numberMarks.utf8.contains(byte) { kind |= Kind.numeric }
            if character.isNumber || character.isWhitespace || numberCellMarks.contains(character) || character.isCurrencySymbol {
                kind |= Kind.numberCell
            }
            return kind
        }
    }

    /// `weight` of an ASCII line without "\r"; nil for any other line.
    static func asciiWeight(_ line: String) -> Double? {
        var line = line
        guard ASCIIText.isASCII(line), !ASCIIText.contains(line, 0x0D) else { return nil }
        let size = line.utf8.count
        let ends = Headline.endsSentence(line)
        // Most of a page's bytes are in long lines of prose, decided before the one-pass counts:
        // the name-list bound fails them at once, and then a sentence end or punctuation decides.
        if size >= proseCharacters, !mayBeNameList(line) {
            if ends { return min(Double(size), maxLineWeight) }
            let punctuation = asciiPunctuationBytes
            let marks = line.withUTF8 { bytes in bytes.reduce(0) { $0 + (punctuation.contains($1) ? 1 : 0) } }
            if marks >= 2 { return min(Double(size), maxLineWeight) }
        } else if size < proseCharacters, size >= sentenceCharacters, ends {
            return Double(size) / 2
        }
        guard let features = line.withUTF8({ ASCIIFeatures.of($0) }) else { return nil }
        if size >= proseCharacters, features.isNameList { return -(chromeCost + Double(size) / 2) }
        return weight(size: size, ends: ends, punctuation: features.punctuation, isDataRow: features.isDataRow,
                      isNumberCell: features.isNumberCell, words: features.words)
    }

    /// The ASCII characters of `punctuation`.
    private static let asciiPunctuationBytes = ASCIISet(punctuation.compactMap { $0.isASCII ? $0.asciiValue : nil })
}
