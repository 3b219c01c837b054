#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A `--rules-lenient` directory's rule file names kept between runs beside the signature scan's
/// cache (`SignatureScanCache`): listing ftr-site-config's 2,000 names costs the kernel about 2 ms
/// at every start-up (ext4's hashed directories), where the cache is one small read.
///
/// The names stand while the directory's own stamp is the one recorded: adding, removing or
/// renaming a file sets the directory's modification and status change times (a file edited in
/// place does not, and is no concern here: the names are the same, and its contents are checked by
/// its own stamp). A directory modified in the last seconds is not recorded, as a file is not:
/// its time may not move with a change made within the same tick. A missing, corrupt or stale
/// cache only costs the listing, and is written anew when it can be.
///
/// Format: a line naming the format, a line with the directory's real path, the directory's stamp
/// (6 little-endian 64-bit integers: inode, size, modification and status change time in seconds
/// and nanoseconds), then each name followed by a zero byte, in the order the directory listed them.
struct ListingCache {
    static let header = "clean rule file names 1"
    private static let stampSize = 6 * 8

    /// Where the cache file is, and what it must open with.
    private let path: String
    private let head: [UInt8]

    /// The cache of directory `directory` under `cacheDirectory` (nil when the directory has no real path).
    init?(directory: String, cacheDirectory: String) {
        guard let resolved = realpath(directory, nil) else { return nil }
        let directory = String(cString: resolved)
        free(resolved)
        path = FilePaths.join(cacheDirectory, "names-\(FNV1a.hex(directory)).bin")
        head = Array((Self.header + "\n" + directory + "\n").utf8)
    }

    /// The names recorded (each followed by a zero byte) when the directory's stamp is `stamp`;
    /// nil when the cache is missing, of another stamp or malformed.
    func names(ifStamp stamp: FileStamp) -> [UInt8]? {
        guard let bytes = try? FileIO.read(path: path), bytes.count >= head.count + Self.stampSize,
              bytes.starts(with: head), Self.stamp(in: bytes, at: head.count) == stamp
        else { return nil }
        let names = Array(bytes[(head.count + Self.stampSize)...])
        guard names.isEmpty || names.last == 0 else { return nil }
        return names
    }

    /// Records `names` (each followed by a zero byte) under `stamp`, unless the directory was
    /// modified in the last seconds. Failures are ignored.
    func save(_ names: [UInt8], stamp: FileStamp) {
        guard stamp.modified < Int64(time(nil)) - SignatureScanCache.settlingSeconds else { return }
        var out = head
        out.reserveCapacity(head.count + Self.stampSize + names.count)
        let fields = (
            Int64(bitPattern: stamp.inode).littleEndian, stamp.size.littleEndian, stamp.modified.littleEndian,
            stamp.modifiedNanoseconds.littleEndian, stamp.changed.littleEndian, stamp.changedNanoseconds.littleEndian)
        withUnsafeBytes(of: fields) { out.append(contentsOf: $0) }
        out.append(contentsOf: names)
        FileIO.replaceIgnoringFailure(path, with: out)
    }

    private static func stamp(in bytes: [UInt8], at index: Int) -> FileStamp {
        bytes.withUnsafeBytes { raw in
            func field(_ number: Int) -> Int64 {
                Int64(littleEndian: raw.loadUnaligned(fromByteOffset: index + number * 8, as: Int64.self))
            }
            return FileStamp(inode: UInt64(bitPattern: field(0)), size: field(1), modified: field(2),
                             modifiedNanoseconds: field(3), changed: field(4), changedNanoseconds: field(5))
        }
    }
}
