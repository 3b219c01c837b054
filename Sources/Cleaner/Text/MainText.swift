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
    /// What a line that is neither costs: a fixed part (a menu of many tiny items costs as much
    /// as one long line) plus half its length.
    static let chromeCost = 25.0
    /// Lines searched before the run for its headline.
    static let headlineReach = 2

    /// A block whose lines average this many characters and mostly break mid-sentence is prose
    /// wrapped at a fixed width (mail, logs, old pages): it is weighed as one paragraph.
    static let wrappedLineCharacters = 40

    /// One unit of the choice: a line, or a whole block of wrapped prose.
    private struct Unit {
        let block: Int
        let lines: [Int]
        let weight: Double
        let characters: Int
    }

    /// The scrape is a whole page when at least `openingChromeLines` of its first `openingLines`
    /// lines are chrome.
    static let openingLines = 15
    static let openingChromeLines = 11

    static func apply(_ reason: RemovalReason, in document: inout Document) {
        let units = units(of: document)
        // A whole page opens with its masthead and menus; a scrape of the article's container
        // opens with the article, and cutting it would only lose its lists and tables.
        let opening = units.prefix(openingLines)
        guard opening.filter({ $0.weight < 0 }).count >= openingChromeLines else { return }
        guard let run = heaviestRun(units.map(\.weight)) else { return }
        var start = run.lowerBound
        // The headline: a short line without a sentence end, right before the run.
        var probe = start - 1
        while probe >= 0, probe >= start - headlineReach {
            let unit = units[probe]
            if unit.lines.count == 1 {
                let text = document.blocks[unit.block].lines[unit.lines[0]].text
                if Headline.isHeadlineLike(text), text.split(whereSeparator: { $0.isWhitespace }).count >= 3 {
                    start = probe
                    break
                }
            }
            probe -= 1
        }
        for (position, unit) in units.enumerated() where position < start || position >= run.upperBound {
            for line in unit.lines { document.blocks[unit.block].lines[line].removedBy = reason }
        }
    }

    private static func units(of document: Document) -> [Unit] {
        var units: [Unit] = []
        for blockIndex in document.blocks.indices {
            let lines = document.blocks[blockIndex].lines.indices.filter { document.blocks[blockIndex].lines[$0].isKept }
            let texts = lines.map { document.blocks[blockIndex].lines[$0].text }
            if isWrappedProse(texts) {
                let joined = texts.joined(separator: " ")
                units.append(Unit(block: blockIndex, lines: lines, weight: weight(joined), characters: joined.count))
            } else {
                for (line, text) in zip(lines, texts) {
                    units.append(Unit(block: blockIndex, lines: [line], weight: weight(text), characters: text.count))
                }
            }
        }
        return units
    }

    static func isWrappedProse(_ lines: [String]) -> Bool {
        guard lines.count >= 3 else { return false }
        let average = lines.reduce(0) { $0 + $1.count } / lines.count
        let breaksMidSentence = lines.dropLast().filter { !Headline.endsSentence($0) }.count
        // A sentence carried on to the next line goes on in lower case; a list of headlines does not.
        let carriedOn = lines.dropFirst().filter { $0.first?.isLowercase == true }.count
        return average >= wrappedLineCharacters && breaksMidSentence * 2 >= lines.count - 1 && carriedOn * 3 >= lines.count - 1
    }

    static func weight(_ line: String) -> Double {
        let size = weightedLength(line)
        let ends = Headline.endsSentence(line)
        let marks = line.reduce(0) { $0 + (punctuation.contains($1) ? 1 : 0) }
        if size >= proseCharacters, ends || marks >= 2 { return Double(size) }
        if size >= sentenceCharacters, ends { return Double(size) / 2 }
        if isDataRow(line) { return Double(size) / 4 }
        return -(chromeCost + Double(size) / 2)
    }

    /// A row of a table as text: several cells, a third or more of them numbers ("3 Kevin Harvick
    /// 5033 4 6 15 26"). Menus and teasers seldom are; tables of results and prices are content.
    static func isDataRow(_ line: String) -> Bool {
        let cells = line.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
        guard cells.count >= 3 else { return false }
        let numbers = cells.filter { cell in cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || ".,:%/$€£-+".contains($0) } }.count
        return numbers * 3 >= cells.count
    }

    /// Sentence-internal and -final punctuation, ASCII and CJK.
    static let punctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "、", "，", "。", "！", "？", "；", "："]

    /// Characters, with CJK ideographs, kana and hangul counted twice.
    static func weightedLength(_ line: String) -> Int {
        var length = 0
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: length += 2
            default: length += 1
            }
        }
        return length
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
