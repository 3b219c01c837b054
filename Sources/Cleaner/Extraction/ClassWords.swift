/// Words in class and id attributes that tell content from boilerplate. These are the tables
/// Mozilla Readability has refined on real pages for a decade; they name no site.
enum ClassWords {
    /// Containers of the article itself: +25 to a candidate whose class or id has one.
    static let positive = compile("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")

    /// Page chrome: -25 to a candidate, and conditional removal inside the article.
    static let negative = compile(
        "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget"
    )

    /// Elements that are almost never the article: skipped on the first extraction attempt...
    static let unlikely = compile(
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
    )

    /// ...unless they also carry one of these (a "main-column" is not a menu).
    static let maybeCandidate = compile("and|article|body|column|content|main|mathjax|shadow")

    /// Share bars inside the article: removed when short.
    static let share = compile("(\\b|_)(share|sharedaddy)(\\b|_)")

    /// ARIA roles of page chrome.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    private static func compile(_ source: String) -> Pattern? {
        try? Pattern(source, caseInsensitive: true)
    }

    /// Readability's class weight: -25 or +25 for each of class and id.
    static func weight(_ node: Node) -> Int {
        guard node.hasAttributes else { return 0 }
        var weight = 0
        for value in [node.attribute("class"), node.attribute("id")] {
            guard let value, !value.isEmpty else { continue }
            if negative?.matches(value) == true { weight -= 25 }
            if positive?.matches(value) == true { weight += 25 }
        }
        return weight
    }

    /// The class and id together, for the unlikely / share checks.
    static func matchString(_ node: Node) -> String? {
        guard node.hasAttributes else { return nil }
        let classes = node.attribute("class")
        let id = node.attribute("id")
        if classes == nil && id == nil { return nil }
        return (classes ?? "") + " " + (id ?? "")
    }
}
