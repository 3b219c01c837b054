/// A data set or file the evaluation cannot use: what is wrong, naming the path.
public struct EvalError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
