/// What kind of boilerplate a removing rule targets. `--keep CATEGORY` switches a category off,
/// and `--explain` reports removals by category.
public enum Category: String, CaseIterable, Sendable, Comparable {
    /// Photo captions and credits: "(AP Photo/...)", "Picture: REUTERS", figcaption.
    case caption
    /// Social prompts and share bars: "Like Us on Facebook", "Share Tweet Email".
    case social
    /// Sidebar teasers and related-article lists: headline + summary + "16 hours ago".
    case teaser
    /// Sponsored, promoted and advertising blocks.
    case sponsored
    /// Copyright lines and legal footers.
    case legal
    /// Mastheads, menus, breadcrumbs, "Make X Your Homepage", comment/print bars.
    case navigation
    /// Readers' comment lists: from the first of several "NAME says:" headers on. `--comments`
    /// switches these rules off, since it asks for the comments.
    case comments
    /// Everything else: datelines, repeated titles, page chrome a site file names.
    case other

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
