internal import CLibXML

extension HTMLDocument {
    /// The tree as text, one node a line with its depth: elements with their attributes in
    /// order, text and CDATA with their content, comments without theirs. Two parses of a page
    /// give the same outline when they give the same tree (comment text aside): how the parse of
    /// a blanked page (`RawTextBlanker`) is checked against the parse of the page as it was.
    /// With `attributes`, only what they keep of each attribute is in the outline; with
    /// `collapsingBlanks`, each run of blanks in a text is one space.
    func outline(attributes: KeptAttributes? = nil, collapsingBlanks: Bool = false) -> String {
        var lines: [String] = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            var current: xmlNodePtr? = node
            while let here = current {
                let indent = String(repeating: " ", count: depth)
                let name = here.pointee.name.map { String(cString: $0) } ?? ""
                switch here.pointee.type {
                case XML_ELEMENT_NODE:
                    var line = indent + "<" + name
                    // A `<meta>` whose content, a `<link>` whose address, is read (as `RawTextBlanker` decides).
                    var read = false
                    if name == "meta" || name == "link" {
                        var attribute = here.pointee.properties
                        while let property = attribute {
                            attribute = property.pointee.next
                            let key = PackedName(property.pointee.name.map { String(cString: $0) } ?? "")
                            let value = Array((LibXML.takeString(xmlNodeGetContent(UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self))) ?? "").utf8)
                            value.withUnsafeBufferPointer { text in
                                if name == "link" {
                                    if key == PackedName("rel"), KeptAttributes.mayBeCanonical(rel: text) { read = true }
                                } else if KeptAttributes.metaKeyNames.contains(key), KeptAttributes.readsMeta(key: text) {
                                    read = true
                                }
                            }
                        }
                    }
                    var attribute = here.pointee.properties
                    while let property = attribute {
                        attribute = property.pointee.next
                        let key = property.pointee.name.map { String(cString: $0) } ?? ""
                        var value = LibXML.takeString(xmlNodeGetContent(UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self))) ?? ""
                        if let attributes {
                            switch attributes.use(of: PackedName(key)) {
                            case nil: continue
                            case .presenceOutsideLink where name != "link": value = ""
                            case .presenceOutsideLink where !read: continue
                            case .readMetaOnly where name != "meta" || !read: continue
                            case .jsonLDScriptOnly where name != "script" || !value.lowercased().contains("ld+json"): continue
                            case .imageOnly where name != "img": continue
                            default: break
                            }
                        }
                        line += " \(key)=\(value.debugDescription)"
                    }
                    lines.append(line + ">")
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    var content = here.pointee.content.map { String(cString: $0) } ?? ""
                    if collapsingBlanks {
                        var collapsed = String.UnicodeScalarView()
                        var inBlank = false
                        for scalar in content.unicodeScalars {
                            let blank = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
                            if !blank || !inBlank { collapsed.append(blank ? " " : scalar) }
                            inBlank = blank
                        }
                        content = String(collapsed)
                    }
                    lines.append(indent + (here.pointee.type == XML_TEXT_NODE ? "text " : "cdata ") + content.debugDescription)
                case XML_COMMENT_NODE:
                    lines.append(indent + "comment")
                default:
                    lines.append(indent + "node \(here.pointee.type.rawValue) \(name)")
                }
                if let child = here.pointee.children, here.pointee.type == XML_ELEMENT_NODE { visit(child, depth: depth + 1) }
                current = here.pointee.next
            }
        }
        if let first = pointer.pointee.children { visit(first, depth: 0) }
        return lines.joined(separator: "\n")
    }
}
