/// Limits on what one document may be. Past them the document is not cleaned: its result carries a
/// `CleanFailure`, the command line reports it with the input's name and goes on with the next input.
public enum InputLimits {
    /// Largest input, in bytes. libxml2 takes at most 2 GiB, and a parsed page takes several times
    /// its size in memory: past 256 MiB one page could exhaust a machine that cleans pages in parallel.
    public static let maxBytes = 256 << 20
}

/// Why a document could not be cleaned.
public enum CleanFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit): "input of \(bytes) bytes is larger than the limit of \(limit) bytes"
        }
    }
}
