import XCTest

@testable import Cleaner

/// A line's `String` made from bytes already checked is the string of those bytes, however it is
/// made: in place for a short ASCII line, copied from a span otherwise.
final class ValidUTF8Tests: XCTestCase {
    private func made(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { ValidUTF8.string($0, isASCII: $0.allSatisfy { $0 < 0x80 }) }
    }

    func testStringsOfEveryShortLengthAreTheirBytes() {
        let ascii = Array("Related stories: more".utf8)
        for count in 0...ascii.count {
            let bytes = Array(ascii.prefix(count))
            let string = made(bytes)
            XCTAssertEqual(string, String(decoding: bytes, as: UTF8.self), "\(count)")
            XCTAssertEqual(Array(string.utf8), bytes, "\(count)")
            XCTAssertEqual(string.count, count, "\(count)")
        }
        for text in ["é", "café", "日本語の文", "e\u{301}", "😀 ok", "a\u{A0}b"] {
            XCTAssertEqual(made(Array(text.utf8)), text)
            XCTAssertEqual(made(Array(text.utf8)).count, text.count)
        }
    }

    /// Short lines made one after another hold their own bytes only, none of the line before.
    func testShortLinesHoldNoBytesOfTheLineBefore() {
        let text = "A long line of prose here\nshort\nab\n\nxyz 15 bytes ok\n0123456789abcdef\nz"
        let lines = TextReader.blocks(from: text).flatMap { $0.lines.map(\.text) }
        XCTAssertEqual(lines, ["A long line of prose here", "short", "ab", "xyz 15 bytes ok", "0123456789abcdef", "z"])
        XCTAssertEqual(lines.map(\.utf8.count), [25, 5, 2, 15, 16, 1])
    }
}
