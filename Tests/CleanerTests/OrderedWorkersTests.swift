import Foundation
import Synchronization
import XCTest

@testable import Cleaner

final class OrderedWorkersTests: XCTestCase {
    /// Results arrive in submission order although later jobs finish first, and no more than
    /// `window` jobs are ever in flight.
    func testResultsComeInOrderWithABoundedWindow() {
        let delivered = Mutex<[Int]>([])
        let inFlight = Mutex((now: 0, most: 0))
        let workers = OrderedWorkers<Int, Int>(
            jobs: 3, window: 5,
            work: { job in
                // Early jobs are slow, so later ones overtake them.
                usleep(UInt32((20 - job % 20) * 300))
                return job * 2
            },
            deliver: { result, _ in
                delivered.withLock { $0.append(result) }
                inFlight.withLock { $0.now -= 1 }
            })
        for job in 0..<200 {
            inFlight.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            workers.submit(job)
        }
        workers.finish()
        XCTAssertEqual(delivered.withLock { $0 }, (0..<200).map { $0 * 2 })
        // `submit` returns once the job is queued: one more can be counted by the test before it waits.
        XCTAssertLessThanOrEqual(inFlight.withLock { $0.most }, 6)
    }

    func testFinishWithoutJobsReturns() {
        let workers = OrderedWorkers<Int, Int>(jobs: 2, work: { $0 }, deliver: { _, _ in XCTFail("nothing to deliver") })
        workers.finish()
    }
}
