/// ftr's `prune: yes`: inside the selected body, removes containers that are mostly links or
/// hold too little text to be article (share bars, tag lists, related links), as Readability's clean-up does.
///
/// A container's text and link text are `normalizeLine(textContent)` of it and of its links,
/// counted in Characters. They are read for every element in one walk (`NormalizedText`), not
/// from each container's own `textContent`, which read nested containers' text once per
/// ancestor: quadratic in the nesting depth.
enum Pruner {
    /// Containers examined: the elements that wrap boilerplate lists and bars.
    static let containers: Set<String> = ["div", "ul", "ol", "table", "section", "aside", "form", "nav", "dl"]
    private static let packedContainers = Set(containers.map(PackedName.init))
    /// Share of a container's text inside links above which it is navigation, not prose.
    static let maxLinkDensity = 0.5
    /// Text shorter than this (characters) with any link is a link cluster, not a paragraph.
    static let minTextWithLinks = 25

    static func apply(to root: Node, in document: HTMLDocument, log: inout RemovalLog) {
        let doomed = doomed(under: root, in: document)
        let reason = RemovalReason.heuristic(name: "prune", category: .navigation, detail: "link density")
        for node in doomed { log.record(node, reason) }
        document.remove(doomed)
    }

    /// The containers `apply` removes, outermost only, in document order.
    static func doomed(under root: Node, in document: HTMLDocument) -> [Node] {
        let tree = Tree.read(root, in: document)
        var doomed: [Node] = []
        // Elements in document order (the root is no container); a removed container's subtree is not examined.
        var index = 0
        while index < tree.elements.count {
            let element = tree.elements[index]
            if let node = element.container {
                let text = tree.textLength[index]
                let linkText = tree.linkTextLength[index]
                let density = Double(linkText) / Double(max(text, 1))
                if density > maxLinkDensity || (linkText > 0 && text < minTextWithLinks) {
                    doomed.append(node)
                    index = element.subtreeEnd
                    continue
                }
            }
            index += 1
        }
        return doomed
    }

    /// The subtree's elements in document order, with the lengths the decision reads.
    struct Tree {
        struct Element {
            /// The element, when it is a container (other than the root).
            var container: Node?
            var isLink: Bool
            var parent: Int
            /// Offsets of its text in the subtree's normalized text.
            var textStart: Int
            var textEnd = 0
            /// The index after its last descendant.
            var subtreeEnd = 0
        }

        var elements: [Element] = []
        /// `normalizeLine(textContent).count` of containers and links (0 for other elements).
        var textLength: [Int] = []
        /// The text length of the links inside each container, an `a` inside an `a` counted once.
        var linkTextLength: [Int] = []

        static func read(_ root: Node, in document: HTMLDocument) -> Tree {
            var tree = Tree()
            var text = NormalizedText()
            var open: [Int] = []
            document.walk(from: root, enter: { node in
                if node.isElement {
                    let isContainer = !(node == root) && packedContainers.contains(node.packedName)
                    tree.elements.append(Element(
                        container: isContainer ? node : nil, isLink: node.hasName("a"), parent: open.last ?? -1, textStart: text.offset))
                    open.append(tree.elements.count - 1)
                } else {
                    _ = node.withContent { text.append($0) }
                }
                return .descend
            }, leave: { _ in
                let index = open.removeLast()
                tree.elements[index].textEnd = text.offset
                tree.elements[index].subtreeEnd = tree.elements.count
            })
            tree.textLength = Array(repeating: 0, count: tree.elements.count)
            if text.isValid {
                let lengths = text.lengths()
                for (index, element) in tree.elements.enumerated() where element.container != nil || element.isLink {
                    tree.textLength[index] = lengths.count(from: element.textStart, to: element.textEnd)
                }
            } else {
                // Text that is not valid UTF-8 (libxml2 does not make it from the decoded page):
                // each element's own text, repaired as `textContent` repairs it.
                directLengths(&tree, root: root, in: document)
            }
            // Children come after their parents: one pass from the end adds each element's link
            // text to its parent (a link's whole text, not the links inside it).
            tree.linkTextLength = Array(repeating: 0, count: tree.elements.count)
            for index in tree.elements.indices.reversed() {
                let element = tree.elements[index]
                guard element.parent >= 0 else { continue }
                tree.linkTextLength[element.parent] += element.isLink ? tree.textLength[index] : tree.linkTextLength[index]
            }
            return tree
        }

        private static func directLengths(_ tree: inout Tree, root: Node, in document: HTMLDocument) {
            var index = 0
            document.walk(from: root, enter: { node in
                guard node.isElement else { return .descend }
                if tree.elements[index].container != nil || tree.elements[index].isLink {
                    tree.textLength[index] = TextNormalizer.normalizeLine(node.textContent).count
                }
                index += 1
                return .descend
            })
        }
    }
}
