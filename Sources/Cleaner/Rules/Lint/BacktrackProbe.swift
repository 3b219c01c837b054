/// Lines that make an ambiguous line pattern backtrack: runs of the pattern's own words with the
/// separators of menus, tables and bylines between them, ending so that a match fails late.
/// A pattern such as `(?:[ \t]*[^|]{1,40}?[ \t]*\|){2,}` tries every way to share the spaces
/// between its parts before it gives up, on every such line: cheap on a short one, ruinous on
/// a page of table rows. `clean rules check` warns about a pattern that needs more than
/// `stepLimit` of PCRE2's steps on one of them.
enum BacktrackProbe {
    /// Far above what the built-in patterns need on these lines (the most, 3,000 steps or so), and
    /// far below what a pattern needs whose backtracking grows with the number of parts.
    static let stepLimit: UInt32 = 50_000

    /// What stands between the items of a menu, a table row, a byline or a list flattened onto one line.
    static let separators = [" | ", " • ", " · ", ", ", " / ", " - ", " : ", "  ", " "]
    /// Endings that let a match run to the end of the line and fail there, or not.
    static let endings = ["", ".", " here.", "!", " |", ")"]
    /// Line lengths in characters: a menu line, and the longest line most length guards allow.
    static let lengths = [100, 300]
    /// Words that every line holds beside the pattern's own: a number, a year, a plain word.
    static let fillers = ["12", "2024", "news"]

    /// The first probe line on which `pattern` needs more than `stepLimit` steps, if any.
    static func heavyLine(for pattern: Pattern) -> String? {
        guard let compiled = pattern.compiled else { return nil }
        return lines(for: pattern.source).first { compiled.exceedsMatchLimit(stepLimit, on: $0) }
    }

    /// The probe lines for a pattern whose source is `source`.
    static func lines(for source: String) -> [String] {
        let words = words(in: source) + fillers
        var lines: [String] = []
        for separator in separators {
            for length in lengths {
                var line = ""
                var index = 0
                while line.count < length {
                    if index > 0 { line += separator }
                    line += words[index % words.count]
                    index += 1
                }
                lines += endings.map { line + $0 }
            }
        }
        return lines
    }

    /// The runs of two letters or more in `source`, outside escapes (`\b`, `\p{L}`) and group
    /// options (`(?i:`): the words the pattern looks for, as it spells them.
    static func words(in source: String) -> [String] {
        var words: [String] = []
        var current = ""
        var characters = source.makeIterator()
        func flush() {
            if current.count >= 2, !words.contains(current) { words.append(current) }
            current = ""
        }
        var previous: Character = " "
        while let character = characters.next() {
            if character == "\\" {
                flush()
                // An escape's letter, and a property's name in braces, are no words.
                if let escaped = characters.next(), escaped == "p" || escaped == "P" {
                    while let next = characters.next(), next != "}" {}
                }
                previous = " "
                continue
            }
            if character.isLetter, previous != "?" || !current.isEmpty {
                current.append(character)
            } else {
                flush()
            }
            previous = character
        }
        flush()
        return words
    }
}
