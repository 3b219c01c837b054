/// Where a rule came from, for `--explain` and error messages: `file:line directive`.
public struct RuleSource: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let directive: String
    public let category: Category

    public init(file: String, line: Int, directive: String, category: Category) {
        self.file = file
        self.line = line
        self.directive = directive
        self.category = category
    }

    public var description: String { "\(file):\(line) \(directive)" }
}

/// A rule file that cannot be used, reported as `PATH:LINE: what is wrong`.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
