import Dispatch
import Synchronization

/// A `--rules-lenient` directory: its listing, indexed by key, and the site files made from it
/// when first asked for (a page of the site, or a `signature_line` to read). Shared by the copies
/// of a library; what a library masks of it (files replaced by later ones) is the library's.
final class OnDemandDirectory: Sendable {
    /// The directory's path with a final "/", shared by all its files.
    let path: String
    let listing: DirectoryListing
    /// Where the scan of which files name `signature_line` is kept between runs (nil: nowhere).
    private let cacheDirectory: String?
    private let warning: @Sendable (RuleError) -> Void
    /// Site files made so far, by listing index (an array, not a dictionary: a dictionary of a
    /// new type looks up its key's conformances at its first use, 230,000 instructions at start-up).
    private let files: Mutex<[OnDemandSiteFile?]>
    /// The scan of which files name `signature_line`, once started; and its answer as `signatureFiles` gives it.
    private let scan = Mutex<SignatureScan?>(nil)
    private let signatureHolders = Mutex<[Int]?>(nil)
    /// What listed the directory on another thread, and may have started the scan there.
    private let ahead: DirectoryListedAhead?

    init(path: String, listing: DirectoryListing, cacheDirectory: String?, ahead: DirectoryListedAhead? = nil, warning: @escaping @Sendable (RuleError) -> Void) {
        self.path = path.hasSuffix("/") ? path : path + "/"
        self.listing = listing
        files = Mutex(Array(repeating: nil, count: listing.count))
        self.ahead = ahead
        self.cacheDirectory = cacheDirectory
        self.warning = warning
    }

    /// Whether a site file of key `key` is in force here.
    func contains(_ key: String) -> Bool {
        listing.index(ofKey: key) != nil
    }

    /// The site file of key `key` in force here.
    func file(forKey key: String) -> OnDemandSiteFile? {
        listing.index(ofKey: key).map(file(_:))
    }

    /// The site file of listing index `index`, made on first use.
    func file(_ index: Int) -> OnDemandSiteFile {
        files.withLock { files in
            if let file = files[index] { return file }
            let file = OnDemandSiteFile(path: path + listing.nameString(index), warning: warning)
            files[index] = file
            return file
        }
    }

    /// The listing indices of the files whose bytes name `signature_line` (or that could not be
    /// read, so that reading them warns), in name order: scanned once, the calling thread taking
    /// part. Files that are not in force are left out.
    func signatureFiles() -> [Int] {
        if let holders = signatureHolders.withLock({ $0 }) { return holders }
        let scanned = startScan().filesNamingSignature()
        return signatureHolders.withLock { holders in
            if let holders { return holders }
            let found = listing.sorted(scanned.filter { listing.index(ofKey: listing.key($0)) == $0 })
            holders = found
            return found
        }
    }

    /// Starts the scan of `signatureFiles` on other threads, for a plain-text scrape without an
    /// address that will need it: its system calls then overlap the reading of the scrape.
    func scanSignaturesAhead() {
        _ = startScan()
    }

    /// The scan, made and its helper threads started on the first call.
    private func startScan() -> SignatureScan {
        scan.withLock { scan in
            if let scan { return scan }
            if let startedAhead = ahead?.scan() {
                scan = startedAhead
                return startedAhead
            }
            let started = SignatureScan(listing, in: path, cacheDirectory: cacheDirectory)
            for _ in 0..<started.helpers { DispatchQueue.global().async { started.work() } }
            scan = started
            return started
        }
    }
}

/// A site file of an on-demand directory: read, parsed leniently and compiled on first use.
final class OnDemandSiteFile: Sendable {
    /// The path its messages name.
    let path: String
    private let warning: @Sendable (RuleError) -> Void
    private let state = Mutex<RuleSet?>(nil)

    init(path: String, warning: @escaping @Sendable (RuleError) -> Void) {
        self.path = path
        self.warning = warning
    }

    /// The file's rules, compiled on the first call; a file that cannot be read is a warning and no rules.
    var rules: RuleSet {
        state.withLock { state in
            if let rules = state { return rules }
            let rules = compile(try? FileIO.read(path: path))
            state = rules
            return rules
        }
    }

    /// The rules of the file's bytes (nil: it could not be read), its broken rules sent to `warning`.
    private func compile(_ bytes: [UInt8]?) -> RuleSet {
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
