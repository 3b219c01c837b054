import Glibc
import Synchronization

/// iconv descriptors kept open for reuse, by direction. glibc's `iconv_open` finds the encoding's
/// gconv module and loads it (a search of the module cache and a `dlopen`), and `iconv_close`
/// unloads it again: opened afresh for each scrape, a mis-decoded CJK scrape's four tries
/// (`MojibakeRepair`) cost more than all the rest of its cleaning. A descriptor taken is used by
/// one thread until it is given back, and is reset to its initial state when taken again.
enum IconvPool {
    private struct Direction: Hashable {
        let to: String
        let from: String
    }

    /// The descriptors not in use, as bit patterns (a raw pointer is not `Sendable`).
    private static let idle = Mutex<[Direction: [Int]]>([:])

    /// A descriptor converting `from` to `to` (iconv names), in its initial state; nil when iconv
    /// does not know either. Give it back with `giveBack` once done.
    static func take(to: String, from: String) -> iconv_t? {
        let direction = Direction(to: to, from: from)
        if let bits = idle.withLock({ $0[direction]?.popLast() }), let descriptor = iconv_t(bitPattern: bits) {
            iconv(descriptor, nil, nil, nil, nil)
            return descriptor
        }
        guard let descriptor = iconv_open(to, from), descriptor != iconv_t(bitPattern: -1) else { return nil }
        return descriptor
    }

    /// Gives back a descriptor `take(to:from:)` returned, for the next conversion that way.
    static func giveBack(_ descriptor: iconv_t, to: String, from: String) {
        let bits = Int(bitPattern: descriptor)
        idle.withLock { $0[Direction(to: to, from: from), default: []].append(bits) }
    }
}
