/// libxml2's own parse of a page, nothing else (`htmlReadMemory` with the pipeline's options, then
/// free): the floor under the pipeline's cost, which `clean bench` measures the pipeline against.
public enum ParseFloor {
    /// Parses and frees `bytes`; false when libxml2 made no document of them.
    @discardableResult
    public static func parse(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { HTMLDocument.bareParse($0) }
    }

    /// The libxml2 version the binary was built against, e.g. "2.9.14".
    public static var libxml2Version: String { LibXML.version }
}
