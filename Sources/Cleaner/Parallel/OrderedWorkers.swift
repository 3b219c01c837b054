import Foundation

/// Runs `work` on `jobs` threads and hands the results to `deliver` one at a time, in the order
/// the jobs were submitted, whatever order they finish in. At most `window` jobs are in flight
/// (submitted, not yet delivered): `submit` waits for room, so memory stays bounded on an
/// endless input, and each result is delivered as soon as it and those before it are done.
public final class OrderedWorkers<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// Jobs not yet taken, from `queueHead` on; a taken slot is cleared at once, so the queue never
    /// keeps a job (a whole page) alive after a worker has it.
    private var queue: [(sequence: Int, job: Job)?] = []
    private var queueHead = 0
    private var results: [Int: Result] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closed = false
    private var runningThreads = 0

    private let window: Int
    private let work: @Sendable (Job) -> Result
    private let deliver: @Sendable (Result, _ moreReady: Bool) -> Void

    /// `deliver` runs on one thread of its own, in submission order; `moreReady` says whether the
    /// next result is already waiting (a writer flushes when it is not).
    public init(jobs: Int, window: Int? = nil, work: @escaping @Sendable (Job) -> Result, deliver: @escaping @Sendable (Result, _ moreReady: Bool) -> Void) {
        let jobs = max(1, jobs)
        self.window = max(jobs, window ?? 2 * jobs + 2)
        self.work = work
        self.deliver = deliver
        runningThreads = jobs + 1
        for index in 0..<jobs {
            start(name: "clean worker \(index + 1)") { [self] in workLoop() }
        }
        start(name: "clean writer") { [self] in deliverLoop() }
    }

    private func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            condition.lock()
            runningThreads -= 1
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = WorkerThreads.stackSize
        thread.start()
    }

    /// Queues a job; waits while `window` jobs are in flight.
    public func submit(_ job: Job) {
        condition.lock()
        while submitted - delivered >= window { condition.wait() }
        queue.append((submitted, job))
        submitted += 1
        condition.broadcast()
        condition.unlock()
    }

    /// No more jobs: returns once every result has been delivered and the threads have ended.
    public func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        while runningThreads > 0 { condition.wait() }
        condition.unlock()
    }

    private func workLoop() {
        while true {
            condition.lock()
            while queueHead == queue.count && !closed { condition.wait() }
            guard queueHead < queue.count else {
                condition.unlock()
                return
            }
            guard let (sequence, job) = queue[queueHead] else {
                condition.unlock()
                return
            }
            queue[queueHead] = nil
            queueHead += 1
            // Compact now and then so the queue's storage does not grow with the input.
            if queueHead > 64 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            let result = work(job)
            condition.lock()
            results[sequence] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    private func deliverLoop() {
        while true {
            condition.lock()
            while results[delivered] == nil && !(closed && delivered == submitted) { condition.wait() }
            guard let result = results.removeValue(forKey: delivered) else {
                condition.unlock()
                return
            }
            let moreReady = results[delivered + 1] != nil
            condition.unlock()
            deliver(result, moreReady)
            condition.lock()
            delivered += 1
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// Settings shared by every thread that runs the pipeline.
public enum WorkerThreads {
    /// The main thread's stack size: libxml2 recurses on deeply nested pages, on any thread.
    public static let stackSize = 8 << 20
}
