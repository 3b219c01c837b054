internal import CLibXML

/// One-time libxml2 set-up. `xmlInitParser` must run before any thread parses;
/// every entry point that reaches libxml2 goes through `LibXML.ensureInitialized()`.
enum LibXML {
    private static let initialized: Bool = {
        // The allocator first: nothing libxml2 allocates may come from elsewhere.
        DocumentArena.install()
        DocumentArena.outside {
            xmlInitParser()
            clean_silenceErrors()
        }
        return true
    }()

    static func ensureInitialized() {
        _ = initialized
    }

    /// The libxml2 version the binary was built against, e.g. "2.9.14".
    static var version: String { LIBXML_DOTTED_VERSION }

    /// Copies a libxml2 string into Swift and frees it.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { clean_xmlFree(pointer) }
        return String(cString: pointer)
    }
}
