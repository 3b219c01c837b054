/// A light reading of an XPath 1.0 expression's text, enough for the rules linter: which names are
/// element name tests, which are functions, which carry a namespace prefix, and where the
/// top-level union branches are. libxml2 has already compiled the expression; this only reads it.
struct XPathTokens {
    enum Kind: Equatable {
        /// An element name test (`div` in `//div`): the page must have such an element.
        case element
        /// A function call (`contains(`), prefixed or not.
        case function
        /// A name with a namespace prefix (`og:title`), as an element or attribute test.
        case prefixed
        /// `|`, the union operator.
        case union
    }

    struct Token {
        let kind: Kind
        let text: String
        /// Inside how many predicates (`[...]`) the token is.
        let predicateDepth: Int
        /// Inside how many parentheses outside predicates.
        let parenthesisDepth: Int
    }

    /// Node tests that look like functions.
    private static let nodeTypes: Set<String> = ["text", "node", "comment", "processing-instruction"]

    let tokens: [Token]

    /// Nil when the text is not balanced (libxml2 would not have compiled it).
    init?(_ xpath: String) {
        let characters = Array(xpath.unicodeScalars)
        var tokens: [Token] = []
        var predicateDepth = 0
        var parentheses: [Int] = [0]  // per predicate level
        // After an operand a name is an operator (`and`, `or`, `div`, `mod`), and `*` multiplies.
        var afterOperand = false
        // After `@` or `attribute::`/`namespace::` the name test is not an element.
        var nonElementAxis = false
        var index = 0
        func add(_ kind: Kind, _ text: String) {
            tokens.append(Token(kind: kind, text: text, predicateDepth: predicateDepth, parenthesisDepth: parentheses[predicateDepth]))
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                guard let close = characters[(index + 1)...].firstIndex(of: character) else { return nil }
                index = close
                afterOperand = true
            case "[":
                predicateDepth += 1
                parentheses.append(0)
                afterOperand = false
            case "]":
                guard predicateDepth > 0, parentheses[predicateDepth] == 0 else { return nil }
                parentheses.removeLast()
                predicateDepth -= 1
                afterOperand = true
            case "(":
                parentheses[predicateDepth] += 1
                afterOperand = false
            case ")":
                guard parentheses[predicateDepth] > 0 else { return nil }
                parentheses[predicateDepth] -= 1
                afterOperand = true
            case "|":
                add(.union, "|")
                afterOperand = false
            case "@":
                nonElementAxis = true
            case "$":
                index += 1
                while index < characters.count, Self.isNameCharacter(characters[index]) || characters[index] == ":" { index += 1 }
                afterOperand = true
                continue
            case "*":
                afterOperand = !afterOperand
                nonElementAxis = false
            case _ where Self.isSpace(character):
                break
            case _ where Self.isNameStart(character):
                var end = index
                while end < characters.count, Self.isNameCharacter(characters[end]) { end += 1 }
                let name = String(String.UnicodeScalarView(characters[index..<end]))
                let next = Self.skipSpace(characters, from: end)
                let following = next < characters.count ? characters[next] : " "
                if following == ":", next + 1 < characters.count, characters[next + 1] == ":" {
                    nonElementAxis = name == "attribute" || name == "namespace"
                    index = next + 2
                    afterOperand = false
                    continue
                }
                if afterOperand {
                    afterOperand = false
                } else if following == ":" {
                    // `prefix:local`, `prefix:*` or a prefixed function `prefix:name(`.
                    end = next + 1
                    while end < characters.count, Self.isNameCharacter(characters[end]) || characters[end] == "*" { end += 1 }
                    let prefixed = String(String.UnicodeScalarView(characters[index..<end]))
                    let after = Self.skipSpace(characters, from: end)
                    let isFunction = after < characters.count && characters[after] == "("
                    add(isFunction ? .function : .prefixed, prefixed)
                    afterOperand = !isFunction
                    nonElementAxis = false
                } else if following == "(" {
                    if !Self.nodeTypes.contains(name) { add(.function, name) }
                    afterOperand = false
                } else {
                    if !nonElementAxis { add(.element, name) }
                    afterOperand = true
                    nonElementAxis = false
                }
                index = end
                continue
            default:
                // A number or `.`/`..` ends an operand; `/`, `,` and operators start a step or operand.
                afterOperand = character == "." || ("0"..."9").contains(character) || (!character.isASCII && character.properties.numericType != nil)
            }
            index += 1
        }
        guard predicateDepth == 0, parentheses[0] == 0 else { return nil }
        self.tokens = tokens
    }

    /// The element names each top-level branch needs to select anything: `//div//h6 | //article`
    /// gives [{div, h6}, {article}]. Names inside predicates are left out (`[not(p)]` matches where
    /// there is no `p`). Nil when a union sits inside parentheses, `(//a | //b)[1]`, and the
    /// grouping would have to be understood.
    var elementNamesByBranch: [Set<String>]? {
        var branches: [Set<String>] = [[]]
        for token in tokens where token.predicateDepth == 0 {
            switch token.kind {
            case .union:
                guard token.parenthesisDepth == 0 else { return nil }
                branches.append([])
            case .element:
                branches[branches.count - 1].insert(token.text)
            case .function, .prefixed:
                continue
            }
        }
        return branches
    }

    /// Functions called anywhere in the expression.
    var functions: [String] { tokens.filter { $0.kind == .function }.map(\.text) }

    /// Prefixed names anywhere in the expression. HTML pages have no namespaces, and only `xml`
    /// is declared, so any other prefix makes libxml2's evaluation fail.
    var undeclaredPrefixes: [String] {
        tokens.filter { $0.kind == .prefixed }.compactMap { token in
            let prefix = String(token.text.prefix { $0 != ":" })
            return prefix == "xml" ? nil : prefix
        }
    }

    private static func skipSpace(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < characters.count, isSpace(characters[index]) { index += 1 }
        return index
    }

    // ASCII first: nearly every XPath is ASCII, and Unicode property look-ups cost far more.
    private static func isNameStart(_ character: Unicode.Scalar) -> Bool {
        if character.isASCII {
            return ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_"
        }
        return character.properties.isAlphabetic
    }

    private static func isNameCharacter(_ character: Unicode.Scalar) -> Bool {
        if character.isASCII {
            return isNameStart(character) || ("0"..."9").contains(character) || character == "-" || character == "."
        }
        return character.properties.isAlphabetic || character.properties.numericType != nil
    }

    private static func isSpace(_ character: Unicode.Scalar) -> Bool {
        character.isASCII ? character == " " || character == "\t" || character == "\n" || character == "\r" : character.properties.isWhitespace
    }
}
