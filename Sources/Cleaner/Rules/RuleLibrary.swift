import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// All rule files in force: `global.txt` for every document and one file per site, from the
/// built-in rules and any `--rules DIR` (whose files replace built-in files of the same name).
public struct RuleLibrary: Sendable {
    public static let globalName = "global"

    private(set) var global = RuleSet()
    private(set) var sites: [String: RuleSet] = [:]
    /// On-demand directories, in the order added: a later one's file replaces an earlier one's of the same name.
    private var directories: [OnDemandLayer] = []
    /// Lines that identify a site's plain-text scrapes, with the site they name, in file order;
    /// an on-demand directory stands for its files' signature lines, read when they are needed.
    private var signatures: [SignatureSource] = []
    /// The patterns of `signatures`, read once from their files; made anew whenever `signatures` change.
    private var signatureIndex = SignatureIndex()
    /// Broken rules skipped in lenient mode.
    public private(set) var warnings: [RuleError] = []

    public init() {}

    /// The rules compiled into the binary (from the repository's `Rules/`): found from any directory.
    /// Their patterns are compiled when first used (a test compiles them all). Their directives
    /// were read ahead (`BuiltinDirectives.swift`, checked against the files by a test): reading
    /// the files' lines cost start-up 1.4 million instructions.
    public static func builtin() throws -> RuleLibrary {
        var library = RuleLibrary()
        let files = RuleFile.builtin
        let readAhead = BuiltinRules.directives.map(\.file) == files.map(\.name)
        for (index, file) in files.enumerated() {
            var parser = RuleParser(file: file.path, mode: .strict, compilesPatternsOnUse: true)
            let rules = readAhead ? try parser.parse(directives: BuiltinRules.directives[index].directives) : try parser.parse(file.text)
            library.add(name: file.name, rules: rules)
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
    /// thread, once); its broken rules go to `warning` then. `global.txt` is read at once. When a
    /// plain-text scrape without an address needs the `signature_line`s, every file's bytes are
    /// searched for the directive's name and only the files that hold it are parsed.
    /// Start-up costs a directory listing and a hash table of its names: no file is read or
    /// made into an object before it is needed.
    ///
    /// `signatureCache`: a directory (such as `userCacheDirectory`) where each file's stamp and
    /// whether it names `signature_line` are kept between runs, so that a file is not read again
    /// for that while it stays the same, and the directory's names (`ListingCache`); nil reads them all.
    public mutating func addDirectoryOnDemand(
        _ directory: String, signatureCache: String? = nil, warning: @escaping @Sendable (RuleError) -> Void
    ) throws {
        try addDirectoryOnDemand(directory, listing: DirectoryListing.ruleFiles(in: directory, cacheDirectory: signatureCache), ahead: nil, signatureCache: signatureCache, warning: warning)
    }

    /// `addDirectoryOnDemand` of a directory listed on another thread (and its scan started there).
    public mutating func addDirectoryOnDemand(_ listed: DirectoryListedAhead, warning: @escaping @Sendable (RuleError) -> Void) throws {
        try addDirectoryOnDemand(listed.directory, listing: listed.listing(), ahead: listed, signatureCache: listed.signatureCache, warning: warning)
    }

    private mutating func addDirectoryOnDemand(
        _ directory: String, listing: DirectoryListing?, ahead: DirectoryListedAhead?, signatureCache: String?,
        warning: @escaping @Sendable (RuleError) -> Void
    ) throws {
        guard let listing else {
            throw RuleError(file: directory, line: 0, message: "cannot read rules directory")
        }
        let files = OnDemandDirectory(path: directory, listing: listing, cacheDirectory: signatureCache, ahead: ahead, warning: warning)
        for index in listing.globalIndices { add(name: Self.globalName, rules: files.file(index).rules) }
        // A compiled file of the same name is replaced: looked for among the few compiled ones,
        // not once for each of thousands of names (a site is compiled or on demand, never both).
        // An earlier directory's file of the same name is passed over where this one's is found first.
        let replaced = sites.keys.filter { files.contains($0) }
        for key in replaced {
            sites[key] = nil
            signatures.removeAll { $0.site == key }
        }
        directories.append(OnDemandLayer(files: files))
        signatures.append(.directory(directories.count - 1))
        signatureIndex = SignatureIndex()
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
        signatureIndex = SignatureIndex()
        for index in directories.indices where directories[index].files.contains(key) { directories[index].masked.insert(key) }
        sites[key] = rules
    }

    /// The user's cache directory for `addDirectoryOnDemand`'s `signatureCache`: `$XDG_CACHE_HOME/clean`,
    /// else `$HOME/.cache/clean`; nil when neither variable is set.
    public static var userCacheDirectory: String? { SignatureScanCache.defaultDirectory() }

    /// Number of site files.
    public var siteCount: Int { sites.count + onDemandFiles.count }

    /// Every site file's `test_url` (with its `test_contains`), in file and line order.
    public var siteTests: [RuleSet.SiteTest] {
        (sites.values.flatMap(\.tests) + onDemandFiles.flatMap(\.rules.tests)).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The on-demand site files in force: of each name, the last directory's, unless a compiled file replaced it.
    private var onDemandFiles: [OnDemandSiteFile] {
        directories.indices.flatMap { layer in
            directories[layer].files.listing.indicesInForce.filter { inForce(directories[layer].files.listing.key($0), layer: layer) }
                .map { directories[layer].files.file($0) }
        }
    }

    /// Whether directory `layer`'s file of key `key` (which it holds) is the one in force.
    private func inForce(_ key: String, layer: Int) -> Bool {
        !directories[layer].masked.contains(key) && !directories[(layer + 1)...].contains { $0.files.contains(key) }
    }

    /// The on-demand file in force for `key`: the last directory's that holds it and did not see it replaced.
    private func onDemandFile(_ key: String) -> OnDemandSiteFile? {
        for layer in directories.reversed() where layer.files.contains(key) {
            return layer.masked.contains(key) ? nil : layer.files.file(forKey: key)
        }
        return nil
    }

    /// Starts reading which on-demand files name `signature_line` on other threads, for a
    /// plain-text scrape without an address that is about to need them.
    public func scanSignaturesAhead() {
        guard signatureIndex.isEmpty else { return }
        for layer in directories { layer.files.scanSignaturesAhead() }
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
        sites[name] != nil || onDemandFile(name) != nil
    }

    /// The site whose signature line appears in a plain-text scrape: the first line (trimmed) that
    /// a signature matches, and of the signatures that match it, the first. Line-local signatures
    /// search all lines at once and test only the lines where that search found a match.
    func siteName(forLines lines: [Substring]) -> String? {
        guard !signatures.isEmpty else { return nil }
        let signatures = signatureIndex.patterns(of: self.signatures, in: directories, inForce: inForce)
        guard !signatures.isEmpty else { return nil }
        let trimmed = lines.map { Self.trimmed($0) }
        if let joined = DocumentLines(lines: trimmed) { return siteName(signatures, joined) }
        return siteName(signatures, count: trimmed.count, candidates: { _ in nil }, matches: { !trimmed[$1].isEmpty && $0.matches(String(trimmed[$1])) })
    }

    /// `siteName(forLines:)` of lines joined already (the text reader's, each line normalized): the
    /// signatures search that text as it is, unless trimming would change a line.
    func siteName(forJoined lines: DocumentLines) -> String? {
        guard !signatures.isEmpty else { return nil }
        let signatures = signatureIndex.patterns(of: self.signatures, in: directories, inForce: inForce)
        guard !signatures.isEmpty else { return nil }
        guard Self.areTrimmed(lines) else {
            return siteName(forLines: (0..<lines.count).map { index in lines.withLine(index) { Substring(String(decoding: $0, as: UTF8.self)) } })
        }
        return siteName(signatures, lines)
    }

    /// True when trimming leaves every line of `lines` as it is.
    private static func areTrimmed(_ lines: DocumentLines) -> Bool {
        lines.text.withUnsafeBufferPointer { text in
            for index in 0..<lines.count {
                let bytes = UnsafeBufferPointer(rebasing: text[lines.bounds(of: index)])
                guard !bytes.isEmpty, mayTrim(bytes) else { continue }
                let line = Substring(String(decoding: bytes, as: UTF8.self))
                if trimmed(line).utf8.count != line.utf8.count { return false }
            }
            return true
        }
    }

    /// The first signature match in trimmed lines joined as `joined`. A built-in signature's
    /// literals are looked for in the text first, whatever its size: a scrape seldom holds them,
    /// and two searches for them cost less than two searches of the whole text for the patterns.
    private func siteName(_ signatures: [(pattern: Pattern, site: String)], _ joined: DocumentLines) -> String? {
        siteName(
            signatures, count: joined.count, candidates: { $0.candidateLines(in: joined, searchesLiterals: true) },
            matches: { pattern, index in joined.withLine(index) { !$0.isEmpty && pattern.matches(bytes: $0) } })
    }

    /// The first of `count` trimmed lines that a signature matches (`matches(pattern, line)`, false
    /// for an empty line), and of the signatures that match it, the first.
    private func siteName(
        _ signatures: [(pattern: Pattern, site: String)], count: Int, candidates: (Pattern) -> [Bool]?, matches: (Pattern, Int) -> Bool
    ) -> String? {
        var best: (line: Int, signature: Int)?
        for (number, signature) in signatures.enumerated() {
            let candidates = candidates(signature.pattern)
            let end = best?.line ?? count - 1
            guard end >= 0 else { break }
            for index in 0...end where candidates?[index] ?? true {
                guard matches(signature.pattern, index) else { continue }
                if best.map({ index < $0.line }) ?? true { best = (index, number) }
                break
            }
        }
        return best.map { signatures[$0.signature].site }
    }

    /// `line.trimmingWhitespace()`, without walking Characters when the line starts and ends with
    /// ASCII that is not whitespace (as normalized lines do): such a byte is a Character of its
    /// own at the end, and the first scalar of the first Character, which is what decides.
    private static func trimmed(_ line: Substring) -> Substring {
        let utf8 = line.utf8
        if let first = utf8.first, let last = utf8.last, isASCIIInk(first), isASCIIInk(last) { return line }
        return line.trimmingWhitespace()
    }

    /// False when `trimmed` leaves `line` (valid UTF-8) as it is, said from a few scalars at its
    /// ends: a Character is whitespace when its first scalar is, so the first scalar decides at
    /// the start; at the end, the last Character starts at or after the last ASCII byte (an ASCII
    /// character other than whitespace joins no cluster before it but as a Prepend's follower, and
    /// a Prepend is no whitespace), so that byte and the scalars after it decide.
    private static func mayTrim(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, let last = line.last else { return false }
        if isASCIIInk(first), isASCIIInk(last) { return false }
        if first < 0x80 ? !isASCIIInk(first) : isWhitespace(at: 0, in: line) { return true }
        var index = line.count - 1
        while index >= 0, line[index] >= 0x80 {
            // A lead byte (not 10xxxxxx) starts a scalar.
            if line[index] >= 0xC0, isWhitespace(at: index, in: line) { return true }
            index -= 1
        }
        return index >= 0 && !isASCIIInk(line[index])
    }

    /// Whether the non-ASCII scalar that starts at `index` is White_Space (U+0085, U+00A0,
    /// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), from its bytes.
    private static func isWhitespace(at index: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = line[index]
        if lead == 0xC2 { return index + 1 < line.count && (line[index + 1] == 0x85 || line[index + 1] == 0xA0) }
        guard lead >= 0xE1, lead <= 0xE3, index + 2 < line.count else { return false }
        switch (lead, line[index + 1], line[index + 2]) {
        case (0xE1, 0x9A, 0x80), (0xE3, 0x80, 0x80): return true
        case (0xE2, 0x80, let third): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF
        case (0xE2, 0x81, 0x9F): return true
        default: return false
        }
    }

    private static func isASCIIInk(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// The site's rules (when there is a site file) followed by the global rules.
    func rules(forSite site: String?) -> RuleSet {
        guard let site else { return global }
        if let siteRules = sites[site] { return siteRules.merged(with: global) }
        if let file = onDemandFile(site) { return file.rules.merged(with: global) }
        return global
    }
}

/// An on-demand directory as a library holds it: the names of its files that a compiled file added later replaced.
private struct OnDemandLayer: Sendable {
    let files: OnDemandDirectory
    var masked: Set<String> = []
}

/// Where a site's signature lines come from: a file already compiled, or an on-demand directory
/// (by its index in the library's directories), whose files' lines are read when needed.
private enum SignatureSource: Sendable {
    case compiled(Pattern, site: String)
    case directory(Int)

    /// The site of a compiled file's line (nil for a directory).
    var site: String? {
        guard case .compiled(_, let site) = self else { return nil }
        return site
    }
}

/// The signature lines of a library's sources in order, read from their files on the first
/// plain-text scrape without an address (by one thread; the others wait for it) and kept.
private final class SignatureIndex: Sendable {
    private let patterns = Mutex<[(pattern: Pattern, site: String)]?>(nil)

    /// No scrape asked for the patterns yet.
    var isEmpty: Bool { patterns.withLock { $0 == nil } }

    /// `inForce(key, layer)`: whether directory `layer`'s file of that key is the one in force.
    func patterns(
        of sources: [SignatureSource], in directories: [OnDemandLayer], inForce: (String, Int) -> Bool
    ) -> [(pattern: Pattern, site: String)] {
        patterns.withLock { patterns in
            if let patterns { return patterns }
            var read: [(pattern: Pattern, site: String)] = []
            for source in sources {
                switch source {
                case .compiled(let pattern, let site):
                    read.append((pattern, site))
                case .directory(let layer):
                    let files = directories[layer].files
                    for index in files.signatureFiles() {
                        let key = files.listing.key(index)
                        guard inForce(key, layer) else { continue }
                        read += files.file(index).rules.signatures.map { ($0, key) }
                    }
                }
            }
            patterns = read
            return read
        }
    }
}
