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
    static func extendBack(_ run: Range<Int>, weights: [Double], acceptsLonger: Bool = true) -> Range<Int> {
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
        guard bestLength > 0 else { return run }
        let beyond = (run.lowerBound - bestLength)..<(run.lowerBound - chromeLength)
        let prose = weights[beyond].filter { $0 > 0 }
        guard prose.count >= minProseLines, Double(prose.count) >= minProseShare * Double(beyond.count) else { return run }
        let runProse = weights[run].filter { $0 > 0 }
        guard !runProse.isEmpty else { return run }
        let mean = prose.reduce(0, +) / Double(prose.count)
        let runMean = runProse.reduce(0, +) / Double(runProse.count)
        guard mean >= minStyleRatio * runMean, acceptsLonger || runMean >= minStyleRatio * mean else { return run }
        return beyond.lowerBound..<run.upperBound
    }
}
