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
/// file: 7 little-endian 64-bit integers (inode, size, modification and status change time in
/// seconds and nanoseconds, 1 when the file names the directive else 0), the name's length
/// (16 bits) and the name. Read without a parse: 2,000 records in well under a million instructions.
final class SignatureScanCache {
    static let header = "clean rule files and their signature_line 2"

    /// A file's stamp when it was read, and whether its bytes name the directive.
    struct Entry: Equatable {
        let stamp: FileStamp
        let holdsSignature: Bool
    }
    /// A file modified this recently may change again within the same time stamp.
    static let settlingSeconds: Int64 = 2
    private static let fieldsSize = 7 * 8 + 2

    private let path: String
    private let directory: String
    private let now: Int64
    /// The cache file's bytes, and where the next record starts: records are read one by one, in
    /// the order files are looked at, which is the order they were written in while the directory stays the same.
    private var bytes: [UInt8] = []
    private var next = 0
    /// Records by name, read whole on the first look-up that is not the next record.
    private var byName: [String: Entry]?
    /// Every look-up so far was the next record, and found the file as recorded: what this run
    /// found is then `bytes[..<prefixEnd]`, and `found` is made only when something differs.
    private var unchanged = true
    private var prefixEnd = 0
    /// What this run found, in the order files were looked at: the cache's next contents.
    private var found: [UInt8] = []

    /// The cache of rules directory `directory` under `cacheDirectory` (nil when the directory has no real path).
    init?(directory: String, cacheDirectory: String) {
        guard let resolved = realpath(directory, nil) else { return nil }
        self.directory = String(cString: resolved)
        free(resolved)
        path = FilePaths.join(cacheDirectory, "signature-free-\(Self.hash(self.directory)).bin")
        now = Int64(time(nil))
        let head = Array((Self.header + "\n" + self.directory + "\n").utf8)
        if let bytes = try? FileIO.read(path: path), bytes.starts(with: head) {
            self.bytes = bytes
            next = head.count
            prefixEnd = head.count
        } else {
            found = head
            unchanged = false
        }
    }

    /// The entry recorded for `name`, nil when there is none (or the cache is corrupt).
    func recorded(_ name: String) -> Entry? {
        if byName == nil {
            var index = next
            if let (entry, nameRange) = Self.record(in: bytes, at: &index), Self.equal(bytes[nameRange], name) {
                next = index
                return entry
            }
            diverge()
            byName = Self.records(in: bytes, from: next)
        }
        // No cache file (a first run): nothing to hash the name for.
        guard let byName, !byName.isEmpty else { return nil }
        return byName[name]
    }

    /// What `recorded` would give for each of `names` in turn, without moving on: for probing
    /// the files ahead of the look-ups, which stay in their order.
    func peek(_ names: [String]) -> [Entry?] {
        var entries: [Entry?] = []
        entries.reserveCapacity(names.count)
        var index = next
        var byName = self.byName
        for name in names {
            if byName == nil {
                var after = index
                if let (entry, nameRange) = Self.record(in: bytes, at: &after), Self.equal(bytes[nameRange], name) {
                    index = after
                    entries.append(entry)
                    continue
                }
                byName = Self.records(in: bytes, from: index) ?? [:]
            }
            entries.append(byName?[name])
        }
        return entries
    }

    /// What this run found of `name`; `asRecorded`: the same as `recorded(name)` gave.
    func record(_ name: String, _ entry: Entry, asRecorded: Bool) {
        let nameBytes = name.utf8
        guard entry.stamp.modified < now - Self.settlingSeconds, nameBytes.count <= Int(UInt16.max) else {
            diverge()
            return
        }
        if unchanged, asRecorded {
            prefixEnd = next
            return
        }
        diverge()
        // The fields in one append and the name in another: a cold scan records 2,000 files, and
        // an append a field cost 1,500 instructions a record.
        let stamp = entry.stamp
        let fields = (
            Int64(bitPattern: stamp.inode).littleEndian, stamp.size.littleEndian, stamp.modified.littleEndian,
            stamp.modifiedNanoseconds.littleEndian, stamp.changed.littleEndian, stamp.changedNanoseconds.littleEndian,
            Int64(entry.holdsSignature ? 1 : 0).littleEndian, UInt16(nameBytes.count).littleEndian)
        withUnsafeBytes(of: fields) { found.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<Self.fieldsSize])) }
        var name = name
        name.withUTF8 { found.append(contentsOf: UnsafeRawBufferPointer($0)) }
    }

    /// From here on what this run finds is written out: the records that were the same so far first.
    private func diverge() {
        guard unchanged else { return }
        unchanged = false
        found = Array(bytes[..<prefixEnd])
    }

    /// Writes what this run found, unless it is what was read; failures are ignored.
    func save() {
        if unchanged, prefixEnd == bytes.count { return }
        diverge()
        let temporary = path + ".\(getpid()).tmp"
        do {
            try FileIO.write(found, toFile: temporary)
            if rename(temporary, path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
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

    private static func equal(_ bytes: ArraySlice<UInt8>, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { utf8 in
            bytes.withUnsafeBufferPointer { record in
                guard record.count == utf8.count else { return false }
                guard let left = record.baseAddress, let right = utf8.baseAddress else { return true }
                return memcmp(left, right, record.count) == 0
            }
        }
    }

    /// FNV-1a of the path's bytes, in hex: a file name for the directory (the path inside says which it is).
    private static func hash(_ path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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

/// Finds which on-demand rule files may hold `signature_line`s: from a directory's cache when a
/// file's stamp is the one recorded, else by reading the file. A directive's name is ASCII and
/// read in any letter case (`RuleParser.split` lowercases it), so a file whose bytes do not hold
/// the name in some letter case has no such directive, and is not parsed: ftr-site-config's
/// 2,000 files hold none, and parsing them all cost 300 million instructions.
final class SignatureScanner {
    private static let directive = Array("signature_line".utf8)
    /// Threads that probe a collection's files, and the fewest files worth starting them for:
    /// the machines this runs on have two cores or more, and the calls are in the kernel, where
    /// a third thread on two cores gains nothing.
    static let probeThreads = 2
    static let probeMinimumFiles = 256
    /// Files a thread probes at a time: about 0.1 ms of work.
    static let probeRun = 64
    private let reader = DirectoryFileReader()
    private let cacheDirectory: String?
    private var caches: [String: SignatureScanCache?] = [:]
    /// The directory of the file before, whose files come one after the other.
    private var last: (directory: String, cache: SignatureScanCache?)?

    init(cacheDirectory: String?) {
        self.cacheDirectory = cacheDirectory
    }

    /// `compile` of the file's bytes (nil: unreadable) when the file may hold a `signature_line`;
    /// nil when it holds none. `probe`: what `probe` found of the file, which stands for the same
    /// system calls made now.
    func scan<Result>(
        _ name: String, in directory: String, probe: FileProbe? = nil, compile: (UnsafeBufferPointer<UInt8>?) -> Result
    ) -> Result? {
        let cache = cache(of: directory)
        let recorded = cache?.recorded(name)
        switch probe {
        case .stamp(let stamp)?:
            if let cache, let recorded, !recorded.holdsSignature, stamp == recorded.stamp {
                cache.record(name, recorded, asRecorded: true)
                return nil
            }
        case .read(let stamp, holdsSignature: false)?:
            if let cache, let stamp {
                let entry = SignatureScanCache.Entry(stamp: stamp, holdsSignature: false)
                cache.record(name, entry, asRecorded: entry == recorded)
            }
            return nil
        default:
            break
        }
        if let cache, let recorded, !recorded.holdsSignature, reader.stamp(ofFile: name, in: directory) == recorded.stamp {
            cache.record(name, recorded, asRecorded: true)
            return nil
        }
        return reader.withContents(ofFile: name, in: directory) { bytes, stamp in
            guard let bytes else { return compile(nil) }
            let holdsSignature = ByteSearch.containsIgnoringASCIICase(bytes, Self.directive)
            if let cache, let stamp {
                let entry = SignatureScanCache.Entry(stamp: stamp, holdsSignature: holdsSignature)
                cache.record(name, entry, asRecorded: entry == recorded)
            }
            return holdsSignature ? compile(bytes) : nil
        }
    }

    /// Probes the files `names` of `directory`, which `scan` is about to be asked for in that order,
    /// on two threads: a file recorded without the directive has its stamp taken, any other is
    /// read and searched. On a large collection these are thousands of system calls (one
    /// `fstatat`, or `openat`, `fstat`, `read` and `close` a file), most of the time the cache or
    /// the reading takes; `scan` then uses each file's probe as if it had made the calls. Nil
    /// for a file that could not be read (`scan` reads it again, to say so), and for all of
    /// them when the collection is small or the machine has one core.
    func probe(_ names: [String], in directory: String) -> [FileProbe?] {
        let threads = min(Self.probeThreads, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard names.count >= Self.probeMinimumFiles, threads > 1 else { return Array(repeating: nil, count: names.count) }
        let recorded = cache(of: directory)?.peek(names) ?? Array(repeating: nil, count: names.count)
        let found = Mutex<[FileProbe?]>(Array(repeating: nil, count: names.count))
        // Each thread takes the next run of files until none is left: a thread that starts late
        // or is held up (by the patterns compiled ahead, or another process) leaves the rest to
        // the other instead of the other waiting for its half.
        let nextRun = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let reader = DirectoryFileReader()
            var runs: [(start: Int, probes: [FileProbe?])] = []
            while true {
                let start = nextRun.add(Self.probeRun, ordering: .relaxed).oldValue
                guard start < names.count else { break }
                var probes: [FileProbe?] = []
                probes.reserveCapacity(Self.probeRun)
                for index in start..<min(names.count, start + Self.probeRun) {
                    let name = names[index]
                    if let entry = recorded[index], !entry.holdsSignature, let stamp = reader.stamp(ofFile: name, in: directory), stamp == entry.stamp {
                        probes.append(.stamp(stamp))
                        continue
                    }
                    probes.append(reader.withContents(ofFile: name, in: directory) { bytes, stamp in
                        bytes.map { .read(stamp, holdsSignature: ByteSearch.containsIgnoringASCIICase($0, Self.directive)) }
                    })
                }
                runs.append((start, probes))
            }
            found.withLock { found in
                for run in runs { found.replaceSubrange(run.start..<(run.start + run.probes.count), with: run.probes) }
            }
        }
        return found.withLock { $0 }
    }

    /// Writes each directory's cache.
    func save() {
        for case let cache? in caches.values { cache.save() }
    }

    private func cache(of directory: String) -> SignatureScanCache? {
        guard let cacheDirectory else { return nil }
        if let last, last.directory == directory { return last.cache }
        let cache = caches[directory] ?? SignatureScanCache(directory: directory, cacheDirectory: cacheDirectory)
        caches[directory] = cache
        last = (directory, cache)
        return cache
    }
}

/// What probing a rule file found: its stamp (taken because the cache records it without the
/// directive), or its stamp when read (nil: no stamp) and whether its bytes name the directive.
enum FileProbe: Sendable {
    case stamp(FileStamp)
    case read(FileStamp?, holdsSignature: Bool)
}
