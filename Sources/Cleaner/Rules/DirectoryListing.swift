#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A directory's rule file names (as `RuleFile.isRuleFileName` says), read with readdir(3) into one
/// buffer and checked as bytes, with each name's key (without ".txt", lowercased) and a hash table
/// of the keys: a collection such as ftr-site-config lists 2,000 names at every start-up, where a
/// String, a sort by Unicode rules and a file object for each cost 3,000 instructions a name.
/// Names stay in the order listed; `sorted` orders the few that need it.
struct DirectoryListing {
    /// Each name followed by a zero byte (a C string for `openat` and `fstatat`).
    private var bytes: [UInt8] = []
    /// Where each name starts in `bytes`, and one more entry: one past the end of the last one's zero byte.
    private var starts: [Int] = [0]
    /// Each name's key, one after the other, when some name is not ASCII (`keyStarts` as `starts`,
    /// no zero byte); an ASCII name's key is its bytes without ".txt", lowered as they are read.
    private var keys: [UInt8] = []
    private var keyStarts: [Int] = [0]
    /// Some name holds a byte that is not ASCII: then names sort as Strings do, and keys are lowercased as Strings.
    private var hasNonASCII = false
    /// Open addressing by `hash` of the key: the index of the name that holds the key (-1: empty);
    /// of names with the same key, the one that sorts last, which replaces the others.
    private var table: [Int32] = []
    /// The names whose key is `global`, in sorted order: not sites.
    private(set) var globalIndices: [Int] = []

    var count: Int { starts.count - 1 }

    /// `cacheDirectory`: where the names are kept between runs (`ListingCache`), taken from there
    /// while the directory's stamp is the one recorded; nil lists the directory.
    static func ruleFiles(in directory: String, cacheDirectory: String? = nil) -> DirectoryListing? {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        // Taken before the names are read: a change made meanwhile leaves a stamp the next run does not find.
        let stamp = FileStamp(status)
        let cache = cacheDirectory.flatMap { ListingCache(directory: directory, cacheDirectory: $0) }
        if let names = cache?.names(ifStamp: stamp), var listing = DirectoryListing(names: names) {
            close(descriptor)
            listing.makeKeys()
            listing.makeTable()
            return listing
        }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(stream) }
        var listing = DirectoryListing()
        listing.bytes.reserveCapacity(64 * 1024)
        listing.keys.reserveCapacity(64 * 1024)
        while let entry = readdir(stream) {
            // d_name holds a zero-terminated name: measured by strlen, not searched as a 256-byte tuple.
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                guard let base = raw.baseAddress else { return }
                let name = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: strlen(base.assumingMemoryBound(to: CChar.self)))
                guard RuleFile.isRuleFileName(name) else { return }
                listing.bytes.append(contentsOf: name)
                listing.bytes.append(0)
                listing.starts.append(listing.bytes.count)
                if !listing.hasNonASCII { listing.hasNonASCII = name.contains { $0 >= 0x80 } }
            }
        }
        cache?.save(listing.bytes, stamp: stamp)
        listing.makeKeys()
        listing.makeTable()
        return listing
    }

    private init() {}

    /// The listing of `names` as the cache holds them, each followed by a zero byte, in the
    /// order listed; nil when one is not a rule file's name (a corrupt cache).
    private init?(names: [UInt8]) {
        let valid = names.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var start = 0
            while start < buffer.count {
                guard let zero = memchr(base + start, 0, buffer.count - start) else { return false }
                let end = base.distance(to: zero.assumingMemoryBound(to: UInt8.self))
                let name = UnsafeBufferPointer(rebasing: buffer[start..<end])
                guard RuleFile.isRuleFileName(name), !name.contains(UInt8(ascii: "/")) else { return false }
                if !hasNonASCII { hasNonASCII = name.contains { $0 >= 0x80 } }
                start = end + 1
                starts.append(start)
            }
            return true
        }
        guard valid else { return nil }
        bytes = names
    }

    /// The name's bytes, without its zero byte.
    func name(_ index: Int) -> ArraySlice<UInt8> {
        bytes[starts[index]..<(starts[index + 1] - 1)]
    }

    /// `body` with the names' buffer and where name `index` starts in it, a C string.
    func withNames<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer(body)
    }

    func nameStart(_ index: Int) -> Int { starts[index] }

    /// The name as listed.
    func nameString(_ index: Int) -> String {
        String(decoding: name(index), as: UTF8.self)
    }

    /// The key of name `index`: the name without ".txt", lowercased.
    func key(_ index: Int) -> String {
        if hasNonASCII { return String(decoding: keys[keyStarts[index]..<keyStarts[index + 1]], as: UTF8.self) }
        return String(decoding: name(index).dropLast(4).map(ASCIIText.lowercased), as: UTF8.self)
    }

    /// The index of the name with key `key` (lowercased) that is in force (nil: none, or `global`).
    func index(ofKey key: String) -> Int? {
        guard !table.isEmpty else { return nil }
        var key = key
        return key.withUTF8 { key in
            withKeys { keys in
                let mask = table.count - 1
                var slot = Int(truncatingIfNeeded: FNV1a.hash(key)) & mask
                while true {
                    let index = Int(table[slot])
                    if index < 0 { return nil }
                    if Self.equal(UnsafeBufferPointer(rebasing: keys[keyRange(index)]), key) { return index }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// `body` with the buffer that holds the keys, at `keyRange`, their ASCII letters lowered as they are read.
    private func withKeys<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        hasNonASCII ? keys.withUnsafeBufferPointer(body) : bytes.withUnsafeBufferPointer(body)
    }

    /// Where the key of name `index` is in `withKeys`'s buffer: an ASCII name's bytes without ".txt" and the zero byte.
    private func keyRange(_ index: Int) -> Range<Int> {
        hasNonASCII ? keyStarts[index]..<keyStarts[index + 1] : starts[index]..<(starts[index + 1] - 5)
    }

    /// Whether `stored` (a key as the listing holds it), its ASCII letters lowered, is `key`.
    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == key.count else { return false }
        for offset in 0..<key.count where ASCIIText.lowercased(stored[offset]) != key[offset] { return false }
        return true
    }

    /// The indices whose names are in force (one a key, `global` aside).
    var indicesInForce: [Int] {
        table.compactMap { $0 < 0 ? nil : Int($0) }
    }

    /// Keys of names that are not all ASCII, lowercased as Strings.
    private mutating func makeKeys() {
        guard hasNonASCII else { return }
        for index in 0..<count {
            keys += String(decoding: name(index).dropLast(4), as: UTF8.self).lowercased().utf8
            keyStarts.append(keys.count)
        }
    }

    private mutating func makeTable() {
        var size = 16
        while size < 2 * count { size <<= 1 }
        var table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        var globals: [Int] = []
        withKeys { keys in
            let global = Array(RuleLibrary.globalName.utf8)
            for index in 0..<count {
                let key = UnsafeBufferPointer(rebasing: keys[keyRange(index)])
                if global.withUnsafeBufferPointer({ Self.equal(key, $0) }) {
                    globals.append(index)
                    continue
                }
                var slot = Int(truncatingIfNeeded: FNV1a.hash(key.lazy.map(ASCIIText.lowercased))) & mask
                while true {
                    let other = Int(table[slot])
                    if other < 0 {
                        table[slot] = Int32(index)
                        break
                    }
                    let otherKey = UnsafeBufferPointer(rebasing: keys[keyRange(other)])
                    if otherKey.count == key.count, zip(otherKey, key).allSatisfy({ ASCIIText.lowercased($0) == ASCIIText.lowercased($1) }) {
                        // Of two names of one key, the later as Strings replaces the earlier.
                        if precedes(other, index) { table[slot] = Int32(index) }
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        self.table = table
        globalIndices = sorted(globals)
    }

    /// Whether name `left` sorts before name `right` as Strings. For ASCII names, byte order is
    /// that order (names hold no zero byte, so a prefix sorts first).
    private func precedes(_ left: Int, _ right: Int) -> Bool {
        if hasNonASCII { return nameString(left) < nameString(right) }
        return name(left).lexicographicallyPrecedes(name(right))
    }

    /// `indices` in the order of their names as Strings (files are taken in that order, and a
    /// later name replaces an earlier one of the same key). For ASCII names, names are compared
    /// by their first 16 bytes as two big-endian integers (zero-padded), the rest only when those are equal.
    func sorted(_ indices: [Int]) -> [Int] {
        if hasNonASCII {
            return indices.map { ($0, nameString($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
        }
        var sortKeys = indices.map { index in
            let name = self.name(index)
            return SortKey(high: Self.bigEndian(name.prefix(8)), low: Self.bigEndian(name.dropFirst(8).prefix(8)), index: index)
        }
        sortKeys.sort { left, right in
            if left.high != right.high { return left.high < right.high }
            if left.low != right.low { return left.low < right.low }
            return name(left.index).lexicographicallyPrecedes(name(right.index))
        }
        return sortKeys.map(\.index)
    }

    /// All indices in the order of their names as Strings.
    func sortedIndices() -> [Int] {
        sorted(Array(0..<count))
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
        sortedIndices().map { nameString($0) }
    }

    /// The name's key and, when it differs from the key + ".txt", the name itself.
    func keyAndName(_ index: Int) -> (key: String, fileName: String?) {
        let key = key(index)
        let name = nameString(index)
        return (key, (key + ".txt").utf8.elementsEqual(name.utf8) ? nil : name)
    }
}
