/// Readers' comments under an article: removed by default, kept with `--comments` and put after
/// the article. A comment section is the outermost element whose class or id names one by a whole
/// word ("comments", "comment-list", "commentlist", "disqus_thread", "article-comments", a single
/// "comment"), or that schema.org marks as a comment. Words that name a control or a widget about
/// comments ("comment-link", "comments-count", "recent-comments") are not sections.
enum CommentSections {
    /// One class or id token that names comments or a container of them.
    static let word = compile(
        "^(?:[a-z0-9]+[-_])*(?:comments?|commentlist|disqus_thread)(?:[-_](?:list|section|area|block|thread|wrap|wrapper|container|holder|box|main|body|content|text|items?))*$"
    )

    /// Tokens about comments that are not comments: links, counters, buttons, forms, widgets.
    static let notSection = compile("recent|count|number|link|btn|button|icon|form|rss|feed|widget|sidebar|nav|meta|rating|respond|reply-title|toggle|hdn|hidden")

    /// schema.org's comment types and properties, in `itemtype` or `itemprop`.
    static let schema = compile("(?:^|[/\\s])(?:Comment|UserComments|comment)$")

    private static func compile(_ source: String) -> Pattern? {
        try? Pattern(source, caseInsensitive: true)
    }

    /// What every `word` token contains: elements without it are not asked the full test, which
    /// splits and matches each token (asked of every element with attributes, on every attempt).
    private static let mention = ClassPattern("comment|disqus")

    static func isSection(_ node: Node) -> Bool {
        guard node.hasAttributes else { return false }
        if node.hasAttribute("itemprop") || node.hasAttribute("itemtype") {
            for name in ["itemprop", "itemtype"] {
                if let value = node.attribute(name), schema?.matches(value) == true { return true }
            }
        }
        guard ClassWords.withMatchBytes(node, { mention.matches($0) }) == true else { return false }
        for name in ["class", "id"] {
            guard let value = node.attribute(name), !value.isEmpty else { continue }
            for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                let text = String(token)
                if word?.matches(text) == true, notSection?.matches(text) != true { return true }
            }
        }
        return false
    }
}
