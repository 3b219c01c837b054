/// What `clean` writes for a document: its text, its text as Markdown, or one JSON object with
/// the text and the page's metadata under trafilatura's field names.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case markdown

    /// The file name extension of `--output-dir` files.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .markdown: "md"
        }
    }
}

extension CleanResult {
    /// The document as `format` writes it, without a final newline ("" when nothing is kept and
    /// the format is text or Markdown; JSON always has its object).
    public func formatted(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .markdown: MarkdownWriter.markdown(of: self)
        case .json: DocumentJSON.object(for: self)
        }
    }

    /// The bytes `format` writes for the document: `formatted(format)` and a final newline, or
    /// nothing when that is empty (text and Markdown with nothing kept).
    public func fileBytes(_ format: OutputFormat) -> [UInt8] {
        if format == .text { return document.textFileBytes }
        var bytes = Array(formatted(format).utf8)
        if !bytes.isEmpty { bytes.append(0x0A) }
        return bytes
    }
}
