import Foundation
import XCTest

@testable import Cleaner

/// Paths of the repository, found from this file so the tests run from any directory.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// ../shared beside the checkout: present on development machines and in CI, absent for users.
    static let shared: String? = {
        let path = ((root as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()
}

/// Builds a library from rule file texts, as `--rules DIR` would.
func library(_ files: [String: String], builtin: Bool = false) throws -> RuleLibrary {
    var library = builtin ? try RuleLibrary.builtin() : RuleLibrary()
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try library.add(name: name, text: text, path: "\(name).txt")
    }
    return library
}

/// Cleans `input` with only the given rules (no built-in rules unless asked).
func clean(_ input: String, rules: [String: String] = [:], builtin: Bool = false, options: CleanOptions = CleanOptions()) throws -> CleanResult {
    Cleaner(library: try library(rules, builtin: builtin)).clean(input, options: options)
}

/// Throws the rule error a text produces, or fails.
func ruleError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RuleError? {
    do {
        _ = try library(["site.test": text])
        XCTFail("expected a rule error", file: file, line: line)
        return nil
    } catch let error as RuleError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        return nil
    }
}
