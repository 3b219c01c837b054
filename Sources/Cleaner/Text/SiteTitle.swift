/// Tells a scrape of a whole page by the page's `<title>` on its first line, when the headline
/// under it is not said again word for word (`PageTitle`): a scraper that dumps a whole page
/// writes the title first, and a title names the page and its site apart ("Headline | Site",
/// "Site - Section - Headline", "Author: Headline | Section | Paper"). A scrape of the article's
/// container opens with the headline alone or with the text, which seldom set a name apart so
/// and do not stop short of a sentence's end.
enum SiteTitle {
    /// A title is at most this many characters: longer first lines are prose or a whole menu.
    static let maxCharacters = 200

    /// Marks that set a title's parts apart when spaces stand on both sides, one or two of them
    /// ("Headline | Site", "Page -- Site", "Blog » Post", "Section > Page", "Page @ Site").
    static let spacedSeparators: Set<Character> = ["|", "-", "–", "—", "»", "›", ">", "·", "•", "@", ":"]
    /// Marks that set a title's parts apart without spaces: the full-width bar of CJK titles,
    /// which put no spaces between words.
    static let separators: Set<Character> = ["｜"]
    /// Of the spaced marks, how many in a row still make one separator ("Reviews -- Page 4").
    static let maxSeparatorRun = 2

    /// The first kept line is short, ends no sentence, is written in words and sets parts apart
    /// as titles do. A colon alone ("Report: Headline") is as common in headlines as in titles:
    /// it counts only doubled ("Site :: Page").
    static func opensPage(_ document: Document) -> Bool {
        guard let block = document.blocks.first(where: { $0.lines.contains(where: \.isKept) }),
            let line = block.lines.first(where: \.isKept)?.text
        else { return false }
        guard line.utf8.count <= maxCharacters * 4, line.count <= maxCharacters, !Headline.endsSentence(line) else { return false }
        return hasSeparator(line) && isMostlyWords(line)
    }

    /// More runs of letters than runs of digits: a title names things, while a dateline set
    /// apart the same way ("Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021") is mostly numbers,
    /// and opens an article's container as often as a page.
    static func isMostlyWords(_ line: String) -> Bool {
        var words = 0
        var numbers = 0
        var previous: Bool?  // whether the character before was a letter; nil when neither
        for character in line {
            let kind: Bool? = character.isLetter ? true : (character.isNumber ? false : nil)
            if let kind, kind != previous {
                if kind { words += 1 } else { numbers += 1 }
            }
            previous = kind
        }
        return words > numbers
    }

    static func hasSeparator(_ line: String) -> Bool {
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if separators.contains(character) { return true }
            guard spacedSeparators.contains(character) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end] == character { end += 1 }
            let run = end - index
            let spacedBefore = index > 0 && characters[index - 1].isWhitespace
            let spacedAfter = end < characters.count && characters[end].isWhitespace
            if character == ":" {
                if run == 2 { return true }
            } else if run <= maxSeparatorRun, spacedBefore, spacedAfter {
                return true
            }
            index = end
        }
        return false
    }
}
