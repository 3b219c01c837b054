import Glibc

/// `main_text`: finds the article in a plain-text scrape of a whole page, where menus, teasers
/// and footers are runs of short lines around it. Each line weighs for or against being article
/// text by its length and punctuation (prose is long and ends sentences; chrome is short and does
/// not), and the article is the contiguous run of lines with the greatest total weight (the
/// maximum-sum subarray, found in one pass). A headline just before that run stays with it.
/// Lines outside go. Language-neutral: no word lists, and CJK characters count double, since
/// those scripts say in one character what others say in several.
enum MainText {
    /// A line at least this long (weighted characters) that reads as prose counts fully for the article.
    static let proseCharacters = 80
    /// A shorter line that still ends a sentence counts for half.
    static let sentenceCharacters = 30
    /// No line (or block of wrapped prose) counts for more than this: an article is several
    /// paragraphs, while one very long line is as often a dump as a paragraph (a legal footer, a
    /// cookie notice, a copy of the whole article from the page's metadata) and must not outweigh
    /// the chrome between it and the article. A long paragraph of the article loses nothing by it:
    /// its lines are kept or dropped together with their run.
    static let maxLineWeight = 350.0
    /// What a line that is neither costs: a fixed part (a menu of many tiny items costs as much
    /// as one long line) plus half its length.
    static let chromeCost = 25.0
    /// The run must hold at least this share of the page's prose weight to be taken for the article.
    static let minRunShare = 0.3
    /// Lines searched before the run for its headline.
    static let headlineReach = 2

    /// A block whose lines average this many characters and mostly break mid-sentence is prose
    /// wrapped at a fixed width (mail, logs, old pages): it is weighed as one paragraph.
    static let wrappedLineCharacters = 40

    /// One unit of the choice: a line, or a whole block of wrapped prose.
    struct Unit {
        let block: Int
        /// The unit's line, or nil for a block of wrapped prose: all its kept lines.
        let line: Int?
    }

    /// The units of a page, and what the choice reads of each, side by side: the steps after
    /// `units(of:)` take the weights as an array of their own, and the lines' texts from the
    /// document (`UnitTexts`).
    private struct Units {
        var places: [Unit] = []
        var weights: [Double] = []
        /// The number the line opens with as a numbered row's (`NumberedRows.leadingNumber`).
        var numbers: [Int?] = []
        /// The line's edge bytes, read with its weight, so that `TitleAnchor` turns away most
        /// lines without their text; `none` for a block of wrapped prose.
        var edges: [PageTitle.LineEdges] = []
        /// Where the speaker's label the line opens with ends (`DialogueRows.labelEnd`).
        var labels: [Int?] = []

        init(capacity: Int) {
            places.reserveCapacity(capacity)
            weights.reserveCapacity(capacity)
            numbers.reserveCapacity(capacity)
            edges.reserveCapacity(capacity)
            labels.reserveCapacity(capacity)
        }

        mutating func append(_ unit: Unit, weight: Double, number: Int?, edges lineEdges: PageTitle.LineEdges = .none, label: Int? = nil) {
            places.append(unit)
            weights.append(weight)
            numbers.append(number)
            edges.append(lineEdges)
            labels.append(label)
        }
    }

    static func apply(_ reason: RemovalReason, in document: inout Document) {
        // Only a whole page has menus and footers around its article; a scrape of the article's
        // container is the article, and cutting it would only lose its lists and tables. A whole
        // page shows itself by a menu, or by opening with its title: one its headline says again,
        // or one that sets the site's name apart.
        guard WholePage.hasMenu(document) || PageTitle.opensWithRepeatedTitle(document) || SiteTitle.opensPage(document) else { return }
        // Chosen apart from the marking: the texts' hold on the blocks ends before a line is
        // marked, which would otherwise copy every block.
        guard let (places, kept) = choice(in: document) else { return }
        for position in places.indices where !kept.contains(position) {
            let unit = places[position]
            if let line = unit.line {
                document.blocks[unit.block].lines[line].removedBy = reason
                continue
            }
            // A block of wrapped prose is one unit: no line of it was removed since it was read.
            for line in document.blocks[unit.block].lines.indices where document.blocks[unit.block].lines[line].isKept {
                document.blocks[unit.block].lines[line].removedBy = reason
            }
        }
    }

    /// The units of a whole page and the range of them that is the article with its headline;
    /// nil when the page has no one article run.
    private static func choice(in document: Document) -> (places: [Unit], kept: Range<Int>)? {
        let units = units(of: document)
        var own = units.weights
        let titles = UnitTexts(blocks: document.blocks, places: units.places)
        NumberedRows.neutralise(&own, numbers: units.numbers)
        DialogueRows.neutralise(&own, labels: units.labels, lines: titles)
        let weights = stretchCosts(own)
        guard var run = heaviestRun(weights) else { return nil }
        if let anchored = TitleAnchor.run(titles: titles, edges: units.edges, weights: own, bestSum: weights[run].reduce(0, +)) {
            run = RunExtension.extendForward(anchored, weights: own)
        }
        run = RunExtension.extendBack(run, weights: own, lines: titles)
        // A page whose prose lies in many runs apart (a forum, a log, a list of entries) has no
        // one article run: cutting to the heaviest would lose most of the page.
        let prose = weights.reduce(0) { $0 + max($1, 0) }
        let proseInRun = weights[run].reduce(0) { $0 + max($1, 0) }
        guard proseInRun >= minRunShare * prose else { return nil }
        run = TeaserStream.trim(run, lines: titles, weights: own)
        run = LiveTicker.trim(run, lines: titles, weights: own)
        run = TrailingTable.extend(run, lines: titles, weights: own)
        var start = run.lowerBound
        // The headline: a short line without a sentence end, right before the run.
        var probe = start - 1
        while probe >= 0, probe >= start - headlineReach {
            if let text = titles[probe] {
                if Headline.isHeadlineLike(text), wordCount(text, limit: 3) >= 3 {
                    start = probe
                    break
                }
            }
            probe -= 1
        }
        return (units.places, start..<run.upperBound)
    }

    /// What `read` finds in one look at a line's bytes.
    private struct LineReading {
        let weight: Double
        let last: UInt8?
        let opensWithDigit: Bool
        let edges: PageTitle.LineEdges
        let label: Int?
    }

    /// What `units` reads of a line, from one look at its bytes: its weight, its last byte (a
    /// list's introducer ends in a colon's), whether it opens with an ASCII digit (a numbered
    /// row does), its edge bytes (`PageTitle.LineEdges`) and where the speaker's label it opens
    /// with ends (`DialogueRows.labelEnd`).
    private static func read(_ line: String, tables: ASCIICountTables) -> LineReading {
        let read = line.utf8.withContiguousStorageIfAvailable { bytes in
            LineReading(
                weight: weight(line, bytes: bytes, tables: tables), last: bytes.last,
                opensWithDigit: bytes.first.map { $0 &- 0x30 < 10 } ?? false,
                edges: PageTitle.LineEdges(bytes), label: DialogueRows.labelEnd(bytes: bytes))
        }
        // `none` edges turn no line away: `mayBeHeadline` reads it.
        return read
            ?? LineReading(
                weight: weight(line), last: line.utf8.last, opensWithDigit: line.utf8.first.map { $0 &- 0x30 < 10 } ?? false,
                edges: .none, label: DialogueRows.labelEnd(line))
    }

    private static func units(of document: Document) -> Units {
        var units = Units(capacity: document.blocks.reduce(0) { $0 + $1.lines.count })
        var introduced = false
        // Read once, not through the statics' accessors for each line.
        let introducerLastBytes = listIntroducerLastBytes
        let tables = ASCIICountTables.shared
        // The kept lines of a block that may be wrapped prose, in one buffer for all blocks.
        var texts: [String] = []
        for blockIndex in document.blocks.indices {
            let blockLines = document.blocks[blockIndex].lines
            // Most blocks are a line or two: only a block of three kept lines or more may be
            // wrapped prose.
            // Walked by index: a `for line in` loop copies each `Line`.
            var kept = 0
            for line in blockLines.indices where blockLines[line].isKept { kept += 1 }
            guard kept > 0 else { continue }
            // Whether the block's last line introduces a list, asked once.
            var lastIntroduces = false
            var wrapped = false
            if kept >= 3, carriesOn(blockLines, kept: kept) {
                texts.removeAll(keepingCapacity: true)
                for line in blockLines.indices where blockLines[line].isKept { texts.append(blockLines[line].text) }
                wrapped = isWrappedProse(texts)
            }
            if wrapped {
                units.append(Unit(block: blockIndex, line: nil), weight: weight(texts.joined(separator: " ")), number: nil)
                lastIntroduces = texts.last.map(introducesList) ?? false
            } else {
                // The list is the rest of the introducing line's block, or the next block when
                // that line ends its own, up to the next line of prose.
                for line in blockLines.indices where blockLines[line].isKept {
                    let text = blockLines[line].text
                    let reading = read(text, tables: tables)
                    let weight = reading.weight
                    if weight >= Double(sentenceCharacters) { introduced = false }
                    // No line but one that opens with a digit has a row's number.
                    let number = reading.opensWithDigit ? NumberedRows.leadingNumber(text) : nil
                    let unitWeight = introduced ? max(weight, 0) : weight
                    // No line but one whose last byte is a colon's introduces a list.
                    lastIntroduces = reading.last.map(introducerLastBytes.contains) == true && introducesList(text, weight: { weight })
                    units.append(Unit(block: blockIndex, line: line), weight: unitWeight, number: number, edges: reading.edges, label: reading.label)
                    if lastIntroduces { introduced = true }
                }
            }
            introduced = lastIntroduces
        }
        return units
    }

    /// The article's own interruptions are short (a caption and its credit, a share bar, an ad's
    /// label), while the page's link lists after it run for many lines: past the first
    /// `freeChromeLines` lines of chrome in a row, each line costs `chromeStretchGrowth` more
    /// times its own cost than the one before, so prose after a long stretch of chrome (the
    /// site's blurb, a newsletter form) must weigh that much more to join the article's run. A
    /// line of prose ends the stretch; lines that weigh nothing (a table's numbers) do not.
    static func stretchCosts(_ weights: [Double]) -> [Double] {
        var costs = weights
        forEachStretchCost(weights[...]) { offset, cost in costs[offset] = cost }
        return costs
    }

    /// Calls `body` with each offset into `weights` and its stretch cost (`stretchCosts`), in order,
    /// without an array of them.
    @inline(__always)
    static func forEachStretchCost(_ weights: ArraySlice<Double>, _ body: (Int, Double) -> Void) {
        var stretch = 0
        for (offset, weight) in weights.enumerated() {
            if weight < 0 {
                body(offset, weight * (1 + Double(max(0, stretch - freeChromeLines)) * chromeStretchGrowth))
                stretch += 1
            } else {
                if weight > 0 { stretch = 0 }
                body(offset, weight)
            }
        }
    }

    /// Chrome lines in a row that cost what they weigh: a caption, its credit and a share button.
    static let freeChromeLines = 3
    /// How much more each further line of a stretch costs, as a share of its own cost.
    static let chromeStretchGrowth = 0.2

    /// A sentence of the article that ends in a colon ("... chosen from the following electives:")
    /// introduces the block after it: a list of the article's own, whose short items cost nothing,
    /// so that the article's run goes on through it. A menu's heading is no sentence.
    static func introducesList(_ line: String) -> Bool {
        introducesList(line, weight: { weight(line) })
    }

    /// `introducesList` of a line whose weight is known or read on demand.
    static func introducesList(_ line: String, weight lineWeight: () -> Double) -> Bool {
        // The last Character ends in the line's last scalar, and only the colon itself is its
        // canonical equivalent: a line whose bytes end in neither colon ends in neither.
        // Read on the contiguous bytes: nearly every line fails on its last byte.
        let endsInColon = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let lastByte = bytes.last, listIntroducerLastBytes.contains(lastByte) else { return false }
            return listIntroducerBytes.contains(where: { bytes.reversed().starts(with: $0) })
        } ?? listIntroducerBytes.contains(where: { line.utf8.reversed().starts(with: $0) })
        guard endsInColon else { return false }
        if ASCIIText.isASCII(line) {
            // Each byte a Character ("\r\n" is no colon): the only colon is the last byte.
            var line = line
            let colonInside = line.withUTF8 { bytes in
                bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: ":")), bytes.count - 1) != nil } ?? false
            }
            guard !colonInside else { return false }
            return lineWeight() > 0
        }
        guard let last = line.last, listIntroducers.contains(last) else { return false }
        // A colon inside as well makes a form's field ("Posted: 2 Feb 2005 Post subject:").
        if hasColonScalar(line, before: last.utf8.count) == false { return lineWeight() > 0 }
        guard line.dropLast().allSatisfy({ !listIntroducers.contains($0) }) else { return false }
        return lineWeight() > 0
    }

    /// Colons, ASCII and full-width.
    static let listIntroducers: Set<Character> = [":", "："]
    /// Their UTF-8, last byte first.
    private static let listIntroducerBytes = listIntroducers.map { Array(String($0).utf8.reversed()) }
    private static let listIntroducerLastBytes: [UInt8] = listIntroducerBytes.compactMap(\.first)
    /// Their UTF-8 as written, shortest first (`hasColonScalar`).
    static let listIntroducerForms = listIntroducers.map { Array(String($0).utf8) }.sorted {
        $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
    }

    static func isWrappedProse(_ lines: [String]) -> Bool {
        let count = lines.count
        guard count >= 3 else { return false }
        // The cheapest test first (a line's first scalar), the walk of every character last: most
        // blocks of three lines or more are menus and lists, which fail at once.
        // A sentence carried on to the next line goes on in lower case; a list of headlines does not.
        var carriedOn = 0
        for line in lines.dropFirst() where startsLowercase(line) { carriedOn += 1 }
        guard carriedOn * 3 >= count - 1 else { return false }
        var breaksMidSentence = 0
        for line in lines.dropLast() where !Headline.endsSentence(line) { breaksMidSentence += 1 }
        guard breaksMidSentence * 2 >= count - 1 else { return false }
        let average = lines.reduce(0) { $0 + characterCount($1) } / count
        return average >= wrappedLineCharacters
    }

    static func weight(_ line: String) -> Double {
        line.utf8.withContiguousStorageIfAvailable { weight(line, bytes: $0) } ?? generalWeight(line)
    }

    /// `weight` of `line`, whose bytes are `bytes`.
    @inline(__always)
    static func weight(_ line: String, bytes: UnsafeBufferPointer<UInt8>, tables: ASCIICountTables = .shared) -> Double {
        asciiWeight(bytes, tables: tables) ?? scalarWeight(line, bytes: bytes) ?? generalWeight(line)
    }

    /// `weight` of any line, each question asked on its own: what `asciiWeight` answers in one pass.
    static func generalWeight(_ line: String) -> Double {
        let ascii = ASCIIText.isASCII(line)
        let size = ascii ? line.utf8.count : weightedLength(line)
        let ends = Headline.endsSentence(line)
        // A long line of capitalised names (a country or brand dropdown flattened to one line)
        // has the length and commas of prose but is a menu.
        if size >= proseCharacters, isNameList(line) { return -(chromeCost + Double(size) / 2) }
        // Punctuation is counted only where it decides (a long line without a sentence end).
        if size >= proseCharacters, ends || holdsPunctuation(line, ascii: ascii, atLeast: 2) { return min(Double(size), maxLineWeight) }
        if size >= sentenceCharacters, ends { return Double(size) / 2 }
        if ascii ? isASCIIDataRow(line) : isDataRow(line) { return Double(size) / 4 }
        // A number alone is a table's cell or a chart's label, neither the article's prose nor a
        // menu: it weighs nothing either way.
        if isNumberCell(line) { return 0 }
        let cost = chromeCost + Double(size) / 2
        // A title that ends no sentence, in a whole page, is mostly a teaser's or a related link's:
        // it weighs more against, so that a list of teasers with their summaries after the
        // article does not join the article's run.
        if !ends, (minTitleWords...Headline.maxWords).contains(wordCount(line, ascii: ascii, limit: Headline.maxWords + 1)) {
            return -cost * titleCostFactor
        }
        return -cost
    }

    /// What `generalWeight` decides after the name-list test, from a line's features counted in one
    /// walk (`asciiWeight`, `scalarWeight`): `words` may count past `Headline.maxWords`.
    @inline(__always)
    static func weight(size: Int, ends: Bool, punctuation: Int, isDataRow: Bool, isNumberCell: Bool, words: Int) -> Double {
        if size >= proseCharacters, ends || punctuation >= 2 { return min(Double(size), maxLineWeight) }
        if size >= sentenceCharacters, ends { return Double(size) / 2 }
        if isDataRow { return Double(size) / 4 }
        if isNumberCell { return 0 }
        let cost = chromeCost + Double(size) / 2
        if !ends, (minTitleWords...Headline.maxWords).contains(words) { return -cost * titleCostFactor }
        return -cost
    }

    /// A list of names: at least `nameListWords` words whose first letter has case, at least
    /// `nameListCapitalShare` of them capitalised, and few commas or semicolons between them.
    /// Prose capitalises few of its words, even German with its nouns; a line in capitals is
    /// shouted prose or a legal clause, not a menu; names set apart by commas are a cast or a
    /// reference list, which an article holds. Scripts without case (CJK, Arabic) never match.
    static func isNameList(_ line: String) -> Bool {
        guard mayBeNameList(line) else { return false }
        return isNameList(nameListCounts(line))
    }

    /// `isNameList` of a line's counts.
    static func isNameList(_ counts: NameListCounts) -> Bool {
        let cased = counts.cased
        guard cased >= nameListWords else { return false }
        return Double(counts.capitalised) >= nameListCapitalShare * Double(cased)
            && counts.shouted * 2 <= cased
            && counts.separators * nameListWordsPerSeparator <= cased
    }

    /// A bound `isNameList` needs, read off the scalars without their Unicode properties: prose
    /// fails it at once. A word starts at most once per whitespace scalar (`UnicodeWhitespace`),
    /// so a line with fewer than `nameListWords` of them holds too few words; and a word
    /// that starts with an ASCII lowercase letter after whitespace is a lowercase word, of which a
    /// name list has at most `1 - nameListCapitalShare` of its words (plus one, for rounding).
    /// Other scripts: a word whose first character is one scalar (it and the next stand alone,
    /// see `ScalarCharacters`) is lowercase when that scalar is a Latin-1, Greek or Cyrillic small
    /// letter (`isSmallLetter`), and has no case when it is CJK or hangul: such words do not count
    /// toward the `nameListWords` cased words (Cyrillic and Korean prose fails here too).
    /// `spaceBound`, when known, is at least the line's whitespace scalars: the bound then fails
    /// earlier, or at once for a line with too few of them to hold `nameListWords` words.
    static func mayBeNameList(_ line: String, spaceBound: Int = .max) -> Bool {
        var line = line
        return line.withUTF8 { mayBeNameList(bytes: $0, spaceBound: spaceBound) }
    }

    /// `mayBeNameList` of a line's bytes.
    static func mayBeNameList(bytes: UnsafeBufferPointer<UInt8>, spaceBound: Int = .max) -> Bool {
        guard spaceBound >= nameListWords - 1 else { return false }
        var spaces = 0
        var lowercaseStarts = 0
        var uncasedStarts = 0
        // Prose fails the bound long before its end: the cased words can be at most the spaces
        // seen plus one for each byte left (or `spaceBound`), and one, so once the lowercase
        // starts pass what that many words allow, the answer is no.
        let walked = { () -> Bool in
            var afterSpace = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x80 else {
                    if UnicodeWhitespace.isWhitespace(UInt32(byte)) {
                        spaces += 1
                        afterSpace = true
                    } else {
                        if afterSpace, (0x61...0x7A).contains(byte) {
                            lowercaseStarts += 1
                            if Double(lowercaseStarts) > Double(min(spaces + (bytes.count - index), spaceBound) + 1) * (1 - nameListCapitalShare) + 1 { return false }
                        }
                        afterSpace = false
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index) ?? (0, 1)
                if UnicodeWhitespace.isWhitespace(scalar) {
                    spaces += 1
                } else if afterSpace, isSmallLetter(scalar) || ScalarCharacters.isUncased(scalar),
                    ScalarCharacters.standsAlone(scalar), nextStandsAlone(bytes, at: index + length)
                {
                    if isSmallLetter(scalar) {
                        lowercaseStarts += 1
                        if Double(lowercaseStarts) > Double(min(spaces + (bytes.count - index), spaceBound) + 1) * (1 - nameListCapitalShare) + 1 { return false }
                    } else {
                        uncasedStarts += 1
                        // Each word without case takes one of at most `spaceBound` + 1 words from
                        // the cased ones: past this many, too few are left, whatever follows
                        // (Korean prose, which never fails the lowercase bound, ends here).
                        if uncasedStarts > spaceBound - (nameListWords - 1) { return false }
                    }
                }
                afterSpace = false
                index += length
            }
            return true
        }()
        guard walked else { return false }
        let casedWords = spaces + 1 - uncasedStarts
        return casedWords >= nameListWords && Double(lowercaseStarts) <= Double(casedWords) * (1 - nameListCapitalShare) + 1
    }

    /// Small letters of Latin-1, Greek and Cyrillic: lowercase characters when they stand alone.
    @inline(__always)
    static func isSmallLetter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xDF...0xF6, 0xF8...0xFF, 0x3AC...0x3CE, 0x430...0x45F: true
        default: false
        }
    }

    /// True at the end of `bytes`, or when the scalar at `index` stands alone.
    private static func nextStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        guard bytes[index] >= 0x80 else { return ScalarCharacters.standsAlone(UInt32(bytes[index])) }
        guard let (scalar, _) = UTF8Scalar.decode(bytes, at: index) else { return false }
        return ScalarCharacters.standsAlone(scalar)
    }

    /// Words with case a name list has at least: a flattened dropdown holds dozens of names, a
    /// caption or a title with a few names runs to twenty.
    static let nameListWords = 25
    /// Share of those words a name list capitalises.
    static let nameListCapitalShare = 0.9
    /// A name list has fewer than one comma or semicolon for this many words.
    static let nameListWordsPerSeparator = 5

    /// A title has at least this many words (fewer make a menu item, costed as any chrome).
    static let minTitleWords = 3
    /// How many times a title line costs what other chrome of its length costs.
    static let titleCostFactor = 2.0

    /// Whitespace-separated words, counted up to `limit`: an ASCII line's on its bytes (the `utf8`
    /// view's iterator costs several times the test), any other by scalar or by `Character`.
    static func wordCount(_ line: String, limit: Int) -> Int {
        ASCIIBytes.with(line.utf8) { asciiWordCount($0, limit: limit) } ?? wordCountBeyondASCII(line, limit: limit)
    }

    /// `wordCount` of a line the caller has already found to be all ASCII, or not.
    static func wordCount(_ line: String, ascii: Bool, limit: Int) -> Int {
        if ascii, let words = line.utf8.withContiguousStorageIfAvailable({ asciiWordCount($0, limit: limit) }) { return words }
        return wordCountBeyondASCII(line, limit: limit)
    }

    /// `wordCount` by scalar, or by `Character` where the scalars do not tell.
    private static func wordCountBeyondASCII(_ line: String, limit: Int) -> Int {
        if let words = wordCountByScalars(line, limit: limit) { return words }
        var counter = WordCounter(limit: limit)
        for character in line where !counter.add(isWhitespace: character.isWhitespace) {
            break
        }
        return counter.words
    }

    /// Whether at least `limit` of the line's characters are `punctuation` (for ASCII text, its
    /// bytes), counted only up to `limit`: a long line of prose shows two marks in its first words.
    static func holdsPunctuation(_ line: String, ascii: Bool, atLeast limit: Int) -> Bool {
        guard limit > 0 else { return true }
        var marks = 0
        if ascii {
            // "\r\n" is one character, and neither of its bytes a mark.
            for byte in line.utf8 where asciiPunctuation.contains(byte) {
                marks += 1
                if marks >= limit { return true }
            }
            return false
        }
        if let answer = line.utf8.withContiguousStorageIfAvailable({ ScalarFeatures.reachesPunctuation($0, limit) }) ?? nil { return answer }
        // Past a scalar that may join a neighbour: by scalar still, by `Character` in such runs.
        let marksByScalar = punctuationScalars
        let walked = ScalarCharacters.forEachCharacter(
            line,
            scalar: { scalar in
                if marksByScalar.contains(scalar) { marks += 1 }
                return marks < limit
            },
            character: { character in
                if punctuation.contains(character) { marks += 1 }
                return marks < limit
            })
        if walked { return marks >= limit }
        for character in line where punctuation.contains(character) {
            marks += 1
            if marks >= limit { return true }
        }
        return false
    }

    private static let asciiPunctuation = ASCIISet(punctuation.compactMap { $0.isASCII ? $0.asciiValue : nil })
    /// The scalars of `punctuation`: a scalar that stands alone is a mark exactly when it is one.
    private static let punctuationScalars = ScalarCharacters.scalars(of: punctuation)

    /// `Character` count: for ASCII text without "\r" (the only ASCII pair that is one
    /// character is "\r\n") the byte count.
    static func characterCount(_ line: String) -> Int {
        ASCIIText.isASCII(line) && !ASCIIText.contains(line, 0x0D) ? line.utf8.count : characterCountByScalars(line) ?? line.count
    }

    /// `isDataRow` on the bytes of an ASCII line: whitespace is 9-13 and space, numbers are digits.
    static func isASCIIDataRow(_ line: String) -> Bool {
        var line = line
        return line.withUTF8(isASCIIDataRow)
    }

    /// `isASCIIDataRow` of an ASCII line's bytes.
    static func isASCIIDataRow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cells = 0
        var numbers = 0
        var inCell = false
        var hasDigit = false
        var onlyNumeric = true
        let numberMarks = asciiNumberMarks
        for byte in bytes {
            if ASCIIText.isWhitespace(byte) || byte == UInt8(ascii: "|") {
                if inCell {
                    cells += 1
                    if hasDigit && onlyNumeric { numbers += 1 }
                }
                inCell = false
                continue
            }
            if !inCell {
                inCell = true
                hasDigit = false
                onlyNumeric = true
            }
            let isDigit = byte >= 0x30 && byte <= 0x39
            hasDigit = hasDigit || isDigit
            onlyNumeric = onlyNumeric && (isDigit || numberMarks.contains(byte))
        }
        if inCell {
            cells += 1
            if hasDigit && onlyNumeric { numbers += 1 }
        }
        return cells >= 3 && numbers * 3 >= cells
    }

    /// A line of numbers alone, with their currency or percent signs: "$55.00", "600", "12%".
    static func isNumberCell(_ line: String) -> Bool {
        // A line that opens with an ASCII character no number cell holds (a letter, mostly) fails
        // on its first Character, which starts with that scalar and answers as it does.
        if let first = line.utf8.first, first < 0x80, !asciiNumberCellBytes.contains(first) { return false }
        if ASCIIText.isASCII(line) {
            // Each byte is a Character ("\r\n" is one, whitespace as its bytes are).
            var digits = 0
            for byte in line.utf8 {
                guard asciiNumberCellBytes.contains(byte) else { return false }
                if asciiNumbers.contains(byte) { digits += 1 }
            }
            return digits > 0
        }
        var digits = 0
        var holds = true
        // By scalar, and by `Character` only in the runs of scalars that may join a neighbour.
        let markScalars = numberCellMarkScalars
        let walked = ScalarCharacters.forEachCharacter(
            line,
            scalar: { scalar in
                if ScalarCharacters.isNumber(scalar) {
                    digits += 1
                    return true
                }
                holds = ScalarCharacters.isWhitespace(scalar) || markScalars.contains(scalar) || ScalarFeatures.isCurrencySymbol(scalar)
                return holds
            },
            character: { character in
                if character.isNumber {
                    digits += 1
                    return true
                }
                holds = holdsInNumberCell(character)
                return holds
            })
        if walked { return holds && digits > 0 }
        digits = 0
        for character in line {
            if character.isNumber { digits += 1; continue }
            if holdsInNumberCell(character) { continue }
            return false
        }
        return digits > 0
    }

    /// The scalars of `numberCellMarks`.
    private static let numberCellMarkScalars = ScalarCharacters.scalars(of: numberCellMarks)

    /// What may stand around a number's digits in a table's cell.
    static let numberCellMarks: Set<Character> = [".", ",", "%", "+", "-", "−", "*", "'", "’", "‰"]

    /// The ASCII characters `isNumberCell` lets through (whitespace, `$%'*+,-.` and digits), and
    /// those it counts as digits, written as bits: asking each byte as the Character it is
    /// (`asciiBytes(where:)` of `holdsInNumberCell` and `isNumber`) cost 280,000 instructions at
    /// start-up. `MainTextASCIITests` checks they are what the Characters answer.
    static let asciiNumberCellBytes = ASCIISet(low: 0x03FF_7CB1_0000_3E00, high: 0)
    static let asciiNumbers = ASCIISet(low: 0x03FF_0000_0000_0000, high: 0)

    /// A Character `isNumberCell` lets through.
    static func holdsInNumberCell(_ character: Character) -> Bool {
        character.isNumber || character.isWhitespace || numberCellMarks.contains(character) || character.isCurrencySymbol
    }

    /// The ASCII bytes whose Character `test` lets through.
    static func asciiBytes(where test: (Character) -> Bool) -> ASCIISet {
        ASCIISet((0..<0x80).map { UInt8($0) }.filter { test(Character(Unicode.Scalar($0))) })
    }

    /// The ASCII characters of the number marks `isDataRow` allows in a number cell.
    private static let asciiNumberMarks = ASCIISet(numberMarks.utf8)

    /// What a number cell may hold besides numbers: decimal and thousands marks, times, percent,
    /// fractions, currency, signs.
    static let numberMarks = ".,:%/$€£-+"

    /// A row of a table as text: several cells, a third or more of them numbers ("3 Kevin Harvick
    /// 5033 4 6 15 26"). Menus and teasers seldom are; tables of results and prices are content.
    static func isDataRow(_ line: String) -> Bool {
        if let answer = dataRowByScalars(line) { return answer }
        // A row needs a number cell, so a Character that is a number, whose first scalar has a
        // numeric type: a line without such a scalar (most lines with emoji or combining marks)
        // is no row, answered without splitting it by Character.
        guard line.unicodeScalars.contains(where: hasNumericType) else { return false }
        let cells = line.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
        guard cells.count >= 3 else { return false }
        let numbers = cells.filter { cell in cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || numberMarks.contains($0) } }.count
        return numbers * 3 >= cells.count
    }

    /// Whether `scalar` may start a Character that `isNumber`: ASCII digits, or any scalar with a
    /// numeric type.
    @inline(__always)
    static func hasNumericType(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value &- 0x30 < 10 : scalar.properties.numericType != nil
    }

    /// Sentence-internal and -final punctuation, ASCII and CJK.
    static let punctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "、", "，", "。", "！", "？", "；", "："]

    /// Characters, with CJK ideographs, kana and hangul counted twice.
    static func weightedLength(_ line: String) -> Int {
        if let length = weightedLengthOfBytes(line) { return length }
        var length = 0
        for scalar in line.unicodeScalars {
            length += isDoubleWidth(scalar.value) ? 2 : 1
        }
        return length
    }

    /// CJK ideographs, kana and hangul: the scalars `weightedLength` counts twice.
    @inline(__always)
    static func isDoubleWidth(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// The maximum-sum contiguous range (Kadane), nil when no line weighs for the article.
    static func heaviestRun(_ weights: [Double]) -> Range<Int>? {
        var best: Range<Int>?
        var bestSum = 0.0
        var sum = 0.0
        var start = 0
        for (index, weight) in weights.enumerated() {
            if sum <= 0 {
                sum = 0
                start = index
            }
            sum += weight
            if sum > bestSum {
                bestSum = sum
                best = start..<(index + 1)
            }
        }
        return best
    }
}
