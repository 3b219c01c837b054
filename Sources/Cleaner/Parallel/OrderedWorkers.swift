import Dispatch
import Synchronization

/// Runs `work` on `jobs` threads and hands the results to `deliver` one at a time, in the order
/// the jobs were submitted, whatever order they finish in. At most `window` jobs are in flight
/// (submitted, not yet delivered): `submit` waits for room, so memory stays bounded on an
/// endless input, and each result is delivered as soon as it and those before it are done.
///
/// Each side waits on a semaphore of its own (free slots, jobs queued, results done), so that a
/// step wakes only the thread that can act on it.
public final class OrderedWorkers<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    private struct State {
        /// Jobs not yet taken, from `head` on; a taken slot is cleared at once, so the queue never
        /// keeps a job (a whole page) alive after a worker has it.
        var queue: [(sequence: Int, job: Job)?] = []
        var head = 0
        var results: [Int: Result] = [:]
        var submitted = 0
        /// Set by `finish`: the number of jobs there will ever be.
        var total: Int?
    }

    private let state = Mutex(State())
    private let slots: DispatchSemaphore
    private let queued = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let jobs: Int
    private let work: @Sendable (Job) -> Result
    private let deliver: @Sendable (Result, _ moreReady: Bool) -> Void

    /// `deliver` runs on one thread of its own, in submission order; `moreReady` says whether the
    /// next result is already waiting (a writer flushes when it is not).
    public init(jobs: Int, window: Int? = nil, work: @escaping @Sendable (Job) -> Result, deliver: @escaping @Sendable (Result, _ moreReady: Bool) -> Void) {
        let jobs = max(1, jobs)
        self.jobs = jobs
        slots = DispatchSemaphore(value: max(jobs, window ?? 2 * jobs + 2))
        self.work = work
        self.deliver = deliver
        for _ in 0..<jobs {
            start { [self] in workLoop() }
        }
        start { [self] in deliverLoop() }
    }

    private func start(_ body: @escaping @Sendable () -> Void) {
        finished.enter()
        WorkerThread.start { [self] in
            body()
            finished.leave()
        }
    }

    /// Queues a job; waits while `window` jobs are in flight.
    public func submit(_ job: Job) {
        slots.wait()
        state.withLock { state in
            state.queue.append((state.submitted, job))
            state.submitted += 1
        }
        queued.signal()
    }

    /// No more jobs: returns once every result has been delivered and the threads have ended.
    public func finish() {
        state.withLock { $0.total = $0.submitted }
        // One wake-up a worker, to see there is nothing left; one for the writer, to see it is done.
        for _ in 0..<jobs { queued.signal() }
        done.signal()
        finished.wait()
    }

    private func workLoop() {
        while true {
            queued.wait()
            let taken: (sequence: Int, job: Job)? = state.withLock { state in
                guard state.head < state.queue.count, let entry = state.queue[state.head] else { return nil }
                state.queue[state.head] = nil
                state.head += 1
                // Compact now and then so the queue's storage does not grow with the input.
                if state.head > 64 && state.head * 2 > state.queue.count {
                    state.queue.removeFirst(state.head)
                    state.head = 0
                }
                return entry
            }
            // A wake-up without a job is `finish` saying the queue is drained.
            guard let (sequence, job) = taken else { return }
            let result = work(job)
            state.withLock { $0.results[sequence] = result }
            done.signal()
        }
    }

    private func deliverLoop() {
        var next = 0
        while true {
            let step: (result: Result?, moreReady: Bool, over: Bool) = state.withLock { state in
                if let result = state.results.removeValue(forKey: next) {
                    return (result, state.results[next + 1] != nil, false)
                }
                return (nil, false, state.total.map { next >= $0 } ?? false)
            }
            if step.over { return }
            guard let result = step.result else {
                done.wait()
                continue
            }
            deliver(result, step.moreReady)
            next += 1
            slots.signal()
        }
    }
}
