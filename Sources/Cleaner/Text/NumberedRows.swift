/// The rows of a numbered list or table ("1 Asda Curry Sauce 560g ...", "2. ...", "3) ..."):
/// a scrape puts each row on a line of its own, and without a sentence end each would cost as a
/// menu item. Lines that open with consecutive numbers are written to one pattern, which menus
/// and teasers are not: they weigh nothing against the article, so that its run goes on
/// through its own list. Neutral, not prose: a numbered list alone does not make an article.
enum NumberedRows {
    /// A row's number has at most this many digits (years and prices are no row numbers).
    static let maxDigits = 3

    /// Raises to zero the weight of each line that opens with a number one more than the line
    /// before opens with, or one less than the line after.
    static func neutralise(_ weights: inout [Double], numbers: [Int?]) {
        for index in numbers.indices {
            guard let number = numbers[index] else { continue }
            let follows = index > 0 && numbers[index - 1] == number - 1
            let precedes = index + 1 < numbers.count && numbers[index + 1] == number + 1
            if follows || precedes { weights[index] = max(weights[index], 0) }
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
