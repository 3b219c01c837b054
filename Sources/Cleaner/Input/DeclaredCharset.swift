/// The encoding to read a page with when its HTTP header names one. The header wins over the page's
/// `<meta charset>`, as in browsers, with one exception: a page labelled with a Western single-byte
/// charset whose bytes are valid UTF-8 with non-ASCII characters in them is UTF-8. Servers send a
/// default `ISO-8859-1` for UTF-8 pages all the time, while Latin-1 text that happens to be valid
/// UTF-8 is vanishingly rare (it takes pairs such as "Ã©" on purpose).
enum DeclaredCharset {
    /// Labels that servers put on pages by default rather than by knowing.
    static let defaultLabels: Set<String> = ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"]

    static func encoding(header charset: String?, body: UnsafeRawBufferPointer) -> String? {
        guard let charset else { return nil }
        if defaultLabels.contains(charset.lowercased()), hasNonASCII(body), isValidUTF8(body) {
            return "UTF-8"
        }
        return charset
    }

    private static func hasNonASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }

    private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }
}
