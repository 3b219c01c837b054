internal import CLibXML

/// A parsed HTML page. Owns the libxml2 document and frees it with itself;
/// every `Node` keeps its document alive, so no node outlives the tree it points into.
final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Parser options: RECOVER (real pages are broken), NONET (never fetch), silent, COMPACT text nodes,
    /// HUGE (without it libxml2 stops at depth 256 and deep pages lose all their text).
    private static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    /// Parses `bytes`. `encoding` is an IANA name, or nil to let libxml2 read the page's own declaration.
    init?(bytes: UnsafeRawBufferPointer, encoding: String?) {
        LibXML.ensureInitialized()
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
        let doc: htmlDocPtr? = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            if let encoding {
                return encoding.withCString { htmlReadMemory(chars, Int32(bytes.count), nil, $0, Self.options) }
            }
            return htmlReadMemory(chars, Int32(bytes.count), nil, nil, Self.options)
        }
        guard let doc else { return nil }
        pointer = doc
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element (`html`), if the page had any markup at all.
    var root: Node? {
        guard let element = xmlDocGetRootElement(pointer) else { return nil }
        return Node(element, in: self)
    }

    /// Parses and frees a page, nothing else: the floor the pipeline is measured against.
    static func bareParse(_ bytes: UnsafeRawBufferPointer) -> Bool {
        HTMLDocument(bytes: bytes, encoding: nil) != nil
    }
}

extension HTMLDocument: @unchecked Sendable {}
