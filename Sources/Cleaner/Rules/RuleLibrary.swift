import Foundation
import Synchronization

/// All rule files in force: `global.txt` for every document and one file per site, from the
/// built-in rules and any `--rules DIR` (whose files replace built-in files of the same name).
public struct RuleLibrary: Sendable {
    public static let globalName = "global"

    private(set) var global = RuleSet()
    private(set) var sites: [String: RuleSet] = [:]
    /// Site files of on-demand directories, read and compiled when a page of their site comes.
    private var onDemand: [String: OnDemandSiteFile] = [:]
    /// Lines that identify a site's plain-text scrapes, with the site they name, in file order;
    /// an on-demand file stands for its own signature lines, read when they are needed.
    private var signatures: [SignatureSource] = []
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

    /// Indexes the `*.txt` files of `directory` by name, for large collections such as ftr-site-config:
    /// a site file is read and compiled, leniently, when the first page of its site comes (by any
    /// thread, once); its broken rules go to `warning` then. `global.txt` is read at once, and all
    /// files are read when a plain-text scrape without an address needs their `signature_line`s.
    /// Start-up costs a directory listing, whatever the size of the collection.
    public mutating func addDirectoryOnDemand(_ directory: String, warning: @escaping @Sendable (RuleError) -> Void) throws {
        guard let names = DirectoryListing.names(in: directory) else {
            throw RuleError(file: directory, line: 0, message: "cannot read rules directory")
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for fileName in names.sorted() where RuleFile.isRuleFileName(fileName) {
            let path = prefix + fileName
            let name = String(fileName.dropLast(4))
            let key = name.lowercased()
            if key == Self.globalName {
                add(name: name, rules: OnDemandSiteFile(path: path, warning: warning).rules)
                continue
            }
            // A file of the same name read before is replaced (looked for only when there is one).
            if hasSite(key) {
                sites[key] = nil
                signatures.removeAll { $0.site == key }
            }
            let file = OnDemandSiteFile(path: path, warning: warning)
            onDemand[key] = file
            signatures.append(.onDemand(file, site: key))
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
        signatures += rules.signatures.map { .compiled($0, site: key) }
        onDemand[key] = nil
        sites[key] = rules
    }

    /// Number of site files.
    public var siteCount: Int { sites.count + onDemand.count }

    /// Every site file's `test_url` (with its `test_contains`), in file and line order.
    public var siteTests: [RuleSet.SiteTest] {
        (sites.values.flatMap(\.tests) + onDemand.values.flatMap(\.rules.tests)).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
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
            if hasSite(String(candidate)) { return String(candidate) }
            if !isHostItself, hasSite("." + candidate) { return "." + candidate }
            guard let dot = candidate.firstIndex(of: ".") else { break }
            candidate = candidate[candidate.index(after: dot)...]
            isHostItself = false
        }
        return nil
    }

    private func hasSite(_ name: String) -> Bool {
        sites[name] != nil || onDemand[name] != nil
    }

    /// The site whose signature line appears in a plain-text scrape: the first line (trimmed) that
    /// a signature matches, and of the signatures that match it, the first. Line-local signatures
    /// search all lines at once and test only the lines where that search found a match.
    func siteName(forLines lines: [Substring]) -> String? {
        guard !signatures.isEmpty else { return nil }
        let signatures = self.signatures.flatMap(\.patterns)
        guard !signatures.isEmpty else { return nil }
        let trimmed = lines.map { Self.trimmed($0) }
        let joined = DocumentLines(Document(blocks: [Block(kind: .paragraph, lines: trimmed)]))
        var best: (line: Int, signature: Int)?
        for (number, signature) in signatures.enumerated() {
            let candidates = joined.flatMap { signature.pattern.candidateLines(in: $0) }
            let end = best?.line ?? trimmed.count - 1
            guard end >= 0 else { break }
            for index in 0...end where candidates?[index] ?? true {
                let text = trimmed[index]
                guard !text.isEmpty, signature.pattern.matches(text) else { continue }
                if best.map({ index < $0.line }) ?? true { best = (index, number) }
                break
            }
        }
        return best.map { signatures[$0.signature].site }
    }

    /// `line.trimmingWhitespace()`, without walking Characters when the line starts and ends with
    /// ASCII that is not whitespace (as normalized lines do): such a byte is a Character of its
    /// own at the end, and the first scalar of the first Character, which is what decides.
    private static func trimmed(_ line: Substring) -> String {
        let utf8 = line.utf8
        if let first = utf8.first, let last = utf8.last, isASCIIInk(first), isASCIIInk(last) { return String(line) }
        return String(line.trimmingWhitespace())
    }

    private static func isASCIIInk(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// The site's rules (when there is a site file) followed by the global rules.
    func rules(forSite site: String?) -> RuleSet {
        guard let site else { return global }
        if let siteRules = sites[site] { return siteRules.merged(with: global) }
        if let file = onDemand[site] { return file.rules.merged(with: global) }
        return global
    }
}

/// Where a site's signature lines come from: a file already compiled, or an on-demand file
/// (whose lines are read with the file).
private enum SignatureSource: Sendable {
    case compiled(Pattern, site: String)
    case onDemand(OnDemandSiteFile, site: String)

    var site: String {
        switch self {
        case .compiled(_, let site), .onDemand(_, let site): site
        }
    }

    var patterns: [(pattern: Pattern, site: String)] {
        switch self {
        case .compiled(let pattern, let site): [(pattern, site)]
        case .onDemand(let file, let site): file.rules.signatures.map { ($0, site) }
        }
    }
}

/// A site file of an on-demand directory: read, parsed leniently and compiled on first use.
final class OnDemandSiteFile: Sendable {
    let path: String
    private let warning: @Sendable (RuleError) -> Void
    private let loaded = Mutex<RuleSet?>(nil)

    init(path: String, warning: @escaping @Sendable (RuleError) -> Void) {
        self.path = path
        self.warning = warning
    }

    /// The file's rules, compiled on the first call; a file that cannot be read is a warning and no rules.
    var rules: RuleSet {
        loaded.withLock { loaded in
            if let loaded { return loaded }
            var rules = RuleSet()
            if let data = FileManager.default.contents(atPath: path) {
                var parser = RuleParser(file: path, mode: .lenient)
                do {
                    rules = try parser.parse(String(decoding: data, as: UTF8.self))
                } catch let error as RuleError {
                    warning(error)
                } catch {
                    warning(RuleError(file: path, line: 0, message: "\(error)"))
                }
                parser.warnings.forEach(warning)
            } else {
                warning(RuleError(file: path, line: 0, message: "cannot read rule file"))
            }
            loaded = rules
            return rules
        }
    }
}

/// A directory's entry names, read with readdir(3): thousands of names in a millisecond or two.
enum DirectoryListing {
    static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
