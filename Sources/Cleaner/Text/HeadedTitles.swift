/// `drop_with_titles`: a line that heads links to other pages ("Related", "More from Sport",
/// "Don't miss") goes together with the headline-like lines right after it, the titles it heads.
/// A heading alone says little; the titles after it say nothing in sentences, and together they
/// are the container's teaser box, in the middle of an article as well as at its end. They stay
/// when more than `maxTitles` titles follow: a box of related links holds a few, while a longer
/// run of short lines is a list or a table of the page itself, which the heading only happens to
/// open.
///
/// A teaser box may give each title its summary, a line under it ("Illinois became the last
/// state to pass ... Read More"). A line that is not a title counts as a summary only when it
/// weighs as prose (`MainText.weight`: a sentence, not an address or a label) and stands between
/// a title and the next title (or the scrape's end), and only when at least `minSummaries` do: the
/// box then alternates titles and summaries, which an article resuming after a box of bare titles
/// does not (its paragraphs follow one another).
///
/// A title may ask or exclaim ("Should we focus on his motives?", "The loophole (cough, cough!)"):
/// such a line counts as a title only when it is one clause and a headline-like line of one clause
/// follows it, its byline or the next title; a question that opens the article's own paragraphs
/// under the heading stays, and so does an ad's copy of two sentences over its address.
enum HeadedTitles {
    /// The most titles a box of related links holds.
    static let maxTitles = 10
    /// Summaries that show a box of teasers with summaries.
    static let minSummaries = 2
    /// The most lines such a box holds after its heading: twenty teasers of a title, a byline and
    /// a summary (a "most popular" list runs longer than a box of a few links).
    static let maxSummarisedBoxLines = 60

    static func drop(_ matcher: LineMatcher, _ reason: RemovalReason, in document: inout Document) {
        let headings = matcher.matchingKeptLines(in: document)
        guard !headings.isEmpty else { return }
        // Kept lines in document order, so that a box may run across blocks.
        var kept: [(block: Int, line: Int)] = []
        // Each line's position among the kept lines (-1 for a removed one), in document order,
        // and where each block's lines start there: arrays, not a table hashed for every line.
        var positions: [Int] = []
        var blockStarts: [Int] = []
        blockStarts.reserveCapacity(document.blocks.count)
        for block in document.blocks.indices {
            blockStarts.append(positions.count)
            for line in document.blocks[block].lines.indices {
                guard document.blocks[block].lines[line].isKept else {
                    positions.append(-1)
                    continue
                }
                positions.append(kept.count)
                kept.append((block, line))
            }
        }
        func keptPosition(of line: (block: Int, line: Int)) -> Int? {
            let position = positions[blockStarts[line.block] + line.line]
            return position >= 0 ? position : nil
        }
        // Another box's heading ends a box: boxes stacked one under the other ("More in News" /
        // five titles / "Recent articles" / five titles) are each a few titles, not one long list.
        var headingPositions = Set<Int>()
        for heading in headings {
            if let position = keptPosition(of: heading) { headingPositions.insert(position) }
        }
        let isTitle = { (position: Int) in
            guard !headingPositions.contains(position) else { return false }
            let line = document.blocks[kept[position].block].lines[kept[position].line].text
            if Headline.isHeadlineLike(line) || isLabelList(line) { return true }
            guard position + 1 < kept.count, isCalledOutTitle(line) else { return false }
            let next = document.blocks[kept[position + 1].block].lines[kept[position + 1].line].text
            return Headline.isHeadlineLike(next) && isOneClause(next)
        }
        let isSummary = { (position: Int) in
            MainText.weight(document.blocks[kept[position].block].lines[kept[position].line].text) > 0
        }
        let isKicker = { (position: Int) in
            isKickerLine(document.blocks[kept[position].block].lines[kept[position].line].text)
        }
        let isDate = { (position: Int) in
            isDateline(document.blocks[kept[position].block].lines[kept[position].line].text)
        }
        var removed: [(block: Int, line: Int)] = []
        var next = 0
        for heading in headings {
            guard let position = keptPosition(of: heading), position >= next else { continue }
            // The last boxes after the article, stacked to the scrape's end, go whole.
            if TeaserTail.opens(at: position, count: kept.count, isProse: isSummary) {
                removed.append(contentsOf: kept[position...])
                break
            }
            guard let end = boxEnd(after: position, count: kept.count, isTitle: isTitle, isSummary: isSummary, isKicker: isKicker, isDate: isDate) else { continue }
            removed.append(contentsOf: kept[position..<end])
            next = end
        }
        for (block, line) in removed {
            document.blocks[block].lines[line].removedBy = reason
        }
    }

    /// The end of the box the heading at `position` opens (its last line's position + 1), or nil
    /// when it opens none: titles alone, or titles with summaries.
    /// `isKicker`: a title's label line over it, which does not count as a title of its own.
    /// `isDate`: a title's date under it ("December 17, 2021"), part of its teaser and no title.
    static func boxEnd(after position: Int, count: Int, isTitle: (Int) -> Bool, isSummary: (Int) -> Bool, isKicker: (Int) -> Bool = { _ in false }, isDate: (Int) -> Bool = { _ in false }) -> Int? {
        var end = position + 1
        var titles = 0
        while end < count {
            if isTitle(end) {
                let kicker = end + 1 < count && isKicker(end) && isTitle(end + 1)
                if !kicker {
                    guard titles < maxTitles + 1 else { break }
                    titles += 1
                }
            } else if !(end > position + 1 && isTitle(end - 1) && isDate(end)) {
                break
            }
            end += 1
        }
        guard titles >= 1 else { return nil }
        // A summary: a line that is no title, after a title, before a title or the scrape's end.
        var summarised = position + 1
        var summaries = 0
        while summarised < count, summarised - position <= maxSummarisedBoxLines {
            if isTitle(summarised) {
                summarised += 1
                continue
            }
            guard summarised - 1 > position, isTitle(summarised - 1), summarised + 1 == count || isTitle(summarised + 1), isSummary(summarised) else {
                break
            }
            summaries += 1
            summarised += 1
        }
        // The box ends on a summary or at the scrape's end: a last title with prose after it is
        // a list of the page's own (a category and its description) that goes on.
        let closed = summarised == count || !isTitle(summarised - 1)
        if summaries >= minSummaries, closed, summarised - position <= maxSummarisedBoxLines, summarised > end {
            return summarised
        }
        return titles <= maxTitles ? end : nil
    }

    /// The most words of a kicker, the label in capitals over a teaser's title ("RANDY ANDY",
    /// "‘GET WITH THE PROGRAM’"): a box of ten teasers shows twenty lines, ten of them kickers.
    static let maxKickerWords = 6

    /// A short line in capitals with no lowercase letter (a script without case has none of
    /// either, so it has no kickers) and no sentence end.
    static func isKickerLine(_ line: String) -> Bool {
        var upper = false
        for character in line {
            if character.isLowercase { return false }
            if character.isUppercase { upper = true }
        }
        guard upper, !Headline.endsSentence(line) else { return false }
        let words = MainText.wordCount(line, limit: maxKickerWords + 1)
        return words > 0 && words <= maxKickerWords
    }

    /// The most words of a teaser's date line ("December 17, 2021", "17. Dezember 2021").
    static let maxDateWords = 4
    /// ...and its most bytes.
    static let maxDateBytes = 40

    /// A short line that holds a year (four digits from 1900 to 2099, standing alone) and ends no
    /// sentence: the date a teaser box prints under each title. Month names in any language are
    /// letters like any other; the year tells the line.
    static func isDateline(_ line: String) -> Bool {
        guard line.utf8.count <= maxDateBytes, !Headline.endsSentence(line) else { return false }
        let words = MainText.wordCount(line, limit: maxDateWords + 1)
        guard words > 0, words <= maxDateWords else { return false }
        var digits = 0
        var value = 0
        for byte in line.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                digits += 1
                value = value * 10 + Int(byte - 0x30)
                continue
            }
            if digits == 4, (1900...2099).contains(value) { return true }
            digits = 0
            value = 0
        }
        return digits == 4 && (1900...2099).contains(value)
    }

    /// What ends a title that asks or exclaims (ASCII and full-width forms).
    static let calledOutEnds: Set<Character> = ["?", "!", "？", "！"]

    /// A short line that ends in a question or exclamation mark: a headline's length, one clause.
    static func isCalledOutTitle(_ line: String) -> Bool {
        var rest = Substring(line)
        while let last = rest.last, Headline.closers.contains(last) { rest = rest.dropLast() }
        guard let last = rest.last, calledOutEnds.contains(last) else { return false }
        let words = MainText.wordCount(line, limit: Headline.maxWords + 1)
        return words > 0 && words <= Headline.maxWords && isOneClause(String(rest.dropLast()))
    }

    /// Whether no sentence ends inside the line (a sentence end followed by a space): a title is
    /// one clause, while an ad's copy runs two ("Free personals online. View photos and more!").
    static func isOneClause(_ line: String) -> Bool {
        var previous: Character?
        for character in line {
            if character == " ", let end = previous, Headline.sentenceEnds.contains(end), end != ":", end != ";" { return false }
            previous = character
        }
        return true
    }

    /// Labels a line lists: a tag list ("stock car 2018, stock car brasil, stock car interlagos")
    /// has at least this many...
    static let minLabels = 3
    /// ...of at most this many words each, and no sentence end: a sentence's clauses run longer.
    static let maxLabelWords = 6
    /// What separates labels on one line (ASCII and CJK commas, bars, bullets).
    static let labelSeparators: Set<Character> = [",", ";", "|", "·", "•", "、", "，"]
    /// The ASCII ones, as bytes.
    static let asciiLabelSeparators = ASCIISet(labelSeparators.compactMap { $0.isASCII ? $0.asciiValue : nil })
    /// The UTF-8 of the others, and of the scalars canonically equivalent to one (U+037E is ";",
    /// U+0387 is "·"): a separator `Character` is one of these scalars alone, since a character
    /// of more scalars decomposes to more than one.
    static let otherSeparatorSpellings: [[UInt8]] = (labelSeparators.filter { !$0.isASCII }.map(String.init) + ["\u{37E}", "\u{387}"]).map { Array($0.utf8) }

    /// At least the number of separator `Character`s in `line` (`labelSeparators`), counted on its
    /// bytes: each ASCII separator byte, and each spelling of another.
    static func separatorScalarBound(_ line: String) -> Int {
        var line = line
        return line.withUTF8 { bytes in
            // Read once: a static's accessor in the loop costs a `swift_once` check each time.
            let separators = asciiLabelSeparators
            let others = otherSeparatorSpellings
            var count = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if separators.contains(byte) { count += 1 }
                } else if byte >= 0xC0 {
                    let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                    if others.contains(where: { rest.starts(with: $0) }) { count += 1 }
                }
                index += 1
            }
            return count
        }
    }

    /// The label count of `isLabelList` for an all-ASCII line, split on its bytes: each byte is a
    /// `Character` ("\r\n" aside, whitespace as both its bytes are), and the separators are the
    /// ASCII ones. Nil for any other line.
    static func asciiIsLabelList(_ line: String) -> Bool? {
        ASCIIBytes.with(line.utf8) { bytes -> Bool in
            let separators = asciiLabelSeparators
            var labels = 0
            var start = 0
            for end in 0...bytes.count where end == bytes.count || separators.contains(bytes[end]) {
                let words = MainText.asciiWordCount(UnsafeBufferPointer(rebasing: bytes[start..<end]), limit: maxLabelWords + 1)
                start = end + 1
                if words == 0 { continue }
                guard words <= maxLabelWords else { return false }
                labels += 1
            }
            return labels >= minLabels
        }
    }

    /// A line of short labels set apart by commas or bars, which stands for a title under a
    /// heading: tags or links written on one line rather than one a line.
    static func isLabelList(_ line: String) -> Bool {
        guard !Headline.endsSentence(line) else { return false }
        // Three labels need two separators: a line with fewer of their scalars is no list, said
        // without splitting it.
        if separatorScalarBound(line) < minLabels - 1 { return false }
        if let answer = asciiIsLabelList(line) { return answer }
        var labels = 0
        for label in line.split(whereSeparator: { labelSeparators.contains($0) }) {
            let label = String(label)
            let words = MainText.wordCount(label, limit: maxLabelWords + 1)
            if words == 0 { continue }
            guard words <= maxLabelWords else { return false }
            labels += 1
        }
        return labels >= minLabels
    }
}
