internal import CLibXML
import Glibc

/// A parsed HTML page. Owns the libxml2 document and frees it with itself;
/// every `Node` keeps its document alive, so no node outlives the tree it points into.
final class HTMLDocument {
    let pointer: htmlDocPtr
    /// The arena the document lives in, when it was parsed inside `DocumentArena.scope`.
    private let arena: DocumentArena.Arena?
    /// The elements by name, for XPath, while the tree is unchanged. Every function here that
    /// changes the tree (unlinks, frees, moves or adds nodes) calls `treeChanged()`, which drops it.
    private var cachedIndex: ElementIndex?

    /// The tree changed: views of it made before are stale.
    func treeChanged() {
        cachedIndex = nil
    }

    /// The element index, made now if the tree changed since the last one.
    var elementIndex: ElementIndex {
        if let cachedIndex { return cachedIndex }
        let index = ElementIndex(self)
        cachedIndex = index
        return index
    }

    /// Parser options: RECOVER (real pages are broken), NONET (never fetch), silent, COMPACT text nodes,
    /// HUGE (without it libxml2 stops at depth 256 and deep pages lose all their text), IGNORE_ENC
    /// (the bytes are UTF-8 already: a `<meta charset>` in the page must not make libxml2 re-decode them).
    private static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Parses `bytes`, which must be UTF-8: `InputDecoder` converts every page before it gets here,
    /// because libxml2 2.9, told nothing, reads the rest of a page as Latin-1 after its first bad byte.
    init?(utf8 bytes: UnsafeRawBufferPointer) {
        LibXML.ensureInitialized()
        guard let doc = Self.parse(bytes) else { return nil }
        pointer = doc
        arena = DocumentArena.documentCreated()
        moveTrailingContentIntoBody()
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer) -> htmlDocPtr? {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
        // libxml2 takes a NUL byte for the end of its input: everything after one would be lost.
        // Browsers ignore NUL in a page's text; so does this.
        if memchr(base, 0, bytes.count) != nil {
            let withoutNul = bytes.filter { $0 != 0 }
            return withoutNul.withUnsafeBytes { parse($0) }
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            htmlReadMemory(chars, Int32(bytes.count), nil, "UTF-8", options)
        }
    }

    /// libxml2 leaves what follows `</body>` or `</html>` (text, paragraphs, a second `<html>`) beside
    /// the body, where nothing that reads the body finds it. Browsers put it at the end of the body;
    /// so does this, so that no text of the page is lost.
    private func moveTrailingContentIntoBody() {
        guard let html = xmlDocGetRootElement(pointer) else { return }
        var body = html.pointee.children
        while let node = body, !(node.pointee.type == XML_ELEMENT_NODE && Node(node, in: self).hasName("body")) {
            body = node.pointee.next
        }
        guard let body else { return }
        treeChanged()
        var stray = body.pointee.next
        while let node = stray {
            stray = node.pointee.next
            xmlUnlinkNode(node)
            let handle = Node(node, in: self)
            if handle.hasName("html") || handle.hasName("body") {
                // A second document's root: its children, not the element, join the body.
                var child = node.pointee.children
                while let current = child {
                    child = current.pointee.next
                    xmlUnlinkNode(current)
                    xmlAddChild(body, current)
                }
                xmlFreeNode(node)
            } else if xmlAddChild(body, node) == nil {
                xmlFreeNode(node)
            }
        }
    }

    /// True when freeing the document is emptying its arena (`DocumentArena.holdsWholly`), asked now.
    var freesWithArena: Bool {
        DocumentArena.holdsWholly(arena)
    }

    deinit {
        // A document wholly in its arena is freed with the arena: `xmlFreeDoc` would walk every
        // node and string only to free nothing.
        if !freesWithArena { xmlFreeDoc(pointer) }
        DocumentArena.documentFreed(arena)
    }

    /// The root element (`html`), if the page had any markup at all.
    var root: Node? {
        guard let element = xmlDocGetRootElement(pointer) else { return nil }
        return Node(element, in: self)
    }

    /// Parses and frees a page, nothing else (`htmlReadMemory` as the pipeline calls it, then
    /// `xmlFreeDoc`): the floor the pipeline is measured against.
    static func bareParse(_ bytes: UnsafeRawBufferPointer) -> Bool {
        LibXML.ensureInitialized()
        guard let doc = parse(bytes) else { return false }
        xmlFreeDoc(doc)
        return true
    }
}

extension HTMLDocument: @unchecked Sendable {}
