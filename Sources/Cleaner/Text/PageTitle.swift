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
    /// end with `titleEnds.last` (lower-cased): its first word-character is the title's first, or
    /// its last is the title's last. A headline is a start or an end of the title's words, so the
    /// many lines that fail this need no lower-casing and splitting (`isHeadline`).
    /// Compared in upper case: a letter alone lower-cases out of context (a final Σ to σ, not ς).
    static func mayBeHeadline(_ line: String, titleEnds: (first: Character?, last: Character?)) -> Bool {
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        func same(_ character: Character, _ titleCharacter: Character?) -> Bool {
            titleCharacter.map { character.uppercased() == $0.uppercased() } ?? false
        }
        if let first = line.first(where: isWordCharacter), same(first, titleEnds.first) { return true }
        if let last = line.last(where: isWordCharacter), same(last, titleEnds.last) { return true }
        return false
    }

    /// Lower-cased runs of letters, digits and marks.
    static func words(of line: String) -> [Substring] {
        let lowered = line.lowercased()
        return lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    /// Words, with each double-width character (CJK) counted as one.
    static func weight(_ words: [Substring]) -> Int {
        words.reduce(0) { total, word in
            let wide = word.unicodeScalars.reduce(0) { $0 + (MainText.isDoubleWidth($1.value) ? 1 : 0) }
            return total + max(1, wide)
        }
    }
}
