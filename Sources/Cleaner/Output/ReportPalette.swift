/// Background colours of the explain report: one per category, then one per heuristic in the order
/// they first appear. Light tints, so that struck-through dark text stays readable on each.
enum ReportPalette {
    static let categories: [Category: String] = [
        .caption: "#fde2b8",
        .social: "#cfe3ff",
        .teaser: "#e6d5f7",
        .sponsored: "#ffd1dc",
        .legal: "#dcdcdc",
        .navigation: "#c9f0d5",
        .other: "#f3efc2",
    ]

    /// For heuristics (link density, boilerplate class, ...): distinct from the category tints.
    static let heuristics = ["#b8ecec", "#f7c6a3", "#d7e8b0", "#c6cdf7", "#f2c2e0", "#e0d6c3"]

    /// Colour for each group, heuristics numbered in the order given.
    static func colours(for groups: [String]) -> [String: String] {
        var colours: [String: String] = [:]
        var next = 0
        for group in groups where colours[group] == nil {
            if let category = Category(rawValue: group), let colour = categories[category] {
                colours[group] = colour
            } else {
                colours[group] = heuristics[next % heuristics.count]
                next += 1
            }
        }
        return colours
    }
}
