import FoundationEssentials

/// A site file's `test_url` with its `test_contains` lines, run as a golden case where the page is
/// cached under the golden directory (`pages/<name>.html`, see `CachedPage`): the page cleaned
/// with that address must contain each `test_contains` text.
public struct SiteTestCase: Sendable {
    public let test: RuleSet.SiteTest
    /// Where the cached page is expected.
    public let pagePath: String

    public init(test: RuleSet.SiteTest, golden: String) {
        self.test = test
        pagePath = CachedPage.path(for: test.url, golden: golden)
    }

    /// `PATH:LINE test_url URL`, as the run reports it.
    public var name: String { "\(test.file):\(test.line) test_url \(test.url)" }

    public var isCached: Bool { FileManager.default.fileExists(atPath: pagePath) }

    /// The `test_contains` texts the cleaned page lacks (empty: the case passes). Whitespace runs,
    /// line breaks included, compare as one space: the output breaks lines where the page had blocks.
    public func missingTexts(library: RuleLibrary) throws -> [String] {
        guard let page = FileManager.default.contents(atPath: pagePath) else {
            throw GoldenCase.Failure(description: "\(pagePath): cannot read the cached page")
        }
        let output = Self.spaced(Cleaner(library: library).clean([UInt8](page), options: CleanOptions(url: test.url)).text)
        return test.contains.filter { !output.contains(Self.spaced($0)) }
    }

    private static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The `test_url`s of the library's site files that have `test_contains` text to check.
    public static func all(in library: RuleLibrary, golden: String) -> [SiteTestCase] {
        library.siteTests.filter { !$0.contains.isEmpty }.map { SiteTestCase(test: $0, golden: golden) }
    }
}
