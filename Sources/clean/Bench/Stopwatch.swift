import Cleaner
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Times one pass over a corpus on `jobs` threads, wall clock and CPU, the way `clean bench` compares runs.
enum Stopwatch {
    struct Timing {
        /// Wall-clock seconds for the whole pass.
        let wall: Double
        /// CPU seconds (user + system) of the process during the pass: robust when other programs share the cores.
        let cpu: Double
    }

    /// Runs `body(index)` for every index in `0..<count`, spread over `jobs` threads that take the next
    /// index as they finish one (documents differ in size; a fixed split would leave a thread idle).
    static func time(jobs: Int, count: Int, _ body: @escaping @Sendable (Int) -> Void) -> Timing {
        let counter = Counter()
        let done = DispatchGroup()
        let cpuBefore = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<max(1, jobs) {
            done.enter()
            WorkerThread.start {
                while true {
                    let index = counter.next()
                    guard index < count else { break }
                    body(index)
                }
                done.leave()
            }
        }
        done.wait()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Timing(wall: wall, cpu: cpuSeconds() - cpuBefore)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size of this process so far, in bytes.
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// Hands out 0, 1, 2, ... to any number of threads.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int {
        value.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}
