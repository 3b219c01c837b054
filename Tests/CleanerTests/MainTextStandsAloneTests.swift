import XCTest

@testable import Cleaner

/// `MainText.standsAlone` answers the common blocks by range before `ScalarCharacters.standsAlone`
/// searches all of them: the two agree on every scalar value.
final class MainTextStandsAloneTests: XCTestCase {
    func testAgreesWithScalarCharactersOnEveryValue() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF where MainText.standsAlone(value) != ScalarCharacters.standsAlone(value) {
            disagreements.append(value)
        }
        XCTAssertEqual(disagreements, [])
    }
}
