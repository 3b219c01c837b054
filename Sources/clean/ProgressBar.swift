import Cleaner
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error (documents, MB/s, time left), redrawn a few times a
/// second, only when standard error is a terminal: logs and pipes stay silent.
final class ProgressBar: @unchecked Sendable {
    private let totalDocuments: Int
    private let totalBytes: Int
    private let start = Date()
    private var documents = 0
    private var bytes = 0
    private var lastDraw = Date.distantPast
    private let lock = Mutex(())

    /// Nil unless standard error is a terminal.
    static func forTerminal(documents: Int, bytes: Int) -> ProgressBar? {
        guard isatty(2) != 0 else { return nil }
        return ProgressBar(documents: documents, bytes: bytes)
    }

    static var isTerminal: Bool { isatty(2) != 0 }

    private init(documents: Int, bytes: Int) {
        totalDocuments = documents
        totalBytes = bytes
    }

    func advance(bytes count: Int) {
        lock.withLock { _ in
            documents += 1
            bytes += count
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || documents == totalDocuments else { return }
            lastDraw = now
            draw(elapsed: now.timeIntervalSince(start))
        }
    }

    func finish() {
        lock.withLock { _ in
            draw(elapsed: Date().timeIntervalSince(start))
            Diagnostics.write("\n")
        }
    }

    private func draw(elapsed: TimeInterval) {
        let rate = elapsed > 0 ? Double(bytes) / 1e6 / elapsed : 0
        var line = "\r\(documents)/\(totalDocuments) documents  \(formatted("%.1f", rate)) MB/s"
        if bytes > 0, totalBytes > bytes {
            let left = elapsed * Double(totalBytes - bytes) / Double(bytes)
            line += "  \(Self.duration(left)) left"
        } else {
            line += "  \(Self.duration(elapsed))"
        }
        let width = 30
        let filled = totalDocuments > 0 ? min(width, width * documents / totalDocuments) : width
        line += "  [" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "]\u{1B}[K"
        Diagnostics.write(line)
    }

    private static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? formatted("%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60) : formatted("%d:%02d", total / 60, total % 60)
    }
}
