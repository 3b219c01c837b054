/// The outcome of cleaning one document.
public struct CleanResult: Sendable {
    /// The blocks with every removal marked, the metadata and what HTML filters removed.
    public let document: Document
    /// How the input was read.
    public let inputKind: InputKind
    /// The site file whose rules applied, if any.
    public let site: String?

    /// The article text: one block per paragraph, a blank line between blocks.
    public var text: String { document.text }
}
