import Foundation

/// All rule files in force: `global.txt` for every document and one file per site, from the
/// built-in rules and any `--rules DIR` (whose files replace built-in files of the same name).
public struct RuleLibrary: Sendable {
    public static let globalName = "global"

    private(set) var global = RuleSet()
    private(set) var sites: [String: RuleSet] = [:]
    /// Lines that identify a site's plain-text scrapes, with the site they name.
    private var signatures: [(pattern: Pattern, site: String)] = []
    /// Broken rules skipped in lenient mode.
    public private(set) var warnings: [RuleError] = []

    public init() {}

    /// The rules compiled into the binary (from the repository's `Rules/`): found from any directory.
    public static func builtin() throws -> RuleLibrary {
        var library = RuleLibrary()
        for file in RuleFile.builtin {
            try library.add(name: file.name, text: file.text, path: file.path, mode: .strict)
        }
        return library
    }

    /// Adds every `*.txt` file of `directory`. Strict: the first broken rule throws `PATH:LINE: message`.
    /// Lenient: broken rules are skipped and listed in `warnings`.
    public mutating func addDirectory(_ directory: String, lenient: Bool = false) throws {
        for file in try RuleFile.all(in: directory) {
            try add(name: file.name, text: file.text, path: file.path, mode: lenient ? .lenient : .strict)
        }
    }

    /// Adds one file's rules under `name` (`global`, `example.com`, `.example.com`), replacing a file of that name.
    public mutating func add(name: String, text: String, path: String, lenient: Bool = false) throws {
        try add(name: name, text: text, path: path, mode: lenient ? .lenient : .strict)
    }

    private mutating func add(name: String, text: String, path: String, mode: RuleParser.Mode) throws {
        var parser = RuleParser(file: path, mode: mode)
        let rules = try parser.parse(text)
        warnings += parser.warnings
        add(name: name, rules: rules)
    }

    /// Stores a parsed file's rules under `name`, replacing a file of that name.
    mutating func add(name: String, rules: RuleSet) {
        let key = name.lowercased()
        if key == Self.globalName {
            // A directory's global rules join the built-in ones (and run first): a collection
            // such as ftr-site-config carries a global.txt that knows nothing of line rules.
            global = rules.merged(with: global)
            return
        }
        signatures.removeAll { $0.site == key }
        signatures += rules.signatures.map { (pattern: $0, site: key) }
        sites[key] = rules
    }

    /// Number of site files.
    public var siteCount: Int { sites.count }

    /// Every site file's `test_url` (with its `test_contains`), in file and line order.
    public var siteTests: [RuleSet.SiteTest] {
        sites.values.flatMap(\.tests).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The site file for `host`: the most specific of `host`, then each parent domain, where
    /// `example.com` covers the host and its subdomains and `.example.com` subdomains only.
    func siteName(forHost host: String) -> String? {
        var name = host.lowercased()
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        if name.hasSuffix(".") { name.removeLast() }
        var candidate = Substring(name)
        var isHostItself = true
        while !candidate.isEmpty {
            if sites[String(candidate)] != nil { return String(candidate) }
            if !isHostItself, sites["." + candidate] != nil { return "." + candidate }
            guard let dot = candidate.firstIndex(of: ".") else { break }
            candidate = candidate[candidate.index(after: dot)...]
            isHostItself = false
        }
        return nil
    }

    /// The site whose signature line appears in a plain-text scrape.
    func siteName(forLines lines: [Substring]) -> String? {
        guard !signatures.isEmpty else { return nil }
        for line in lines {
            let text = String(line.trimmingWhitespace())
            if text.isEmpty { continue }
            for signature in signatures where signature.pattern.matches(text) {
                return signature.site
            }
        }
        return nil
    }

    /// The site's rules (when there is a site file) followed by the global rules.
    func rules(forSite site: String?) -> RuleSet {
        guard let site, let siteRules = sites[site] else { return global }
        return siteRules.merged(with: global)
    }
}
