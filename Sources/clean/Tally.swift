import Synchronization

/// Counts failures across threads; the exit status comes from it.
final class Tally: Sendable {
    private let count = Mutex(0)

    func fail() {
        count.withLock { $0 += 1 }
    }

    var failures: Int { count.withLock { $0 } }

    /// 0 when nothing failed, 1 otherwise.
    var status: Int32 { failures == 0 ? 0 : 1 }
}
