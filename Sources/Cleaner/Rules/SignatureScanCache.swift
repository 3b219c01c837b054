#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Dispatch
import Synchronization

/// Which files of a `--rules-lenient` directory hold a `signature_line` and which do not, kept
/// between runs in the user's cache directory: a plain-text scrape without an address needs every
/// file's signature lines, and checking a file's stamp (one `fstatat`) costs a third of reading it.
///
/// One file per rules directory, named by a hash of the directory's real path, written whole to a
/// temporary file and renamed over the old one. An entry stands only while its file's stamp is the
/// same; a file read while it may still be changing (modified in the last seconds, within one tick
/// of the file system's clock) is not recorded. The cache is never required: a missing, corrupt or
/// unwritable one leaves the files to be read, and is written anew when it can be.
///
/// Format: a line naming the format, a line with the directory's real path, then one record a
/// file, in the order the directory lists them: 7 little-endian 64-bit integers (inode, size,
/// modification and status change time in seconds and nanoseconds, 1 when the file names the
/// directive else 0), the name's length (16 bits) and the name. Read without a parse: 2,000
/// records in well under a million instructions.
struct SignatureScanCache: Sendable {
    static let header = "clean rule files and their signature_line 2"

    /// A file's stamp when it was read, and whether its bytes name the directive.
    struct Entry: Equatable, Sendable {
        let stamp: FileStamp
        let holdsSignature: Bool
    }
    /// A file modified this recently may change again within the same time stamp.
    static let settlingSeconds: Int64 = 2
    private static let fieldsSize = 7 * 8 + 2

    private let path: String
    private let now: Int64
    private let head: [UInt8]
    /// The cache file's bytes (empty: none, or of another directory).
    private let bytes: [UInt8]
    /// The entry recorded for each name of the listing, by index (nil: none, or the cache is corrupt).
    let recorded: [Entry?]
    /// The records are the listing's names in order, one for each and no more: then a run that
    /// finds every file as recorded writes nothing.
    private let inListingOrder: Bool

    /// The cache of rules directory `directory` under `cacheDirectory`, read for the names of
    /// `listing` (nil when the directory has no real path). Records are compared with the names
    /// in turn, as they were written while the directory stays the same; by name (a String
    /// each) only when they differ.
    init?(directory: String, cacheDirectory: String, listing: DirectoryListing) {
        guard let resolved = realpath(directory, nil) else { return nil }
        let directory = String(cString: resolved)
        free(resolved)
        path = FilePaths.join(cacheDirectory, "signature-free-\(FNV1a.hex(directory)).bin")
        now = Int64(time(nil))
        let head = Array((Self.header + "\n" + directory + "\n").utf8)
        self.head = head
        var bytes: [UInt8] = []
        if let read = try? FileIO.read(path: path), read.starts(with: head) { bytes = read }
        self.bytes = bytes
        var entries: [Entry?] = []
        entries.reserveCapacity(listing.count)
        var index = head.count
        if !bytes.isEmpty {
            listing.withNames { names in
                bytes.withUnsafeBufferPointer { records in
                    for name in 0..<listing.count {
                        var after = index
                        guard let (entry, nameRange) = Self.record(in: bytes, at: &after),
                              listing.name(name).count == nameRange.count,
                              let left = records.baseAddress, let right = names.baseAddress,
                              memcmp(left + nameRange.lowerBound, right + listing.nameStart(name), nameRange.count) == 0
                        else { break }
                        entries.append(entry)
                        index = after
                    }
                }
            }
        }
        inListingOrder = !bytes.isEmpty && entries.count == listing.count && index == bytes.count
        if inListingOrder {
            recorded = entries
        } else if !bytes.isEmpty, let byName = Self.records(in: bytes, from: head.count) {
            recorded = (0..<listing.count).map { byName[listing.nameString($0)] }
        } else {
            recorded = Array(repeating: nil, count: listing.count)
        }
    }

    /// Writes what this run found of each name of `listing` (nil: nothing to record), unless it
    /// is what was read; a file modified in the last seconds is not recorded. Failures are ignored.
    func save(_ found: [Entry?], of listing: DirectoryListing) {
        if inListingOrder, found == recorded { return }
        var out = head
        out.reserveCapacity(head.count + listing.count * (Self.fieldsSize + 24))
        for (index, entry) in found.enumerated() {
            let name = listing.name(index)
            guard let entry, entry.stamp.modified < now - Self.settlingSeconds, name.count <= Int(UInt16.max) else { continue }
            // The fields in one append and the name in another: an append a field cost 1,500 instructions a record.
            let stamp = entry.stamp
            let fields = (
                Int64(bitPattern: stamp.inode).littleEndian, stamp.size.littleEndian, stamp.modified.littleEndian,
                stamp.modifiedNanoseconds.littleEndian, stamp.changed.littleEndian, stamp.changedNanoseconds.littleEndian,
                Int64(entry.holdsSignature ? 1 : 0).littleEndian, UInt16(name.count).littleEndian)
            withUnsafeBytes(of: fields) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<Self.fieldsSize])) }
            out.append(contentsOf: name)
        }
        if out == bytes { return }
        FileIO.replaceIgnoringFailure(path, with: out)
    }

    /// All records from `start`; nil when any is malformed (then none is trusted).
    static func records(in bytes: [UInt8], from start: Int) -> [String: Entry]? {
        var entries: [String: Entry] = [:]
        var index = start
        while index < bytes.count {
            guard let (entry, nameRange) = record(in: bytes, at: &index),
                  let name = String(validating: bytes[nameRange], as: UTF8.self)
            else { return nil }
            entries[name] = entry
        }
        return entries
    }

    /// The record at `index` (moved past it) and where its name is; nil when it is malformed.
    static func record(in bytes: [UInt8], at index: inout Int) -> (Entry, Range<Int>)? {
        guard index >= 0, bytes.count - index >= fieldsSize else { return nil }
        return bytes.withUnsafeBytes { raw -> (Entry, Range<Int>)? in
            func field(_ number: Int) -> Int64 {
                Int64(littleEndian: raw.loadUnaligned(fromByteOffset: index + number * 8, as: Int64.self))
            }
            let length = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index + 56, as: UInt16.self)))
            let nameStart = index + fieldsSize
            let flag = field(6)
            guard length > 0, bytes.count - nameStart >= length, field(1) >= 0, flag == 0 || flag == 1 else { return nil }
            let stamp = FileStamp(inode: UInt64(bitPattern: field(0)), size: field(1), modified: field(2),
                                  modifiedNanoseconds: field(3), changed: field(4), changedNanoseconds: field(5))
            index = nameStart + length
            return (Entry(stamp: stamp, holdsSignature: flag == 1), nameStart..<(nameStart + length))
        }
    }

    /// Where the caches go: `$XDG_CACHE_HOME/clean`, else `$HOME/.cache/clean`; nil when neither is set.
    static func defaultDirectory() -> String? {
        if let base = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), base.hasPrefix("/") {
            return FilePaths.join(base, "clean")
        }
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
            return FilePaths.join(home, ".cache/clean")
        }
        return nil
    }
}

/// Finds which files of an on-demand directory may hold `signature_line`s: from the directory's
/// cache when a file's stamp is the one recorded, else by reading the file. A directive's name is
/// ASCII and read in any letter case (`RuleParser.split` lowercases it), so a file whose bytes do
/// not hold the name in some letter case has no such directive, and is not parsed: ftr-site-config's
/// 2,000 files hold none, and parsing them all cost 300 million instructions.
///
/// On a large collection these are thousands of system calls (one `fstatat` a file recorded, or
/// `openat`, `fstat`, `read` and `close`), about 2 microseconds each: they are spread over the
/// cores. Threads started with the scan (`helpers`) and any thread that then needs its answer
/// (`run`) take runs of `run` files until none is left, so that a thread held up (by the
/// patterns compiled ahead, or another process) leaves the rest to the others.
final class SignatureScan: Sendable {
    private static let directive = Array("signature_line".utf8)
    /// The most threads a scan runs on, and the fewest files worth a second thread for.
    static let threadLimit = 8
    static let minimumFilesForThreads = 256
    /// Files a thread probes at a time: about 0.1 ms of work.
    static let run = 64

    /// What probing a file found: the entry to record (nil: none, the file had no stamp or
    /// could not be read) and whether the file may hold the directive (also when unreadable,
    /// so that reading it again says so).
    struct Probe: Sendable {
        var entry: SignatureScanCache.Entry?
        var mayHoldSignature: Bool
    }

    private let listing: DirectoryListing
    private let directory: String
    private let cache: SignatureScanCache?
    private let recorded: [SignatureScanCache.Entry?]
    private let nextRun = Atomic<Int>(0)
    private let probes: Mutex<[Probe]>
    /// The threads taking runs: the answer is whole when none is left.
    private let working = DispatchGroup()
    private let answer = Mutex<[Int]?>(nil)

    /// A scan of `listing`'s files, which are `directory`'s, with the cache kept under `cacheDirectory`.
    init(_ listing: DirectoryListing, in directory: String, cacheDirectory: String?) {
        self.listing = listing
        self.directory = directory
        cache = cacheDirectory.flatMap { SignatureScanCache(directory: directory, cacheDirectory: $0, listing: listing) }
        recorded = cache?.recorded ?? Array(repeating: nil, count: listing.count)
        probes = Mutex(Array(repeating: Probe(entry: nil, mayHoldSignature: true), count: listing.count))
    }

    /// Threads worth starting besides the one that will need the answer: none on one core or for a small directory.
    var helpers: Int {
        guard listing.count >= Self.minimumFilesForThreads else { return 0 }
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(0, min(Self.threadLimit, cores, (listing.count + Self.run - 1) / Self.run) - 1)
    }

    /// Takes runs of files until none is left, then waits for the other threads' runs.
    func work() {
        working.enter()
        let reader = DirectoryFileReader(directory: directory)
        var runs: [(start: Int, probes: [Probe])] = []
        let count = listing.count
        while true {
            let start = nextRun.add(Self.run, ordering: .relaxed).oldValue
            guard start < count else { break }
            let end = min(count, start + Self.run)
            runs.append((start, (start..<end).map { probe($0, reader: reader) }))
        }
        probes.withLock { probes in
            for run in runs { probes.replaceSubrange(run.start..<(run.start + run.probes.count), with: run.probes) }
        }
        working.leave()
        working.wait()
    }

    /// The indices of the files that may hold a `signature_line`, in listing order; the cache
    /// written on the first call. Takes part in the scan until it is done.
    func filesNamingSignature() -> [Int] {
        work()
        return answer.withLock { answer in
            if let answer { return answer }
            let probes = self.probes.withLock { $0 }
            cache?.save(probes.map(\.entry), of: listing)
            let found = probes.indices.filter { probes[$0].mayHoldSignature }
            answer = found
            return found
        }
    }

    /// A file recorded has its stamp taken, and when that is the one recorded, the record
    /// stands; any other is read and searched.
    private func probe(_ index: Int, reader: DirectoryFileReader) -> Probe {
        let recorded = self.recorded[index]
        return listing.withNames { names in
            guard let base = names.baseAddress else { return Probe(entry: nil, mayHoldSignature: true) }
            let name = UnsafeRawPointer(base + listing.nameStart(index)).assumingMemoryBound(to: CChar.self)
            if let recorded, let stamp = reader.stamp(ofFile: name), stamp == recorded.stamp {
                return Probe(entry: recorded, mayHoldSignature: recorded.holdsSignature)
            }
            return reader.withContents(ofFile: name) { bytes, stamp in
                guard let bytes else { return Probe(entry: nil, mayHoldSignature: true) }
                let holdsSignature = ByteSearch.containsIgnoringASCIICase(bytes, Self.directive)
                let entry = stamp.map { SignatureScanCache.Entry(stamp: $0, holdsSignature: holdsSignature) }
                return Probe(entry: entry, mayHoldSignature: holdsSignature)
            }
        }
    }
}
