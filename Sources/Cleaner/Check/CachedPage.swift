import FoundationEssentials

/// Where a site file's `test_url` page is kept for offline runs: `golden/pages/<name>.html`, the name
/// read off the address so that a person can save a page by hand and find it again.
public enum CachedPage {
    /// The folder under a golden directory that holds cached test pages (not a golden case).
    public static let folder = "pages"

    /// Where the page of `url` is cached under the golden directory `golden`.
    public static func path(for url: String, golden: String) -> String {
        let folder = FilePaths.join(golden, Self.folder)
        return FilePaths.join(folder, fileName(for: url))
    }

    /// Longest name before the hash: well under the 255 bytes file systems allow.
    static let maximumNameLength = 150

    /// The address without its scheme, each run of characters other than ASCII letters, digits, `.`
    /// and `-` between two kept ones turned into one `_` (runs at either end dropped), then `.html`.
    /// A name longer than `maximumNameLength` is cut and ends in a hash of the whole address.
    /// `https://www.example.com/news/2024/story?id=7` → `www.example.com_news_2024_story_id_7.html`.
    public static func fileName(for url: String) -> String {
        var rest = Substring(url.trimmingWhitespace())
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        var name = ""
        var pendingSeparator = false
        for scalar in rest.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
            if keep {
                if pendingSeparator { name.unicodeScalars.append("_") }
                name.unicodeScalars.append(scalar)
                pendingSeparator = false
            } else {
                pendingSeparator = !name.isEmpty
            }
        }
        if name.utf8.count > maximumNameLength {
            name = String(name.prefix(maximumNameLength)) + "-" + FNV1a.hex(url)
        }
        return name + ".html"
    }
}
