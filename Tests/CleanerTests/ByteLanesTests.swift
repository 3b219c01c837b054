import XCTest

@testable import Cleaner

final class ByteLanesTests: XCTestCase {
    /// `countHigh` is the bit count of every word with only high bits set, which the scans that
    /// count bytes eight at a time (spaces, UTF-8 characters, lead bytes) hand it.
    func testCountHighIsTheBitCount() {
        for pattern in 0..<0x100 {
            var lanes: UInt64 = 0
            for byte in 0..<8 where pattern & (1 << byte) != 0 { lanes |= 0x80 << UInt64(8 * byte) }
            XCTAssertEqual(ByteLanes.countHigh(lanes), lanes.nonzeroBitCount, String(pattern, radix: 2))
        }
    }

    /// The characters and the bytes in a range, counted eight at a time, are the counts made
    /// byte by byte, at every length and alignment.
    func testCountsAreTheCountsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(ByteLanes.characterCount(buffer), bytes.filter { $0 & 0xC0 != 0x80 }.count, "\(bytes)")
                XCTAssertEqual(ByteLanes.count(in: 0xE3...0xEF, buffer), bytes.filter { (0xE3...0xEF).contains($0) }.count, "\(bytes)")
            }
        }
    }
}
