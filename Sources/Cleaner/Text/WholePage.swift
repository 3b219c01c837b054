/// Tells a scrape of a whole page from a scrape of the article's own container. A whole page has
/// menus: html-text puts each menu item on a line of its own, so somewhere there is a long run of
/// lines of a word or three. An article container has short lines too (captions, share buttons,
/// a list), but seldom that many in a row. `main_text` cuts only whole pages: in a container its
/// run of prose would lose the article's lists and tables and gain nothing.
enum WholePage {
    /// A menu item has at most this many words...
    static let menuItemWords = 3
    /// ...and at most this many characters (CJK counted double, as `MainText` weighs them), since
    /// CJK text has no spaces between words.
    static let menuItemCharacters = 30
    /// This many menu-item lines in a row make a menu.
    static let menuLines = 10

    static func hasMenu(_ document: Document) -> Bool {
        var run = 0
        for block in document.blocks {
            for line in block.lines where line.isKept {
                if isMenuItem(line.text) {
                    run += 1
                    if run >= menuLines { return true }
                } else {
                    run = 0
                }
            }
        }
        return false
    }

    static func isMenuItem(_ line: String) -> Bool {
        // Too long in bytes for the widest menu item (4 bytes a character at most): no need to count.
        if line.utf8.count > menuItemCharacters * 4 { return false }
        // An ASCII line on its bytes: each byte a character, its whitespace 9-13 and space.
        if let answer = ASCIIBytes.with(line.utf8, { bytes in
            bytes.count <= menuItemCharacters && MainText.asciiWordCount(bytes, limit: menuItemWords + 1) <= menuItemWords
        }) {
            return answer
        }
        // Any other line (an ASCII one too, when its bytes are not contiguous) by its scalars.
        guard MainText.weightedLength(line) <= menuItemCharacters else { return false }
        // One word past the widest menu item is enough to say no.
        var counter = WordCounter(limit: menuItemWords + 1)
        for scalar in line.unicodeScalars where !counter.add(isWhitespace: UnicodeWhitespace.isWhitespace(scalar.value)) {
            return false
        }
        return true
    }
}
