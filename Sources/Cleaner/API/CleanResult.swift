/// The outcome of cleaning one document.
public struct CleanResult: Sendable {
    /// The blocks with every removal marked, the metadata and what HTML filters removed.
    public let document: Document
    /// How the input was read.
    public let inputKind: InputKind
    /// The site file whose rules applied, if any.
    public let site: String?
    /// The encoding the bytes were read in.
    public let encoding: DetectedEncoding
    /// Set when the document could not be cleaned (then `text` is empty): the caller reports it.
    public let failure: CleanFailure?

    /// The article text: one block per paragraph, a blank line between blocks.
    public var text: String { document.text }
}
