#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Path-name arithmetic and file-type checks on plain strings, as `NSString`'s path methods do
/// them: the binary links only FoundationEssentials (which has no `NSString`), because the full
/// Foundation and its ICU data cost a few milliseconds of start-up on every run.
public enum FilePaths {
    /// `directory/name`, with exactly one slash between them.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        if name.isEmpty { return directory }
        let head = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let tail = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return head + "/" + tail
    }

    /// The last component of `path`, trailing slashes ignored ("/" stays "/").
    public static func lastComponent(_ path: String) -> String {
        if let name = asciiLastComponent(path) { return name }
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" || trimmed.isEmpty { return trimmed }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `lastComponent` of an all-ASCII path, read on its bytes (nil for any other path): there
    /// each "/" byte is a `Character` of its own (no ASCII character joins another but "\r\n"),
    /// where the `Character` walk backwards costs a few hundred instructions a character, for
    /// each file a run is given.
    static func asciiLastComponent(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            guard UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
            var end = bytes.count
            while end > 1, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var start = end
            // "/" alone stays "/".
            if end > 1 || bytes.first != UInt8(ascii: "/") {
                while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            } else {
                start = 0
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// `path` without its last component: "a/b" gives "a", "/a" gives "/", "a" gives "".
    public static func deletingLastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = trimmingTrailingSlashes(String(trimmed[...slash]))  // "a//b" gives "a"
        return parent
    }

    /// `path` with empty and "." components dropped and "name/.." pairs folded, lexically (no
    /// symbolic link is followed), so that the last components name what the path points at.
    public static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue  // "/.." is "/"
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// True when `path` names an existing file or directory (symbolic links followed).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// True when `path` names an existing directory (symbolic links followed).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
