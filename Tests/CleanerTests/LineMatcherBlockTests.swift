import XCTest

@testable import Cleaner

/// A rule's candidate line is placed in its block by halving (`LineMatcher.block`): the block a
/// walk from block to block finds, empty blocks (two blocks with the same first line) included.
final class LineMatcherBlockTests: XCTestCase {
    /// The walk the halving stands for: on from `start` while the next block opens at or before `line`.
    private func walked(_ line: Int, _ firstLine: [Int], from start: Int) -> Int {
        var block = start
        while block + 1 < firstLine.count, firstLine[block + 1] <= line { block += 1 }
        return block
    }

    func testHalvingFindsTheWalksBlock() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            // Blocks of 0 to 4 lines: the first opens at line 0.
            var firstLine: [Int] = []
            var lines = 0
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                firstLine.append(lines)
                lines += Int.random(in: 0...4, using: &generator)
            }
            for line in 0..<max(lines, 1) {
                for start in firstLine.indices where firstLine[start] <= line {
                    XCTAssertEqual(LineMatcher.block(holding: line, firstLine: firstLine, from: start), walked(line, firstLine, from: start), "\(firstLine) \(line) \(start)")
                }
            }
        }
    }
}
