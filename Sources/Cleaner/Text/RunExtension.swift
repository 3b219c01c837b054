/// The article's run, carried back across a block of chrome inside the article: a "most read"
/// box or a gallery strip between its first paragraphs and the rest. The stretch cost of
/// `MainText` makes a long block of chrome cost so much that the prose before it is lost; it is
/// won back when it reads as the run does: mostly prose, in paragraphs as long as the run's, and
/// heavier than the block between (each line of that block at its own cost, unstretched).
/// Only backwards: after the article come comments, blurbs and cookie notices, which are dense
/// prose too, while before it there is seldom prose but the article's own.
enum RunExtension {
    /// The prose won back holds at least this many lines of prose...
    static let minProseLines = 3
    /// ...which make at least this share of its lines...
    static let minProseShare = 0.6
    /// ...and weigh on average at least this share of what the run's lines of prose weigh: a
    /// site's notices and blurbs above the article are shorter than its paragraphs. Longer prose
    /// is no blurb: it is the article's first sections, the run only its part after a table or a
    /// list whose rows cost as chrome.
    static let minStyleRatio = 0.6

    /// `run` with the prose after it that it reaches across a block of chrome, if any: for a run
    /// that opens under the page's headline, whose start is known, so that what follows is more
    /// likely its own.
    static func extendForward(_ run: Range<Int>, weights: [Double]) -> Range<Int> {
        let mirrored = Array(weights.reversed())
        let flipped = (weights.count - run.upperBound)..<(weights.count - run.lowerBound)
        // After the article, comments run to paragraphs as long as its own or longer: there the
        // prose won must be of the run's length either way.
        let extended = extendBack(flipped, weights: mirrored, acceptsLonger: false)
        return (weights.count - extended.upperBound)..<(weights.count - extended.lowerBound)
    }

    /// `run` with the prose before it that it reaches across a block of chrome, if any;
    /// `acceptsLonger` false asks that prose to be no longer than the run's either.
    /// With `lines` (each unit's text, nil for a block of wrapped prose), a block of chrome that
    /// reads as a table's rows (`InArticleTable`) is crossed even when it outweighs the prose
    /// before it.
    static func extendBack(_ run: Range<Int>, weights: [Double], lines: MainText.UnitTexts? = nil, acceptsLonger: Bool = true) -> Range<Int> {
        // Walking away from the run: the running sum of unstretched weights; the extension
        // ends where it is greatest, the chrome block where it was lowest before that.
        var sum = 0.0
        var best = 0.0
        var bestLength = 0
        var lowest = 0.0
        var lowestLength = 0
        var chromeLength = 0
        for index in (0..<run.lowerBound).reversed() {
            sum += weights[index]
            let length = run.lowerBound - index
            if sum < lowest {
                lowest = sum
                lowestLength = length
            }
            if sum > best {
                best = sum
                bestLength = length
                chromeLength = lowestLength
            }
        }
        var tableStart: Int?
        if bestLength == 0, lines != nil, let table = InArticleTable.blockStart(before: run.lowerBound, weights: weights) {
            // The prose before the table: the heaviest stretch that ends at the table.
            tableStart = table
            lowestLength = run.lowerBound - table
            var sum = 0.0
            var heaviest = 0.0
            for index in (0..<table).reversed() {
                sum += weights[index]
                if sum > heaviest {
                    heaviest = sum
                    bestLength = run.lowerBound - index
                }
            }
            chromeLength = lowestLength
        }
        guard bestLength > 0 else { return run }
        let crossesTable = tableStart != nil
        let beyond = (run.lowerBound - bestLength)..<(run.lowerBound - chromeLength)
        let prose = weights[beyond].filter { $0 > 0 }
        guard prose.count >= minProseLines, Double(prose.count) >= minProseShare * Double(beyond.count) else { return run }
        // Across a table, paragraphs are compared with paragraphs: the article's first part
        // holds lists of its own, whose short items would make it read as a blurb.
        let least = crossesTable ? Double(MainText.proseCharacters) : .leastNonzeroMagnitude
        let runProse = weights[run].filter { $0 >= least }
        let beyondProse = crossesTable ? weights[beyond].filter { $0 >= least } : prose
        guard !runProse.isEmpty, !beyondProse.isEmpty else { return run }
        let mean = beyondProse.reduce(0, +) / Double(beyondProse.count)
        let runMean = runProse.reduce(0, +) / Double(runProse.count)
        guard mean >= minStyleRatio * runMean, acceptsLonger || runMean >= minStyleRatio * mean else { return run }
        // Prose across a table must be the article's sentences, not lines of links; and the
        // block crossed a table's rows.
        if let table = tableStart, let lines {
            guard InArticleTable.sentences(in: ArraySlice(lines[beyond]), weights: weights[beyond]) >= minProseLines,
                  InArticleTable.isTable(ArraySlice(lines[table..<run.lowerBound]))
            else { return run }
        }
        return beyond.lowerBound..<run.upperBound
    }
}
