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
    /// Site files of on-demand directories, read and compiled when a page of their site comes.
    private var onDemand: [String: OnDemandSiteFile] = [:]
    /// Lines that identify a site's plain-text scrapes, with the site they name, in file order;
    /// an on-demand file stands for its own signature lines, read when they are needed.
    private var signatures: [SignatureSource] = []
    /// The patterns of `signatures`, read once from their files; made anew whenever `signatures` change.
    private var signatureIndex = SignatureIndex(cacheDirectory: nil)
    /// Where on-demand directories keep which of their files name `signature_line` (nil: nowhere).
    private var signatureCacheDirectory: String?
    /// Broken rules skipped in lenient mode.
    public private(set) var warnings: [RuleError] = []

    public init() {}

    /// The rules compiled into the binary (from the repository's `Rules/`): found from any directory.
    /// Their patterns are compiled when first used (a test compiles them all).
    public static func builtin() throws -> RuleLibrary {
        var library = RuleLibrary()
        for file in RuleFile.builtin {
            var parser = RuleParser(file: file.path, mode: .strict, compilesPatternsOnUse: true)
            library.add(name: file.name, rules: try parser.parse(file.text))
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
    /// Start-up costs a directory listing, whatever the size of the collection.
    ///
    /// `signatureCache`: a directory (such as `userCacheDirectory`) where each file's stamp and
    /// whether it names `signature_line` are kept between runs, so that a file is not read again
    /// for that while it stays the same; nil reads them all.
    public mutating func addDirectoryOnDemand(
        _ directory: String, signatureCache: String? = nil, warning: @escaping @Sendable (RuleError) -> Void
    ) throws {
        guard let listing = DirectoryListing.ruleFiles(in: directory) else {
            throw RuleError(file: directory, line: 0, message: "cannot read rules directory")
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        onDemand.reserveCapacity(onDemand.count + listing.count)
        signatures.reserveCapacity(signatures.count + listing.count)
        for index in listing.sortedIndices() {
            let (key, fileName) = listing.keyAndName(index)
            let file = OnDemandSiteFile(directory: prefix, key: key, fileName: fileName, warning: warning)
            if key == Self.globalName {
                add(name: key, rules: file.rules)
                continue
            }
            // An on-demand file of the same name read before is replaced (its signatures looked for only when there is one).
            if onDemand.updateValue(file, forKey: key) != nil {
                signatures.removeAll { $0.site == key }
            }
            signatures.append(.onDemand(file, site: key))
        }
        // So is a compiled file of the same name: looked for among the few compiled ones, not
        // once for each of thousands of names (a site is compiled or on demand, never both).
        let replaced = sites.keys.filter { onDemand[$0] != nil }
        for key in replaced {
            sites[key] = nil
            signatures.removeAll { if case .compiled = $0 { $0.site == key } else { false } }
        }
        if let signatureCache { signatureCacheDirectory = signatureCache }
        signatureIndex = SignatureIndex(cacheDirectory: signatureCacheDirectory)
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
        signatureIndex = SignatureIndex(cacheDirectory: signatureCacheDirectory)
        onDemand[key] = nil
        sites[key] = rules
    }

    /// The user's cache directory for `addDirectoryOnDemand`'s `signatureCache`: `$XDG_CACHE_HOME/clean`,
    /// else `$HOME/.cache/clean`; nil when neither variable is set.
    public static var userCacheDirectory: String? { SignatureScanCache.defaultDirectory() }

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
        let signatures = signatureIndex.patterns(of: self.signatures)
        guard !signatures.isEmpty else { return nil }
        let trimmed = lines.map { Self.trimmed($0) }
        if let joined = DocumentLines(lines: trimmed) { return siteName(signatures, joined) }
        return siteName(signatures, count: trimmed.count, candidates: { _ in nil }, matches: { !trimmed[$1].isEmpty && $0.matches(String(trimmed[$1])) })
    }

    /// `siteName(forLines:)` of lines joined already (the text reader's, each line normalized): the
    /// signatures search that text as it is, unless trimming would change a line.
    func siteName(forJoined lines: DocumentLines) -> String? {
        guard !signatures.isEmpty else { return nil }
        let signatures = signatureIndex.patterns(of: self.signatures)
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

    /// The first signature match in trimmed lines joined as `joined`.
    private func siteName(_ signatures: [(pattern: Pattern, site: String)], _ joined: DocumentLines) -> String? {
        siteName(
            signatures, count: joined.count, candidates: { $0.candidateLines(in: joined) },
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

    /// The directory of an on-demand file.
    var directory: String? {
        guard case .onDemand(let file, _) = self else { return nil }
        return file.directory
    }

    /// The name of an on-demand file whose signature lines are still to be looked for.
    var unscannedName: String? {
        guard case .onDemand(let file, _) = self else { return nil }
        return file.unscannedName
    }

    /// `name` and `probe`: the on-demand file's name and what probing it found, when known.
    func patterns(scanner: SignatureScanner, name: String? = nil, probe: FileProbe? = nil) -> [(pattern: Pattern, site: String)] {
        switch self {
        case .compiled(let pattern, let site): [(pattern, site)]
        case .onDemand(let file, let site): file.signatures(scanner: scanner, name: name, probe: probe).map { ($0, site) }
        }
    }
}

/// The signature lines of a library's sources in order, read from their files on the first
/// plain-text scrape without an address (by one thread; the others wait for it) and kept.
private final class SignatureIndex: Sendable {
    private let cacheDirectory: String?
    private let patterns = Mutex<[(pattern: Pattern, site: String)]?>(nil)

    init(cacheDirectory: String?) {
        self.cacheDirectory = cacheDirectory
    }

    func patterns(of sources: [SignatureSource]) -> [(pattern: Pattern, site: String)] {
        patterns.withLock { patterns in
            if let patterns { return patterns }
            let scanner = SignatureScanner(cacheDirectory: cacheDirectory)
            var read: [(pattern: Pattern, site: String)] = []
            var start = 0
            while start < sources.count {
                // The files of one directory, one after the other, are probed together, then scanned in order.
                let directory = sources[start].directory
                var end = start + 1
                while end < sources.count, sources[end].directory == directory { end += 1 }
                let files = sources[start..<end]
                guard let directory else {
                    for source in files { read += source.patterns(scanner: scanner) }
                    start = end
                    continue
                }
                let names = files.map(\.unscannedName)
                let probes = scanner.probe(names.compactMap { $0 }, in: directory)
                var next = 0
                for (source, name) in zip(files, names) {
                    // A file compiled meanwhile (for a page of its site) is not scanned: its probe goes unused.
                    var probe: FileProbe?
                    if name != nil {
                        probe = probes[next]
                        next += 1
                    }
                    read += source.patterns(scanner: scanner, name: name, probe: probe)
                }
                start = end
            }
            scanner.save()
            patterns = read
            return read
        }
    }
}

/// A site file of an on-demand directory: read, parsed leniently and compiled on first use.
final class OnDemandSiteFile: Sendable {
    /// The directory's path with a final "/", shared by all its files.
    let directory: String
    /// The file's name without ".txt", lowercased; `fileName` is the name as listed when it differs.
    private let key: String
    private let fileName: String?
    private let warning: @Sendable (RuleError) -> Void
    private let state = Mutex(State())

    private struct State {
        var rules: RuleSet?
        /// The file's bytes were read for its signature lines and hold no `signature_line`.
        var holdsNoSignature = false
    }

    init(directory: String, key: String, fileName: String?, warning: @escaping @Sendable (RuleError) -> Void) {
        self.directory = directory
        self.key = key
        self.fileName = fileName
        self.warning = warning
    }

    /// The file's name in its directory, as listed.
    private var name: String { fileName ?? key + ".txt" }

    /// The path its messages name, made when the file is read: most files are never read.
    var path: String { directory + name }

    /// The file's rules, compiled on the first call; a file that cannot be read is a warning and no rules.
    var rules: RuleSet {
        state.withLock { state in
            if let rules = state.rules { return rules }
            let rules = compile(try? FileIO.read(path: path))
            state.rules = rules
            return rules
        }
    }

    /// The file's name in its directory while its signature lines are still to be looked for.
    var unscannedName: String? {
        let unscanned = state.withLock { $0.rules == nil && !$0.holdsNoSignature }
        return unscanned ? name : nil
    }

    /// The file's `signature_line` patterns. A file whose bytes do not name the directive is not
    /// parsed for them (nor are its broken rules warned of: that waits for a page of its site).
    /// `name`: `unscannedName`, when made already; `probe`: what probing the file found.
    func signatures(scanner: SignatureScanner, name: String? = nil, probe: FileProbe? = nil) -> [Pattern] {
        state.withLock { state in
            if let rules = state.rules { return rules.signatures }
            if state.holdsNoSignature { return [] }
            let name = name ?? self.name
            let rules = scanner.scan(name, in: directory, probe: probe) { compile($0.map(Array.init)) }
            guard let rules else {
                state.holdsNoSignature = true
                return []
            }
            state.rules = rules
            return rules.signatures
        }
    }

    /// The rules of the file's bytes (nil: it could not be read), its broken rules sent to `warning`.
    private func compile(_ bytes: [UInt8]?) -> RuleSet {
        let path = self.path
        guard let bytes else {
            warning(RuleError(file: path, line: 0, message: "cannot read rule file"))
            return RuleSet()
        }
        var rules = RuleSet()
        var parser = RuleParser(file: path, mode: .lenient)
        do {
            rules = try parser.parse(String(decoding: bytes, as: UTF8.self))
        } catch let error as RuleError {
            warning(error)
        } catch {
            warning(RuleError(file: path, line: 0, message: "\(error)"))
        }
        parser.warnings.forEach(warning)
        return rules
    }
}

/// A directory's rule file names (as `RuleFile.isRuleFileName` says), read with readdir(3) into one
/// buffer and checked as bytes: a collection such as ftr-site-config lists 2,000 names at every
/// start-up, where a String, a sort by Unicode rules and a path for each cost 10,000 instructions a name.
struct DirectoryListing {
    private var bytes: [UInt8] = []
    /// Where each name starts in `bytes`, and one more entry: the end of the last.
    private var starts: [Int] = [0]
    /// Some name holds a byte that is not ASCII: then names sort as Strings do.
    private var hasNonASCII = false

    var count: Int { starts.count - 1 }

    static func ruleFiles(in directory: String) -> DirectoryListing? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var listing = DirectoryListing()
        listing.bytes.reserveCapacity(64 * 1024)
        while let entry = readdir(stream) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.assumingMemoryBound(to: UInt8.self)
                let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
                guard RuleFile.isRuleFileName(name) else { return }
                listing.bytes.append(contentsOf: name)
                listing.starts.append(listing.bytes.count)
                if !listing.hasNonASCII { listing.hasNonASCII = name.contains { $0 >= 0x80 } }
            }
        }
        return listing
    }

    private func name(_ index: Int) -> ArraySlice<UInt8> {
        bytes[starts[index]..<starts[index + 1]]
    }

    /// Indices in the order of the names as Strings (files are read in that order, and a later
    /// name replaces an earlier one of the same key). For ASCII names, byte order is that order:
    /// names are compared by their first 16 bytes as two big-endian integers (zero-padded, and
    /// names hold no zero byte, so a prefix sorts first), the rest only when those are equal.
    func sortedIndices() -> [Int] {
        if hasNonASCII {
            return (0..<count).sorted { String(decoding: name($0), as: UTF8.self) < String(decoding: name($1), as: UTF8.self) }
        }
        var keys = (0..<count).map { index in
            let name = self.name(index)
            return SortKey(high: Self.bigEndian(name.prefix(8)), low: Self.bigEndian(name.dropFirst(8).prefix(8)), index: index)
        }
        keys.sort { left, right in
            if left.high != right.high { return left.high < right.high }
            if left.low != right.low { return left.low < right.low }
            return name(left.index).lexicographicallyPrecedes(name(right.index))
        }
        return keys.map(\.index)
    }

    private struct SortKey {
        let high: UInt64
        let low: UInt64
        let index: Int
    }

    /// Up to 8 bytes as a big-endian integer, zero-padded on the right.
    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 56
        for byte in bytes {
            value |= UInt64(byte) << shift
            shift &-= 8
        }
        return value
    }

    /// The names as listed, in the order of `sortedIndices`.
    func sortedNames() -> [String] {
        sortedIndices().map { String(decoding: name($0), as: UTF8.self) }
    }

    /// The name's key (without ".txt", ASCII letters lowercased) and, when it differs from the
    /// key + ".txt", the name itself.
    func keyAndName(_ index: Int) -> (key: String, fileName: String?) {
        let name = self.name(index)
        let base = name.dropLast(4)
        guard !hasNonASCII else {
            let fileName = String(decoding: name, as: UTF8.self)
            let key = String(fileName.dropLast(4)).lowercased()
            return (key, Array((key + ".txt").utf8) == Array(fileName.utf8) ? nil : fileName)
        }
        guard base.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            return (String(decoding: base, as: UTF8.self), nil)
        }
        let lowered = base.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        return (String(decoding: lowered, as: UTF8.self), String(decoding: name, as: UTF8.self))
    }
}
