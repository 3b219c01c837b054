/// Turns a block's marked lines (text with `InlineMark`s) into Markdown lines: marks become `*`,
/// `**`, `` ` `` and ` | `, placed against the text they enclose (`<b> word </b>` is `**word**`,
/// not `** word **`), empty ones dropped, neighbours of one style merged, styles that run over a
/// line break closed at its end and opened again on the next line. The page's own `*` and `` ` ``,
/// and what would start a heading, quote or list at a line's start, are escaped with `\`.
enum InlineMarkdown {
    static func render(_ lines: [String], kind: BlockKind) -> [String] {
        if kind == .preformatted { return lines.map(stripMarks) }
        var carried: [InlineMark.Style] = []
        return lines.map { line in
            var renderer = LineRenderer(kind: kind, deferred: carried)
            for scalar in line.unicodeScalars { renderer.add(scalar) }
            carried = renderer.finish()
            return renderer.output
        }
    }

    static func stripMarks(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { InlineMark($0) != nil }) else { return line }
        var output = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if let mark = InlineMark(scalar) {
                if mark.style == .cell { output.append(contentsOf: " | ".unicodeScalars) }
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The line's text without any mark, cells' included: empty when the line holds no text.
    static func removingMarks(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { InlineMark($0) != nil }) else { return line }
        var output = String.UnicodeScalarView()
        for scalar in line.unicodeScalars where InlineMark(scalar) == nil { output.append(scalar) }
        return String(output)
    }

    static func marker(_ style: InlineMark.Style) -> String {
        switch style {
        case .emphasis: "*"
        case .strong: "**"
        case .code: "`"
        case .cell: " | "
        }
    }

    /// Characters that would start a block of another kind at the start of a line.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        switch first {
        case "#", ">", "=":
            return "\\" + line
        case "-", "+":
            let rest = line.dropFirst()
            return rest.isEmpty || rest.first == " " || rest.allSatisfy({ $0 == first }) ? "\\" + line : line
        case "0"..."9":
            // "1. " and "1) " start an ordered list.
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let rest = line.dropFirst(digits.count)
            guard digits.count <= 9, let punctuation = rest.first, punctuation == "." || punctuation == ")" else { return line }
            let after = rest.dropFirst()
            guard after.isEmpty || after.first == " " else { return line }
            return String(digits) + "\\" + rest
        default:
            return line
        }
    }
}

/// One line's rendering.
private struct LineRenderer {
    let kind: BlockKind
    private(set) var output = ""
    /// Styles opened and not yet closed, in order of opening.
    private var open: [InlineMark.Style] = []
    /// Styles whose opening waits for the first character that is not a space.
    private var deferred: [InlineMark.Style]
    /// The style closed last and the output's length just after its marker: an opening of the
    /// same style right there merges with it.
    private var lastClosed: (style: InlineMark.Style, end: Int)?

    init(kind: BlockKind, deferred: [InlineMark.Style]) {
        self.kind = kind
        self.deferred = deferred
    }

    private var inCode: Bool { open.contains(.code) || deferred.contains(.code) }

    mutating func add(_ scalar: Unicode.Scalar) {
        if let mark = InlineMark(scalar) {
            if mark.style == .cell {
                cell()
            } else if mark.opening {
                openStyle(mark.style)
            } else {
                closeStyle(mark.style)
            }
            return
        }
        if scalar == " " {
            if !output.isEmpty, output.last != " " { output.append(" ") }
            return
        }
        flushDeferred()
        let inCode = open.contains(.code)
        if !inCode, scalar == "*" || scalar == "`" {
            output.append("\\")
        } else if kind == .tableRow, scalar == "|" {
            output.append("\\")
        }
        output.unicodeScalars.append(scalar)
    }

    private mutating func openStyle(_ style: InlineMark.Style) {
        guard !open.contains(style), !deferred.contains(style) else { return }
        // Nothing is emphasized inside code.
        if inCode { return }
        deferred.append(style)
    }

    private mutating func closeStyle(_ style: InlineMark.Style) {
        if let index = deferred.firstIndex(of: style) {
            deferred.remove(at: index)
            return
        }
        guard let index = open.lastIndex(of: style) else { return }
        // Styles opened inside this one close with it (`<b><i>x</b>y</i>`) and open again after it.
        let inner = Array(open[(index + 1)...])
        for other in inner.reversed() { emitClose(other) }
        emitClose(style)
        open.removeSubrange(index...)
        deferred.append(contentsOf: inner)
    }

    /// Closes `style`'s marker before any trailing space, so that it touches the text.
    private mutating func emitClose(_ style: InlineMark.Style) {
        var trailing = 0
        while output.hasSuffix(" ") {
            output.removeLast()
            trailing += 1
        }
        output += InlineMarkdown.marker(style)
        lastClosed = (style, output.utf8.count)
        output += String(repeating: " ", count: trailing)
    }

    private mutating func flushDeferred() {
        for style in deferred {
            let marker = InlineMarkdown.marker(style)
            if let last = lastClosed, last.style == style, last.end == output.utf8.count, output.hasSuffix(marker) {
                output.removeLast(marker.count)
            } else {
                output += marker
            }
            open.append(style)
        }
        deferred.removeAll()
        lastClosed = nil
    }

    /// A table cell ends: every style closes with it.
    private mutating func cell() {
        for style in open.reversed() { emitClose(style) }
        open.removeAll()
        deferred.removeAll()
        while output.hasSuffix(" ") { output.removeLast() }
        output += output.isEmpty ? "| " : " | "
        lastClosed = nil
    }

    /// Ends the line: open styles close here and are returned, to open again on the next line.
    mutating func finish() -> [InlineMark.Style] {
        let carried = open + deferred
        for style in open.reversed() { emitClose(style) }
        while output.hasSuffix(" ") { output.removeLast() }
        if kind != .tableRow { output = InlineMarkdown.escapeLineStart(output) }
        return carried
    }
}
