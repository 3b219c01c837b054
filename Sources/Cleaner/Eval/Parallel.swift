import Dispatch
import Synchronization

/// Runs independent work items on `jobs` threads; results come back in item order, so they do
/// not depend on the number of jobs.
enum Parallel {
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let next = Atomic<Int>(0)
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = body(index)
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
