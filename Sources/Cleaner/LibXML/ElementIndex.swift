internal import CLibXML

/// Every element of a document in document order, with its packed name: made by one walk when
/// the first XPath needs it and kept while the tree does not change, so that the expressions run
/// on one page (canonical link, title, author, date, strip rules) do not each walk the tree.
/// Elements of one name are picked out once, on the first expression that asks for them.
final class ElementIndex {
    private let elements: [xmlNodePtr]
    private let names: [PackedName]
    private var byName: [PackedName: [xmlNodePtr]] = [:]

    init(_ document: HTMLDocument) {
        var elements: [xmlNodePtr] = []
        var names: [PackedName] = []
        var current: xmlNodePtr? = document.pointer.pointee.children
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                elements.append(node)
                names.append(node.pointee.name.map { PackedName(cString: $0) } ?? .long)
                if let child = node.pointee.children {
                    current = child
                    continue
                }
            }
            current = Self.next(after: node, top: document.pointer)
        }
        self.elements = elements
        self.names = names
    }

    /// Every element, in document order.
    var all: [xmlNodePtr] { elements }

    /// The elements whose name packs to `name`, in document order (for `.long`, every element
    /// with a long name: callers compare the names themselves).
    func elements(packed name: PackedName) -> [xmlNodePtr] {
        if let found = byName[name] { return found }
        var found: [xmlNodePtr] = []
        for index in names.indices where names[index] == name { found.append(elements[index]) }
        byName[name] = found
        return found
    }

    /// The next node in document order that is not inside `node`.
    private static func next(after node: xmlNodePtr, top: htmlDocPtr) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        while let here = current {
            if let sibling = here.pointee.next { return sibling }
            guard let parent = here.pointee.parent, UnsafeMutableRawPointer(parent) != UnsafeMutableRawPointer(top) else { return nil }
            current = parent
        }
        return nil
    }
}
