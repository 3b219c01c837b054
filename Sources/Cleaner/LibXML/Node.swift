internal import CLibXML

/// A handle on one node of an `HTMLDocument`. Holds the document strongly, so it can never dangle
/// while the handle exists; removing a node from the tree invalidates the handles inside it,
/// which is why filters remove only through `HTMLDocument.walk` or `remove()` as their last use.
struct Node {
    let pointer: xmlNodePtr
    let document: HTMLDocument

    init(_ pointer: xmlNodePtr, in document: HTMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lower-case tag name of an element ("" for other nodes). libxml2's HTML parser already lower-cases names.
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// True when this element's tag name equals `tag` (ASCII, lower case), without allocating.
    func hasName(_ tag: StaticString) -> Bool {
        guard isElement, let name = pointer.pointee.name else { return false }
        return tag.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                if name[index] != expected[index] { return false }
                index += 1
            }
            return name[index] == 0
        }
    }

    func attribute(_ attributeName: String) -> String? {
        guard isElement else { return nil }
        return attributeName.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: attributeName.utf8.count + 1) {
                LibXML.takeString(xmlGetProp(pointer, $0))
            }
        }
    }

    /// Text of a text node (nil for elements).
    var content: String? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return String(cString: content)
    }

    /// All text below this node, as libxml2 concatenates it.
    var textContent: String {
        LibXML.takeString(xmlNodeGetContent(pointer)) ?? ""
    }

    var parent: Node? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return Node(parent, in: document)
    }

    var firstChild: Node? {
        pointer.pointee.children.map { Node($0, in: document) }
    }

    var nextSibling: Node? {
        pointer.pointee.next.map { Node($0, in: document) }
    }

    /// Unlinks the node and frees it with its subtree. The handle must not be used afterwards.
    func remove() {
        document.treeChanged()
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }

    /// Moves this node's children in front of it and removes it ("unwrap").
    func replaceWithChildren() {
        document.treeChanged()
        var child = pointer.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddPrevSibling(pointer, current)
        }
        remove()
    }

    /// Replaces all children with a single text node.
    func setText(_ text: String) {
        document.treeChanged()
        text.withCString { cText in
            cText.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1) {
                xmlNodeSetContent(pointer, nil)
                let escaped = xmlEncodeSpecialChars(document.pointer, $0)
                xmlNodeSetContent(pointer, escaped)
                clean_xmlFree(escaped)
            }
        }
    }

    static func == (lhs: Node, rhs: Node) -> Bool { lhs.pointer == rhs.pointer }
}

/// What a tree walk does with the element it just entered.
enum WalkAction {
    case descend
    case skip
    case remove
}

extension HTMLDocument {
    /// Depth-first walk without recursion (pages nested 100,000 deep must not overflow the stack).
    /// `enter` decides per node; `leave` runs after an element's children were walked.
    func walk(from start: Node? = nil, enter: (Node) -> WalkAction, leave: (Node) -> Void = { _ in }) {
        guard let top = start ?? root else { return }
        var current: xmlNodePtr? = top.pointer
        while let node = current {
            let handle = Node(node, in: self)
            var descend = false
            var next: xmlNodePtr?
            switch enter(handle) {
            case .descend:
                descend = node.pointee.children != nil
            case .skip:
                break
            case .remove:
                if node == top.pointer {
                    handle.remove()
                    return
                }
                next = node.pointee.next
                let parent = node.pointee.parent
                handle.remove()
                if let next {
                    current = next
                    continue
                }
                // Climb from the removed node's parent.
                current = climb(from: parent, top: top.pointer, leave: leave)
                continue
            }
            if descend {
                current = node.pointee.children
                continue
            }
            if node == top.pointer {
                leave(handle)
                return
            }
            if let sibling = node.pointee.next {
                if handle.isElement { leave(handle) }
                current = sibling
                continue
            }
            if handle.isElement { leave(handle) }
            current = climb(from: node.pointee.parent, top: top.pointer, leave: leave)
        }
    }

    /// Leaves ancestors until one has a next sibling; returns that sibling, or nil at the top.
    private func climb(from start: xmlNodePtr?, top: xmlNodePtr, leave: (Node) -> Void) -> xmlNodePtr? {
        var ancestor = start
        while let up = ancestor {
            leave(Node(up, in: self))
            if up == top { return nil }
            if let sibling = up.pointee.next { return sibling }
            ancestor = up.pointee.parent
        }
        return nil
    }
}

extension Node {
    /// True when the element has any attribute; lets hot paths skip attribute look-ups.
    var hasAttributes: Bool { isElement && pointer.pointee.properties != nil }

    /// The node's place in memory: tells nodes apart without retaining the document.
    var address: UnsafeRawPointer { UnsafeRawPointer(pointer) }
}

extension Node: Hashable {
    func hash(into hasher: inout Hasher) {
        hasher.combine(pointer)
    }
}

/// Size of a text node as a reader sees it, read straight from libxml2's UTF-8 bytes:
/// characters with each whitespace run counted once, and commas (ASCII and CJK).
struct TextMetrics {
    var characters = 0
    var commas = 0
}

extension Node {
    var textMetrics: TextMetrics {
        var metrics = TextMetrics()
        guard isText, let content = pointer.pointee.content else { return metrics }
        var index = 0
        var inSpace = true
        while true {
            let byte = content[index]
            if byte == 0 { break }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !inSpace { metrics.characters += 1 }
                inSpace = true
            } else {
                inSpace = false
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                if byte & 0xC0 != 0x80 { metrics.characters += 1 }
                if byte == 0x2C {
                    metrics.commas += 1
                } else if byte == 0xEF, content[index + 1] == 0xBC, content[index + 2] == 0x8C {
                    metrics.commas += 1  // "，" full-width comma
                } else if byte == 0xE3, content[index + 1] == 0x80, content[index + 2] == 0x81 {
                    metrics.commas += 1  // "、" ideographic comma
                }
            }
            index += 1
        }
        return metrics
    }

    /// `textMetrics.characters > 0`, read only up to the first byte that decides it: asked of
    /// the text before an element's first child, where a long paragraph would otherwise be
    /// counted whole. A character is counted at a byte that starts one (not blank, not a UTF-8
    /// continuation byte), or at a blank after any other byte.
    var hasTextCharacters: Bool {
        guard isText, let content = pointer.pointee.content else { return false }
        var index = 0
        var sawByte = false
        while true {
            let byte = content[index]
            if byte == 0 { return false }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if sawByte { return true }
            } else {
                if byte & 0xC0 != 0x80 { return true }
                sawByte = true
            }
            index += 1
        }
    }

    /// Number of element children (text and comments aside).
    var elementChildCount: Int {
        var count = 0
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { count += 1 }
            child = current.pointee.next
        }
        return count
    }

    /// Element children in order.
    var elementChildren: [Node] {
        var children: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(Node(current, in: document)) }
            child = current.pointee.next
        }
        return children
    }
}
