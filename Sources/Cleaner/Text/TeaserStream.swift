/// The end of the article's run where its prose turns into a stream of items: a live ticker or
/// a "latest news" box after the article, where each short summary comes under its own title,
/// timestamp or section name ("16 hours ago", "12:34", "Weight loss: How important is eating
/// breakfast?"). Each summary is prose, so the stream can outweigh the chrome between it and
/// the article and join the run; the article's own paragraphs follow one another without such a
/// line between each pair. The run is closed after the last paragraph before the stream.
/// Language-neutral: items are told by their shape (a short line of a few words, or one with a
/// number), never by their words.
enum TeaserStream {
    /// Summaries in a row, each under its own title, that make a stream: two could be an
    /// article's own subheadings.
    static let minItems = 3
    /// Two summaries make a stream too when each stands under a head of at least
    /// `teaserHeadLines` lines (a title with its byline or time): an article's subheading is one.
    static let minHeadedItems = 2
    static let teaserHeadLines = 2
    /// Lines between two summaries at most: a title, a timestamp and a section name.
    static let maxGapLines = 3
    /// A line too short for a title reads as a timestamp or a date when it holds this many
    /// digits ("12:34", "16h", "27.10."): a numbered step's label ("Stufe 2", "Game 3") holds
    /// one, and steps are the article's own. Longer ones ("vor 2 Stunden") read as titles.
    static let timestampDigits = 2
    /// A teaser's summary is a sentence or two; a section of the article under its subheading
    /// runs to a paragraph of several: summaries averaging more are the article's own.
    static let maxSentencesPerItem = 2.0
    /// Paragraphs directly after one another that the run must hold before the stream: a page
    /// that is all items (a listing, a glossary) has no article to close.
    static let minParagraphPairs = 2

    /// `run`, ended before a stream of items that closes it, if any. `lines` holds each unit's
    /// text when it is one line (nil for a block of wrapped prose); `weights` are the units'
    /// own weights.
    static func trim(_ run: Range<Int>, lines: MainText.UnitTexts, weights: [Double]) -> Range<Int> {
        let paragraphWeight = Double(MainText.proseCharacters)
        let paragraphs = run.filter { weights[$0] >= paragraphWeight }
        guard paragraphs.count > minItems else { return run }
        // From the last paragraph back: each summary under its own short run of item lines.
        var first = paragraphs.count - 1
        while first > 0 {
            let gap = (paragraphs[first - 1] + 1)..<paragraphs[first]
            guard (1...maxGapLines).contains(gap.count), gap.contains(where: { isItemLine(lines[$0]) }) else { break }
            first -= 1
        }
        // The first summary comes under its title after a longer gap (the box's heading, a
        // "related" line); a paragraph with no title right before it is the article's last.
        let above = paragraphs[first] - 1
        let underTitle = first > 0 && above > paragraphs[first - 1] && isItemLine(lines[above])
        if !underTitle { first += 1 }
        guard first > 0, first < paragraphs.count else { return run }
        let items = paragraphs[first...]
        let headed = zip(items, items.dropFirst()).allSatisfy { $1 - $0 - 1 >= teaserHeadLines }
        guard items.count >= minItems || (items.count >= minHeadedItems && headed) else { return run }
        let article = paragraphs[..<first]
        let pairs = zip(article, article.dropFirst()).filter { $0 + 1 == $1 }.count
        guard pairs >= minParagraphPairs else { return run }
        // A stream that outweighs the prose before it is the page's content (a listing), not an
        // appendix to an article.
        let itemWeight = items.reduce(0) { $0 + weights[$1] }
        let articleWeight = article.reduce(0) { $0 + weights[$1] }
        guard itemWeight <= articleWeight else { return run }
        let sentences = items.reduce(0) { $0 + sentenceCount(lines[$1]) }
        guard Double(sentences) <= maxSentencesPerItem * Double(items.count) else { return run }
        return run.lowerBound..<(paragraphs[first - 1] + 1)
    }

    /// A title (a few words that are no paragraph) or a timestamp: what stands over a teaser.
    static func isItemLine(_ line: String?) -> Bool {
        guard let line else { return false }
        var tail = Substring(line)
        while let last = tail.last, Headline.closers.contains(last) { tail = tail.dropLast() }
        if let last = tail.last, listItemEnds.contains(last) { return false }
        let words = MainText.wordCount(line, limit: Headline.maxWords + 1)
        if (MainText.minTitleWords...Headline.maxWords).contains(words) { return true }
        return words < MainText.minTitleWords && line.unicodeScalars.filter { $0.properties.numericType != nil }.count >= timestampDigits
    }

    /// A line that ends in one of these is a list's item or a sentence, not a title (a headline
    /// may ask or exclaim, so "?" and "!" are not among them).
    static let listItemEnds: Set<Character> = [".", ",", ";", ":", "。", "，", "；", "：", "、"]

    /// Characters that close a sentence when whitespace or the line's end follows; the
    /// full-width ones close it where they stand, since CJK text sets no space after them.
    static let sentenceStops: Set<Character> = [".", "!", "?", "…"]
    static let fullWidthStops: Set<Character> = ["。", "！", "？"]

    /// Sentences in a unit's line, at least one (a block of wrapped prose counts as many). Read
    /// by scalars: each stop and closer is one scalar, and ASCII ones are asked of a bit set.
    static func sentenceCount(_ line: String?) -> Int {
        guard let line else { return Int(maxSentencesPerItem) + 1 }
        var count = 0
        var pending = false
        for scalar in line.unicodeScalars {
            let value = scalar.value
            let ascii = value < 0x80
            if !ascii, fullWidthStopScalars.contains(value) {
                count += 1
                pending = false
            } else if ascii ? asciiStops.contains(UInt8(value)) : stopScalars.contains(value) {
                pending = true
            } else if pending, ascii ? asciiClosers.contains(UInt8(value)) : closerScalars.contains(value) {
                continue
            } else {
                if pending, UnicodeWhitespace.isWhitespace(value) { count += 1 }
                pending = false
            }
        }
        if pending { count += 1 }
        return max(count, 1)
    }

    private static let fullWidthStopScalars = ScalarCharacters.scalars(of: fullWidthStops)
    private static let stopScalars = ScalarCharacters.scalars(of: sentenceStops)
    private static let closerScalars = ScalarCharacters.scalars(of: Headline.closers)
    private static let asciiStops = ASCIISet(sentenceStops.compactMap { $0.isASCII ? $0.asciiValue : nil })
    private static let asciiClosers = ASCIISet(Headline.closers.compactMap { $0.isASCII ? $0.asciiValue : nil })
}
