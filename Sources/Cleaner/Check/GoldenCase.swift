import FoundationEssentials

/// One golden case: `golden/<case>/input.html` or `input.txt`, `expected.txt`, and optionally
/// `case.txt` (`url: ...`, `input: html|text`, `keep: caption, social`, `input-file: PATH` to
/// share another case's input instead of a copy of it) and a `rules/` folder of case-only rule files. `clean --check DIR` and the test suite run the same cases the same way.
public struct GoldenCase: Sendable {
    public let name: String
    public let directory: String
    public let inputPath: String
    public let expectedPath: String
    public let options: CleanOptions
    public let rulesDirectory: String?

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every case directory under `root`, sorted by name (`pages/`, the cached test pages, aside).
    public static func all(in root: String) throws -> [GoldenCase] {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: root) else {
            throw Failure(description: "\(root): cannot read golden case directory")
        }
        var cases: [GoldenCase] = []
        for name in names.sorted() where name != CachedPage.folder {
            let directory = FilePaths.join(root, name)
            guard FilePaths.isDirectory(directory) else { continue }
            cases.append(try GoldenCase(directory: directory))
        }
        return cases
    }

    public init(directory: String) throws {
        let fileManager = FileManager.default
        self.directory = directory
        name = FilePaths.lastComponent(directory)
        let settings = try Self.readSettings(FilePaths.join(directory, "case.txt"))
        options = settings.options
        let candidates = settings.inputFile.map { [FilePaths.join(directory, $0)] }
            ?? ["input.html", "input.txt"].map { FilePaths.join(directory, $0) }
        guard let input = candidates.first(where: { fileManager.fileExists(atPath: $0) }) else {
            throw Failure(description: "\(directory): no \(settings.inputFile ?? "input.html or input.txt")")
        }
        inputPath = input
        expectedPath = FilePaths.join(directory, "expected.txt")
        guard fileManager.fileExists(atPath: expectedPath) else {
            throw Failure(description: "\(directory): no expected.txt")
        }
        let rules = FilePaths.join(directory, "rules")
        rulesDirectory = fileManager.fileExists(atPath: rules) ? rules : nil
    }

    private static func readSettings(_ path: String) throws -> (options: CleanOptions, inputFile: String?) {
        var options = CleanOptions()
        var inputFile: String?
        guard let data = FileManager.default.contents(atPath: path) else { return (options, nil) }
        var lineNumber = 0
        for line in RuleParser.lines(of: String(decoding: data, as: UTF8.self)) {
            lineNumber += 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw Failure(description: "\(path):\(lineNumber): expected 'key: value'")
            }
            let key = trimmed[..<colon].trimmingWhitespace()
            let value = String(trimmed[trimmed.index(after: colon)...].trimmingWhitespace())
            switch key {
            case "url":
                options.url = value
            case "input":
                guard let kind = InputKind(rawValue: value) else {
                    throw Failure(description: "\(path):\(lineNumber): input is auto, html or text")
                }
                options.input = kind
            case "input-file":
                // Relative to the case's directory: several cases may clean one page differently.
                inputFile = value
            case "keep":
                for word in value.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                    guard let category = Category(rawValue: String(word)) else {
                        throw Failure(description: "\(path):\(lineNumber): unknown category '\(word)'")
                    }
                    options.keep.insert(category)
                }
            default:
                throw Failure(description: "\(path):\(lineNumber): unknown key '\(key)' (url, input, input-file, keep)")
            }
        }
        return (options, inputFile)
    }

    /// Cleans the input with `library` (plus the case's own rules) and compares with `expected.txt`.
    /// Returns the unified diff, empty when the case passes.
    public func run(library: RuleLibrary) throws -> String {
        var library = library
        if let rulesDirectory { try library.addDirectory(rulesDirectory) }
        guard let input = FileManager.default.contents(atPath: inputPath),
            let expectedData = FileManager.default.contents(atPath: expectedPath)
        else {
            throw Failure(description: "\(directory): cannot read the case's files")
        }
        let actual = Cleaner(library: library).clean([UInt8](input), options: options).text
        let expected = String(decoding: expectedData, as: UTF8.self)
        return LineDiff.unified(
            expected: Self.withoutFinalNewlines(expected), actual: actual,
            expectedName: expectedPath, actualName: "clean \(inputPath)")
    }

    private static func withoutFinalNewlines(_ text: String) -> String {
        var text = Substring(text)
        while text.hasSuffix("\n") { text = text.dropLast() }
        return String(text)
    }
}
