/// The article under its headline. A whole page's scrape opens with the page's `<title>`
/// ("Headline - Site", "Site | Headline"), and the article comes right under the headline said
/// again without the site's name. When the prose that follows that headline weighs about as
/// much as the heaviest run of the page, it is the article, and the heavier run elsewhere is a
/// block of teasers above it or a cookie notice below it.
enum TitleAnchor {
    /// The prose under the headline must weigh at least this share of the heaviest run.
    static let minShareOfBest = 0.5

    /// The run under the repeated headline, or nil when the page names none or the prose under
    /// it weighs too little. `weights` are the units' own weights, before stretch costs; `edges`
    /// the lines' edge bytes (none for a unit past its end), which turn away most lines before
    /// their text is read.
    static func run(titles: MainText.UnitTexts, edges: [PageTitle.LineEdges] = [], weights: [Double], bestSum: Double) -> Range<Int>? {
        // The title: the first line, alone in its unit, and no prose.
        guard let firstLine = titles.first, let titleLine = firstLine, let firstWeight = weights.first, firstWeight < 0 else { return nil }
        let title = PageTitle.words(of: titleLine)
        guard PageTitle.weight(title) >= PageTitle.minWords else { return nil }
        var best: (region: Range<Int>, sum: Double)?
        let ends = PageTitle.TitleEnds(title)
        let asciiTitle = PageTitle.asciiTitleWords(title)
        // A stretch from a line on weighs at most the prose from there to the page's end, its
        // chrome counting nothing: a line with too little prose after it cannot open the run that
        // is taken (and a heavier one could not be either), so its text is not read. The margin
        // stands far above the rounding of the sums.
        let needed = minShareOfBest * bestSum - proseReachMargin
        let reach = proseReach(weights)
        for index in titles.indices.dropFirst() where weights[index] < 0 && reach[index] >= needed {
            // What `mayBeHeadline` would turn away at once, without the line's text.
            if index < edges.count, ends.differAtOnce(edges[index]) { continue }
            guard let line = titles[index], PageTitle.mayBeHeadline(line, ends: ends),
                asciiTitle.flatMap({ PageTitle.asciiHeadline(line, of: $0) }) ?? PageTitle.isHeadline(PageTitle.words(of: line), of: title)
            else { continue }
            let stretch = heaviestStretch(from: index, weights: weights)
            if stretch.sum > (best?.sum ?? 0) { best = (index..<stretch.end, stretch.sum) }
        }
        guard let best, best.sum >= minShareOfBest * bestSum else { return nil }
        // Within it, the article's own run: the lines between headline and text (a byline, a
        // date, a photo's credit) go as they go elsewhere.
        guard let inner = MainText.heaviestRun(MainText.stretchCosts(Array(weights[best.region]))) else { return nil }
        let start = best.region.lowerBound + inner.lowerBound
        let end = best.region.lowerBound + inner.upperBound
        return (firstPart(between: best.region.lowerBound + 1, and: start, weights: weights) ?? start)..<end
    }

    /// The heaviest stretch of lines that opens with the headline at `index`, its chrome costed
    /// afresh from there: where it ends and what it weighs.
    static func heaviestStretch(from index: Int, weights: [Double]) -> (end: Int, sum: Double) {
        var sum = 0.0
        var heaviest = -Double.infinity
        var end = index + 1
        MainText.forEachStretchCost(weights[index...]) { offset, cost in
            sum += cost
            if sum > heaviest {
                heaviest = sum
                end = index + offset + 1
            }
        }
        return (end, heaviest)
    }

    /// Weight below the needed share by which a line's `proseReach` must fall short before it is
    /// passed over: rounding in sums of a page's weights is a tiny fraction of one.
    static let proseReachMargin = 1.0

    /// For each unit, the weight of the prose from it to the page's end (the sum of the positive
    /// weights): what any stretch that opens there weighs at most, whatever its chrome costs.
    static func proseReach(_ weights: [Double]) -> [Double] {
        var reach = [Double](repeating: 0, count: weights.count)
        var sum = 0.0
        for index in weights.indices.reversed() {
            sum += max(weights[index], 0)
            reach[index] = sum
        }
        return reach
    }

    /// Paragraphs of the article's first part, under the headline, that a box inside the article
    /// (a "more from" list of headlines, a quoted post) cuts off from the heavier rest: their
    /// run, when it holds at least this many.
    static let minFirstPartParagraphs = 3

    /// Where the article's first part begins between the line after the headline and the run
    /// (`lower..<upper`): the heaviest run there, when it holds `minFirstPartParagraphs`
    /// paragraphs; nil otherwise. Under its own headline such prose is the article's, however
    /// much the box between costs (`RunExtension` weighs that cost where no headline says
    /// where the article begins).
    static func firstPart(between lower: Int, and upper: Int, weights: [Double]) -> Int? {
        guard lower < upper else { return nil }
        let above = Array(weights[lower..<upper])
        guard let part = MainText.heaviestRun(MainText.stretchCosts(above)) else { return nil }
        let paragraphs = above[part].filter { $0 >= Double(MainText.proseCharacters) }.count
        return paragraphs >= minFirstPartParagraphs ? lower + part.lowerBound : nil
    }
}
