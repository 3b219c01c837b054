internal import CPCRE2
import Glibc

/// Line rules test each line of a document against each pattern: tens of thousands of PCRE2 calls
/// a page, where the call costs more than the match. A pattern made only of line-local constructs
/// is also compiled for a second use: one search over all lines joined by "\n", in multiline mode,
/// which finds every line where the pattern can match on its own (the line-by-line match takes one
/// of the paths the whole-text search explores, and `^`/`$` meet line ends in both). Only those
/// lines are then matched alone, as the rule says, so the answer is the line-by-line answer.
///
/// Line-local: no lookaround, atomic group, possessive quantifier, backtracking verb, `\K`,
/// recursion, subject anchors (`\A \z \Z \G`) or option other than `i` (these can see past a line,
/// or cut off the path the line takes). Anything in doubt is matched line by line.
final class DocumentPattern: @unchecked Sendable {
    private let code: OpaquePointer
    private let jit: LazyJIT

    /// Nil when the pattern is not line-local: callers then match line by line.
    init?(_ source: String, caseInsensitive: Bool) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        var options = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | PCRE2_ALT_CIRCUMFLEX)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        let compiled = source.withCString { cSource in
            cSource.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count + 1) {
                pcre2_compile_8($0, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else { return nil }
        code = compiled
        jit = LazyJIT(compiled, callBytes: LazyJIT.documentCallBytes)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// Marks the lines in which a match of the whole-text search starts; nil when the search could
    /// not be completed (a match limit): then every line must be matched alone.
    func candidateLines(in lines: DocumentLines, context: OpaquePointer?) -> [Bool]? {
        var candidates = [Bool](repeating: false, count: lines.count)
        guard lines.count > 0, let data = ThreadMatchData.current() else { return candidates }
        let found: Bool = lines.text.withUnsafeBufferPointer { text in
            let empty: UInt8 = 0
            return withUnsafePointer(to: empty) { emptyPointer in
                let subject = text.baseAddress ?? emptyPointer
                var offset = 0
                let jitCode = jit.compiled(forSubjectBytes: text.count)
                while offset <= text.count {
                    let result = if let jitCode {
                        pcre2_jit_match_8(jitCode, subject, text.count, offset, 0, data, context)
                    } else {
                        pcre2_match_8(code, subject, text.count, offset, UInt32(PCRE2_NO_UTF_CHECK), data, context)
                    }
                    if result == PCRE2_ERROR_NOMATCH { return true }
                    guard result >= 0, let vector = pcre2_get_ovector_pointer_8(data) else { return false }
                    // The next search starts at the next line: a match may run across line ends,
                    // and must not hide a match that starts on a line it ran over.
                    let line = lines.line(containing: Int(vector[0]))
                    candidates[line] = true
                    guard line + 1 < lines.count else { return true }
                    offset = lines.starts[line + 1]
                }
                return true
            }
        }
        return found ? candidates : nil
    }

    /// True when the pattern is built only of constructs that read no further than the current line.
    static func isLineLocal(_ source: String) -> Bool {
        let bytes = Array(source.utf8)
        var escaped = false
        for index in bytes.indices {
            // The byte after a backslash is itself ("\\(?" is a parenthesis made optional, not a group).
            if escaped {
                escaped = false
                continue
            }
            // Every unsafe construct starts with '(', '\\' or a quantifier character.
            switch bytes[index] {
            case UInt8(ascii: "("), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "}"):
                // The first byte compared before the rest: most constructs open with another.
                for construct in unsafeConstructs where construct[0] == bytes[index] && bytes[index...].starts(with: construct) { return false }
                escaped = bytes[index] == UInt8(ascii: "\\")
            default:
                continue
            }
            // Inline groups: only `(?:`, `(?|`, `(?#`, named groups and the `i` option.
            guard bytes[index] == UInt8(ascii: "("), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") else { continue }
            switch bytes[index + 2] {
            case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "<"), UInt8(ascii: "'"), UInt8(ascii: "P"):
                continue
            default:
                let options = bytes[(index + 2)...].prefix { $0 != UInt8(ascii: ")") && $0 != UInt8(ascii: ":") }
                guard !options.isEmpty, options.allSatisfy({ $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "-") }) else { return false }
            }
        }
        return true
    }

    private static let unsafeConstructs: [[UInt8]] = [
        "(?=", "(?!", "(?<=", "(?<!", "(?>", "(*", "\\K", "\\A", "\\z", "\\Z", "\\G", "*+", "++", "?+", "}+", "(?R", "(?&", "(?P>", "(?C", "\\g",
    ].map { Array($0.utf8) }
}

/// A document's lines joined by "\n" into one subject, with where each line starts. A line
/// already removed is left empty: no rule looks at it again, and the search has less to read.
struct DocumentLines {
    let text: [UInt8]
    /// Byte offset of each line, in document order (blocks in order, lines in order).
    let starts: [Int]
    /// Index (into `starts`) of each block's first line.
    let firstLine: [Int]
    /// What literals the text holds, read when a built-in pattern's `LiteralPresence` first asks.
    let literalsCache = TextLiteralsCache()

    var count: Int { starts.count }

    /// Nil when a line holds a "\n" itself (then lines and text would not correspond).
    init?(_ document: Document) {
        var text: [UInt8] = []
        var starts: [Int] = []
        var firstLine: [Int] = []
        var size = 0
        for block in document.blocks {
            for line in block.lines { size += (line.isKept ? line.text.utf8.count : 0) + 1 }
        }
        text.reserveCapacity(size)
        starts.reserveCapacity(size / 16)
        for block in document.blocks {
            firstLine.append(starts.count)
            for line in block.lines {
                if !starts.isEmpty { text.append(0x0A) }
                starts.append(text.count)
                guard line.isKept else { continue }
                var line = line.text
                let hasNewline = line.withUTF8 { bytes -> Bool in
                    text.append(contentsOf: bytes)
                    guard let base = bytes.baseAddress else { return false }
                    return memchr(base, 0x0A, bytes.count) != nil
                }
                if hasNewline { return nil }
            }
        }
        self.text = text
        self.starts = starts
        self.firstLine = firstLine
    }

    /// One block of `lines`, joined without copying each line into a `String` of its own first.
    init?(lines: [Substring]) {
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var starts: [Int] = []
        starts.reserveCapacity(lines.count)
        for line in lines {
            if !starts.isEmpty { text.append(0x0A) }
            starts.append(text.count)
            let appended = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                text.append(contentsOf: bytes)
                guard let base = bytes.baseAddress else { return true }
                return memchr(base, 0x0A, bytes.count) == nil
            }
            if let appended {
                if !appended { return nil }
            } else {
                if line.utf8.contains(0x0A) { return nil }
                text.append(contentsOf: line.utf8)
            }
        }
        self.text = text
        self.starts = starts
        firstLine = [0]
    }

    /// Marks the lines that hold `byte` (not "\n", the separator).
    func linesHolding(_ byte: UInt8) -> [Bool] {
        var marked = [Bool](repeating: false, count: count)
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
                let line = line(containing: base.distance(to: found.assumingMemoryBound(to: UInt8.self)))
                marked[line] = true
                guard line + 1 < count else { return }
                offset = starts[line + 1]
            }
        }
        return marked
    }

    /// The byte range of line `index` in `text`, without its "\n".
    func bounds(of index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < count ? starts[index + 1] - 1 : text.count)
    }

    /// `body` of the UTF-8 of line `index` (empty for a line removed before the join).
    func withLine<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[bounds(of: index)])) }
    }

    /// The line holding byte `offset` (a line's own end counts as its own).
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension Pattern {
    /// True when line rules search the joined text for this pattern's candidates: it has no
    /// required byte (a line is then looked at for the byte itself, see `LineMatcher`), and it is
    /// line-local or may have required literals; or it is a built-in pattern whose literals
    /// were read ahead (`LiteralPresence`), which a small text is tested for before it is compiled.
    var searchesDocument: Bool { presence != nil || requiredByte == nil && (requiredLiterals != nil || documentPattern != nil) }

    /// Which lines of `lines` can match: none, in a small text without a built-in pattern's
    /// literals (`LiteralPresence`); those holding the pattern's required byte; in a small text,
    /// those holding a built-in pattern's literals when they are few (`aheadCandidates`); or, for
    /// a pattern that is not line-local or opens with a run along the line, those holding its
    /// required literals; or those where one search of the whole text found a match. Nil when
    /// this pattern must test every line (none applies yet, or the search hit a limit).
    /// `searchesLiterals`: for a few patterns, such as the site signatures, the literals are
    /// searched for one by one (`TextLiterals`), in a text of any size, not only in a small one.
    func candidateLines(in lines: DocumentLines, searchesLiterals: Bool = false) -> [Bool]? {
        let small = lines.text.count < LiteralPresence.maxBytes
        if small || searchesLiterals, let presence {
            if !lines.literalsCache.mayMatch(presence, in: lines.text, bySearch: searchesLiterals) {
                return [Bool](repeating: false, count: lines.count)
            }
            if small, requiredByte == nil, let candidates = aheadCandidates(in: lines) { return candidates }
        }
        if let requiredByte { return lines.linesHolding(requiredByte) }
        let document = documentPattern
        if document == nil || opensWithRun, let literals = requiredLiterals?.current(forSubjectBytes: lines.text.count) {
            return literals.candidateLines(in: lines)
        }
        return document?.candidateLines(in: lines, context: matchContext)
    }

    /// At most this many candidate lines are matched one by one rather than found by a search
    /// of the whole text: a search costs compiling the pattern a second time (for the whole
    /// text) and running it over every line, about 340,000 instructions on a 5 KB page, where
    /// a line match costs a few thousand; and 30 line matches JIT-compile the pattern
    /// (`LazyJIT.lineCallBytes`), which a small page is not worth.
    static let maxAheadCandidates = 8

    /// The lines of a small text that hold the literals read ahead of a built-in pattern and
    /// pass their line tests (`RequiredLiterals.candidateLines`), found without compiling the
    /// pattern; nil when it has none read ahead, or when more lines than `maxAheadCandidates`
    /// hold them and the pattern would search the whole text (the others are screened by the
    /// same literals whatever their count). A text holds the literals of a few built-in
    /// patterns, most on no line that could match, whose document search compiled each twice to
    /// find nothing.
    func aheadCandidates(in lines: DocumentLines) -> [Bool]? {
        guard let literals = literalsAhead else { return nil }
        let candidates = literals.candidateLines(in: lines)
        var count = 0
        for candidate in candidates where candidate {
            count += 1
            if count > Self.maxAheadCandidates { return CompiledPattern.searchesWholeText(source) ? nil : candidates }
        }
        return candidates
    }
}
