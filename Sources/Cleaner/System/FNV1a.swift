/// FNV-1a, 64 bits: a hash that is the same across runs and machines (Swift's `Hasher` is seeded
/// per process), for file names of caches and the listing's hash table.
enum FNV1a {
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The hash of `text`'s UTF-8 bytes as 16 hex digits.
    static func hex(_ text: String) -> String {
        let hex = String(hash(text.utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
