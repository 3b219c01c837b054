internal import CLibXML

/// A compiled XPath 1.0 expression. Compiled once when a rule file loads (so a bad XPath is a
/// rule error, not a per-page surprise) and evaluated against many documents, from any thread:
/// each evaluation gets its own context.
final class XPathExpression: @unchecked Sendable {
    let source: String
    private let compiled: xmlXPathCompExprPtr
    /// The same expression for the native evaluator, when it is one of the forms it knows.
    private let simple: SimpleXPath?

    init?(_ source: String) {
        LibXML.ensureInitialized()
        // Compiled expressions outlive any page: never in a page's arena.
        guard let compiled = DocumentArena.outside({
            source.withCString { cSource in
                cSource.withMemoryRebound(to: xmlChar.self, capacity: source.utf8.count + 1) { xmlXPathCompile($0) }
            }
        }) else { return nil }
        self.source = source
        self.compiled = compiled
        self.simple = SimpleXPath(source)
    }

    deinit {
        xmlXPathFreeCompExpr(compiled)
    }

    /// The result of evaluating against `document`: the nodes, in document order, and a string value
    /// for expressions such as `string(//title)` or `//meta/@content`.
    struct Result {
        var nodes: [Node] = []
        var strings: [String] = []
    }

    /// Operations one evaluation may take. A rule's XPath such as `//*[count(//*[count(//*) > 1]) > 1]`
    /// is cubic in the page's size and would stall a run for hours; past this budget the evaluation
    /// stops (in about two seconds) and selects nothing, as a line pattern that reaches PCRE2's match
    /// limit matches nothing. Real rules stay far below it: a `contains(@class, ...)` search over a
    /// 50 MB page of 280,000 elements takes about 3 million operations.
    static let operationLimit: UInt = 200_000_000

    func evaluate(in document: HTMLDocument) -> Result {
        simple?.evaluate(in: document) ?? evaluateWithLibXML(in: document)
    }

    /// libxml2's own evaluation: every expression the native evaluator does not know.
    func evaluateWithLibXML(in document: HTMLDocument) -> Result {
        var result = Result()
        guard let context = xmlXPathNewContext(document.pointer) else { return result }
        defer { xmlXPathFreeContext(context) }
        context.pointee.opLimit = Self.operationLimit
        guard let object = xmlXPathCompiledEval(compiled, context) else { return result }
        defer { xmlXPathFreeObject(object) }
        switch object.pointee.type {
        case XPATH_NODESET:
            guard let set = object.pointee.nodesetval, let table = set.pointee.nodeTab else { return result }
            for index in 0..<Int(set.pointee.nodeNr) {
                guard let node = table[index] else { continue }
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    let handle = Node(node, in: document)
                    result.nodes.append(handle)
                    result.strings.append(handle.textContent)
                case XML_ATTRIBUTE_NODE, XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    result.strings.append(LibXML.takeString(xmlNodeGetContent(node)) ?? "")
                default:
                    continue
                }
            }
        case XPATH_STRING:
            if let value = object.pointee.stringval { result.strings.append(String(cString: value)) }
        case XPATH_NUMBER:
            result.strings.append(String(object.pointee.floatval))
        case XPATH_BOOLEAN:
            result.strings.append(object.pointee.boolval != 0 ? "true" : "false")
        default:
            break
        }
        return result
    }
}

extension HTMLDocument {
    /// Removes nodes found by one XPath. Node sets come in document order, where a descendant follows
    /// its ancestor: removing back to front frees every descendant before its ancestor, never twice.
    func remove(_ nodes: [Node]) {
        for node in nodes.reversed() { node.remove() }
    }
}

/// The functions libxml2's XPath evaluator knows in a fresh context (XPath 1.0's core library and
/// libxml2's own additions): a rule naming another function compiles, then selects nothing.
enum XPathFunctions {
    static func isKnown(_ name: String) -> Bool {
        LibXML.ensureInitialized()
        guard let context = xmlXPathNewContext(nil) else { return true }
        defer { xmlXPathFreeContext(context) }
        return name.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlXPathFunctionLookup(context, $0) != nil }
        }
    }
}
