/// Reads a publication date in the forms pages write it and gives it as ISO 8601 `YYYY-MM-DD`,
/// the form trafilatura (htmldate's default output format) emits: `2019-03-29T10:00:00+01:00`,
/// `2019/03/29`, `20190329`, `29.03.2019`, `March 29, 2019`, `29. März 2019`, `Fri, 29 Mar 2019
/// 10:00:00 GMT`. The date is the one written (a time zone does not move it to another day). Nil
/// when no valid calendar date is found: an unknown date is better than a wrong one.
enum DateNormalizer {
    static func normalize(_ text: String) -> String? {
        let tokens = DateToken.split(text)
        if let date = isoDate(tokens) ?? compactDate(tokens) ?? numericDate(tokens) ?? namedMonthDate(tokens) {
            return date.iso
        }
        return nil
    }

    struct CalendarDate: Equatable {
        let year: Int
        let month: Int
        let day: Int

        init?(year: Int, month: Int, day: Int) {
            guard MetadataTables.years.contains(year), (1...12).contains(month), day >= 1,
                day <= Self.days(in: month, of: year)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        static func days(in month: Int, of year: Int) -> Int {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        var iso: String {
            let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
            let day = self.day < 10 ? "0\(self.day)" : "\(self.day)"
            return "\(year)-\(month)-\(day)"
        }
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (with anything after: a time, a zone).
    private static func isoDate(_ tokens: [DateToken]) -> CalendarDate? {
        for index in tokens.indices {
            guard index + 4 < tokens.count, case .number(let year, 4) = tokens[index],
                case .separator(let first) = tokens[index + 1], "-/.".contains(first),
                case .number(let month, 1...2) = tokens[index + 2],
                case .separator(first) = tokens[index + 3],
                case .number(let day, 1...2) = tokens[index + 4]
            else { continue }
            if let date = CalendarDate(year: year, month: month, day: day) { return date }
        }
        return nil
    }

    /// `YYYYMMDD`, as addresses and some meta tags write it.
    private static func compactDate(_ tokens: [DateToken]) -> CalendarDate? {
        for token in tokens {
            guard case .number(let value, 8) = token else { continue }
            if let date = CalendarDate(year: value / 10000, month: value / 100 % 100, day: value % 100) { return date }
        }
        return nil
    }

    /// `DD.MM.YYYY` (day first, as Europe writes it), `MM/DD/YYYY` (month first, as the US writes it,
    /// unless the first number cannot be a month), `DD-MM-YYYY`.
    private static func numericDate(_ tokens: [DateToken]) -> CalendarDate? {
        for index in tokens.indices {
            guard index + 4 < tokens.count, case .number(let first, 1...2) = tokens[index],
                case .separator(let separator) = tokens[index + 1], "-/.".contains(separator),
                case .number(let second, 1...2) = tokens[index + 2],
                case .separator(separator) = tokens[index + 3],
                case .number(let year, 4) = tokens[index + 4]
            else { continue }
            let monthFirst = separator == "/" && first <= 12
            let date = monthFirst
                ? CalendarDate(year: year, month: first, day: second)
                : CalendarDate(year: year, month: second, day: first)
            if let date { return date }
        }
        return nil
    }

    /// A month's name with a day beside it and a year after: `March 29, 2019`, `29 March 2019`,
    /// `29. März 2019`, `Fri, 29 Mar 2019`, `le 29 mars 2019`.
    private static func namedMonthDate(_ tokens: [DateToken]) -> CalendarDate? {
        for index in tokens.indices {
            guard case .word(let word) = tokens[index], let month = MetadataTables.months[word] else { continue }
            let before = tokens[..<index].reversed().lazy.filter { !$0.isFiller }.prefix(1)
            let after = Array(tokens[(index + 1)...].lazy.filter { !$0.isFiller }.prefix(3))
            var day: Int?
            if case .number(let value, 1...2)? = before.first { day = value }
            var yearSearch = after[...]
            if day == nil, case .number(let value, 1...2)? = after.first {
                day = value
                yearSearch = after.dropFirst()
            }
            guard let day else { continue }
            for token in yearSearch.prefix(2) {
                if case .number(let year, 4) = token, let date = CalendarDate(year: year, month: month, day: day) { return date }
            }
        }
        return nil
    }
}

/// A piece of a date string: a run of digits, a run of letters (lower-cased), or one other character.
enum DateToken: Equatable {
    case number(Int, Int)
    case word(String)
    case separator(Character)

    /// Spaces, commas, ordinal endings ("29th", "1er", "29.") and small words ("29 de marzo") between a date's parts.
    var isFiller: Bool {
        switch self {
        case .separator(let character): character == " " || character == "," || character == "."
        case .word(let word): MetadataTables.dateFillerWords.contains(word)
        case .number: false
        }
    }

    static func split(_ text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var digits = ""
        var letters = ""
        func flush() {
            // Longer digit runs are ids or times in seconds, not dates: kept as a number that matches nothing.
            if !digits.isEmpty { tokens.append(.number(digits.count <= 8 ? Int(digits) ?? 0 : 0, digits.count)) }
            if !letters.isEmpty { tokens.append(.word(letters.lowercased())) }
            digits = ""
            letters = ""
        }
        for character in text.prefix(200) {
            if character.isASCII, character.isNumber {
                if !letters.isEmpty { flush() }
                digits.append(character)
            } else if character.isLetter {
                if !digits.isEmpty { flush() }
                letters.append(character)
            } else {
                flush()
                tokens.append(.separator(character.isWhitespace ? " " : character))
            }
        }
        flush()
        return tokens
    }
}
