/// The rows of a numbered list or table ("1 Asda Curry Sauce 560g ...", "2. ...", "3) ..."):
/// a scrape puts each row on a line of its own, and without a sentence end each would cost as a
/// menu item. Lines that open with consecutive numbers are written to one pattern, which menus
/// and teasers are not: they weigh nothing against the article, so that its run goes on
/// through its own list. Neutral, not prose: a numbered list alone does not make an article.
/// An item may carry one line of its own under it (its link, its price): that line is the
/// item's too. Two lines or more under each (a reference's journal line and "Return to
/// citation") make a list of notes, left to weigh as it does.
enum NumberedRows {
    /// A row's number has at most this many digits (years and prices are no row numbers).
    static let maxDigits = 3
    /// Lines between one numbered row and the next that still belong to the list.
    static let maxItemLines = 1

    /// Raises to zero the weight of each line that opens with a number one more than the
    /// numbered line before it opens with, or one less than the numbered line after, with at
    /// most `maxItemLines` lines between; and of the lines between such a pair.
    static func neutralise(_ weights: inout [Double], numbers: [Int?]) {
        var previous: Int?
        for index in numbers.indices {
            guard let number = numbers[index] else { continue }
            if let before = previous, numbers[before] == number - 1, index - before - 1 <= maxItemLines {
                for row in before...index { weights[row] = max(weights[row], 0) }
            }
            previous = index
        }
    }

    /// The number a row opens with: ASCII digits, then a space, "." or ")", then text with letters.
    static func leadingNumber(_ line: String) -> Int? {
        var value = 0
        var digits = 0
        var rest = line.utf8[...]
        while let byte = rest.first, (0x30...0x39).contains(byte) {
            digits += 1
            guard digits <= maxDigits else { return nil }
            value = value * 10 + Int(byte - 0x30)
            rest = rest.dropFirst()
        }
        guard digits > 0, let mark = rest.first, mark == 0x20 || mark == 0x09 || mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else {
            return nil
        }
        let text = Substring(rest.dropFirst())
        // An ASCII text's Characters are its bytes ("\r\n" is no letter), its letters A-Z and a-z.
        if let hasLetter = ASCIIBytes.with(text.utf8, { bytes in bytes.contains { ($0 | 0x20) &- 0x61 < 26 } }) { return hasLetter ? value : nil }
        guard text.contains(where: \.isLetter) else { return nil }
        return value
    }
}
