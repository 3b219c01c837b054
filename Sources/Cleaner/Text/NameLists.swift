/// `drop_name_lists`: a scraper that dumps a page's text writes a dropdown's options (forums,
/// countries, states, song titles to pick from) one after another on a single line. Such a line
/// is as long as a paragraph, so no rule that looks for short lines sees it, and in a scrape of
/// the article's own container, where `main_text` does not run, it stays and can outweigh the
/// article. It reads as a list of names (`MainText.isNameList`: dozens of capitalised words, few
/// commas), which prose, German included, never is; a line in capitals or a list set apart by
/// commas (a cast, a reference list) is not taken.
enum NameLists {
    /// Bytes a line of `MainText.nameListWords` words at least has (a letter and a space each):
    /// shorter lines are not looked at.
    static let minBytes = 2 * MainText.nameListWords - 1

    static func drop(_ reason: RemovalReason, in document: inout Document) {
        for block in document.blocks.indices {
            for line in document.blocks[block].lines.indices where document.blocks[block].lines[line].isKept {
                let text = document.blocks[block].lines[line].text
                // A line that ends a sentence is prose, and most of a scrape's long lines do:
                // asked first, it spares them the word count.
                guard text.utf8.count >= minBytes, !Headline.endsSentence(text) else { continue }
                if MainText.isNameList(text) {
                    document.blocks[block].lines[line].removedBy = reason
                }
            }
        }
    }
}
