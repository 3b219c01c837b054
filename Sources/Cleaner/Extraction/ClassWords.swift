/// Words in class and id attributes that tell content from boilerplate. These are the tables
/// Mozilla Readability has refined on real pages for a decade; they name no site.
enum ClassWords {
    /// Containers of the article itself: +25 to a candidate whose class or id has one.
    static let positive = compile("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")

    /// Page chrome: -25 to a candidate, and conditional removal inside the article. Beyond
    /// Readability's: "noprint", what a site itself leaves out of the printed article, and
    /// "disclaimer" (advertising and legal notices under the article), and "ad-" / "ads-" opening
    /// a class word ("ad-slot", "ads-wrapper"), where Readability has only "-ad-" inside one;
    /// and the author's box under a post ("author-bio", "about-author"): the byline's author is
    /// metadata, and the box's biography is not the article's text. Readability's "media" is
    /// left out: it names layout, not chrome (Bootstrap's `media-body` object, BEM's `media__image`,
    /// a `leafmedia` wrapper around a story's first paragraph, a video's caption that retells it),
    /// and as a substring it took those paragraphs out of the article.
    static let negative = compile(
        "-ad-|^ad-| ad-|^ads-| ads-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|noprint|no-print|disclaimer|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|author-bio|author_bio|authorbio|author-box|author_box|authorbox|author-card|author_card|about-author|about_author|about-the-author"
    )

    /// Elements that are almost never the article: skipped on the first extraction attempt...
    static let unlikely = compile(
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
    )

    /// ...unless they also carry one of these (a "main-column" is not a menu).
    static let maybeCandidate = compile("and|article|body|column|content|main|mathjax|shadow")

    /// Headings of blocks beside the article: related and recommended posts, popular lists,
    /// sidebar widgets, share and newsletter boxes (see `AsideSections`). Not "comment": in a
    /// thread each post may carry a "comment-title".
    static let asideHeading = compile("related|similar|recommend|popular|trending|widget|sidebar|share|social|newsletter|subscribe|promo|sponsor")

    /// Share bars inside the article: removed when short.
    static let share = compile("(\\b|_)(share|sharedaddy)(\\b|_)")

    /// ARIA roles of page chrome.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    private static func compile(_ source: String) -> ClassPattern {
        ClassPattern(source)
    }

    /// Readability's class weight: -25 or +25 for each of class and id (read in place).
    static func weight(_ node: Node) -> Int {
        guard node.hasAttributes else { return 0 }
        return (node.withAttribute("class", weight(of:)) ?? 0) + (node.withAttribute("id", weight(of:)) ?? 0)
    }

    private static func weight(of value: UnsafeBufferPointer<UInt8>) -> Int {
        guard !value.isEmpty else { return 0 }
        var weight = 0
        if negative.matches(value) { weight -= 25 }
        if positive.matches(value) { weight += 25 }
        return weight
    }

    /// The element's class or id has a word of page chrome (`negative` or `unlikely`), whatever
    /// content words it has besides ("article-disclaimer", "post-sidebar").
    static func isBoilerplate(_ node: Node) -> Bool {
        withMatchBytes(node) { negative.matches($0) || unlikely.matches($0) } ?? false
    }

    /// The element's class or id names a share bar. A closure that names the pattern instead of
    /// capturing it: a captured pattern is retained and released for every element, by every
    /// thread, and that shared reference count costs more than the match with two threads.
    static func isShareBar(_ node: Node) -> Bool {
        withMatchBytes(node) { share.matches($0) } ?? false
    }

    /// Calls `body` with the class and id together (`class + " " + id`), for the unlikely / share
    /// checks; nil when the element has neither.
    static func withMatchBytes<R>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard node.hasAttributes else { return nil }
        return node.withClassAndID(body)
    }
}
