import Dispatch
import Synchronization

/// A `--rules-lenient` directory listed on another thread while the rest of start-up goes on
/// (the built-in rules, the patterns compiled ahead), and, when a plain-text scrape without an
/// address is to come, its `signature_line` scan started on that thread as soon as the listing
/// is made: listing ftr-site-config's 2,000 names and reading the scan's cache were on the main
/// thread's way before it could clean, and the scan began only after them.
/// `RuleLibrary.addDirectoryOnDemand(_:warning:)` takes the listing (waiting for it if needed).
public final class DirectoryListedAhead: Sendable {
    let directory: String
    let signatureCache: String?
    /// Left when the listing is made, and when the scan is (it reads its cache first).
    private let listed = DispatchGroup()
    private let scanMade = DispatchGroup()
    private let result = Mutex<(listing: DirectoryListing?, scan: SignatureScan?)>((nil, nil))

    /// Starts listing `directory` (its names kept under `signatureCache`, `ListingCache`) on
    /// another thread; `scanningSignatures`: then starts the scan of which files name
    /// `signature_line` (with its cache there too), that thread taking part in it.
    public init(_ directory: String, signatureCache: String?, scanningSignatures: Bool) {
        self.directory = directory
        self.signatureCache = signatureCache
        listed.enter()
        scanMade.enter()
        DispatchQueue.global().async { [self] in
            let listing = DirectoryListing.ruleFiles(in: directory, cacheDirectory: signatureCache)
            result.withLock { $0.listing = listing }
            listed.leave()
            let scan = scanningSignatures ? listing.map { SignatureScan($0, in: directory, cacheDirectory: signatureCache) } : nil
            result.withLock { $0.scan = scan }
            scanMade.leave()
            guard let scan else { return }
            for _ in 0..<max(0, scan.helpers - 1) { DispatchQueue.global().async { scan.work() } }
            if scan.helpers > 0 { scan.work() }
        }
    }

    /// The listing once made (nil when the directory cannot be read).
    func listing() -> DirectoryListing? {
        listed.wait()
        return result.withLock { $0.listing }
    }

    /// The scan started with the listing once made (nil when none was asked for, or there is no listing).
    func scan() -> SignatureScan? {
        scanMade.wait()
        return result.withLock { $0.scan }
    }
}
