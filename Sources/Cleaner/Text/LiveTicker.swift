/// The end of the article's run where a live ticker follows it: a "latest news" feed whose items
/// each open with their time of day, newest first ("14:44 Title ...", "14:32 Title ...", "14:10").
/// Its items are short prose, so the feed can outweigh the chrome between it and the article and
/// join the run; `TeaserStream` misses it when items follow one another without a title line
/// between. Told by the clock alone, language-neutral: times that only go back, item after item.
/// A programme or a timetable in the article lists its times forward, and a live blog's entries
/// run to paragraphs, not a sentence or two.
enum LiveTicker {
    /// Items in a row whose times never go forward (and do go back) that make a feed.
    static let minStamps = 4
    /// Paragraphs of the article the run must hold before the feed: a page that is all feed (a
    /// live blog) has no article to close.
    static let minParagraphs = 2
    /// A feed's items are a title and a sentence or two at most, on average.
    static let maxSentencesPerStamp = 2.0

    /// `run`, ended after the last paragraph before a feed that closes it, if any. `lines` holds
    /// each unit's text when it is one line; `weights` are the units' own weights.
    static func trim(_ run: Range<Int>, lines: MainText.UnitTexts, weights: [Double]) -> Range<Int> {
        // The first chain of at least `minStamps` stamped lines whose times never go forward.
        var chainStart: Int?
        var chainLength = 0
        var descents = 0
        var previous = 0
        var found: Int?
        for index in run {
            guard let line = lines[index], let minutes = leadingTime(line) else { continue }
            if chainStart != nil, minutes <= previous {
                chainLength += 1
                if minutes < previous { descents += 1 }
            } else {
                chainStart = index
                chainLength = 1
                descents = 0
            }
            previous = minutes
            // Items of the same minute share a time; the feed's times do go back.
            if chainLength >= minStamps, descents >= minStamps - 2 {
                found = chainStart
                break
            }
        }
        guard let start = found else { return run }
        let paragraphWeight = Double(MainText.proseCharacters)
        let before = run.lowerBound..<start
        guard before.filter({ weights[$0] >= paragraphWeight }).count >= minParagraphs else { return run }
        // The feed's items are short: its sentences over its stamps.
        let feed = start..<run.upperBound
        let stamps = feed.filter { lines[$0].flatMap(leadingTime) != nil }.count
        let sentences = feed.filter { weights[$0] > 0 }.reduce(0) { $0 + TeaserStream.sentenceCount(lines[$1]) }
        guard Double(sentences) <= maxSentencesPerStamp * Double(stamps) else { return run }
        guard let last = before.last(where: { weights[$0] > 0 }) else { return run }
        return run.lowerBound..<(last + 1)
    }

    /// The time of day a line opens with, in minutes after midnight: "14:44", "10h30",
    /// "7:15 pm" (a 12-hour time after its mark), followed by the line's end or a space. Nil for
    /// any other line, which mostly fails on its first byte.
    static func leadingTime(_ line: String) -> Int? {
        var bytes = line.utf8.makeIterator()
        var hours = 0
        var digits = 0
        var separator: UInt8 = 0
        while let byte = bytes.next() {
            if byte >= 0x30, byte <= 0x39, digits < 2 {
                hours = hours * 10 + Int(byte - 0x30)
                digits += 1
                continue
            }
            separator = byte
            break
        }
        guard digits > 0, hours < 24, timeSeparators.contains(separator) else { return nil }
        guard let tens = bytes.next(), let ones = bytes.next(), isDigit(tens), isDigit(ones) else { return nil }
        let minutes = Int(tens - 0x30) * 10 + Int(ones - 0x30)
        guard minutes < 60 else { return nil }
        // The end, or a space; then an "am"/"pm" mark, with or without dots, turns the clock.
        guard let next = bytes.next() else { return hours * 60 + minutes }
        guard next == 0x20 || next == 0x09 else { return nil }
        var mark: [UInt8] = []
        while let byte = bytes.next(), mark.count < 4, byte != 0x20 {
            mark.append(byte | 0x20)
        }
        let letters = mark.filter { $0 != UInt8(ascii: ".") }
        if hours <= 12, letters == Array("pm".utf8) { return ((hours % 12) + 12) * 60 + minutes }
        if hours <= 12, letters == Array("am".utf8) { return (hours % 12) * 60 + minutes }
        return hours * 60 + minutes
    }

    /// What stands between hours and minutes: ":" and "h" (French and others). Not ".": numbered
    /// sections and versions ("3.12 ...", "3.11 ...") run backwards in a changelog.
    private static let timeSeparators: [UInt8] = [UInt8(ascii: ":"), UInt8(ascii: "h")]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
