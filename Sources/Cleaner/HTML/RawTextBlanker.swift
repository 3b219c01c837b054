import Glibc

/// Empties `<script>` and `<style>` elements and comments in a page's bytes before libxml2 parses
/// it: about half of a modern page's bytes are code, which the parser reads character by
/// character. The tree libxml2 builds is the same but for those contents: each element and
/// comment is still there, with its attributes. Scripts and styles then get their text back in
/// one copy each (`HTMLDocument.restoreRawText`), since an element's text as libxml2 gives it
/// includes theirs and the extraction reads that; comments are in no element's text.
///
/// The scan follows libxml2 2.9's HTML tokenizer (HTMLparser.c, recovery mode) where it decides
/// what is script content: start tags with quoted and unquoted attribute values, `<tag/>` empty
/// elements, end tags, comments (`-->`, `--!>`), doctypes and processing instructions.
/// Wherever the page leaves that path (an unclosed quote or comment, an end tag with
/// attributes, a name the tokenizer would cut, a NUL byte), the rest of the page is kept as it is:
/// stopping early is always safe, since every blanked stretch before it ended where libxml2's did.
///
/// Kept: JSON-LD (`type="application/ld+json"`), which is page metadata.
///
/// Attributes that nothing reads (`KeptAttributes`) are taken out whole, name and value: a fifth
/// of what is left of a page, and an attribute node each that libxml2 need not build. Those are
/// not given back: a site whose rules read an attribute keeps it (`RuleSet.readAttributes`).
/// Runs of blanks between tags become one blank (`collapseBlanks`), up to the first `<pre>`.
enum RawTextBlanker {
    /// Pages smaller than this are parsed as they are: the copy would cost more than it saves.
    static let minimumBytes = 4096

    /// A page with its scripts, styles and comments emptied.
    struct Blanked {
        var bytes: [UInt8]
        /// Each `<script>` start tag the scan read, in page order: the range of the original
        /// bytes its content was, or nil when the content was kept (JSON-LD) or empty.
        var scripts: [Range<Int>?]
        /// The same for `<style>`.
        var styles: [Range<Int>?]
        /// The original bytes of each attribute value the scan gave a token in place of
        /// (`StoredValues`), indexed by the token's number.
        var values: [Range<Int>] = []
    }

    /// The blanked page, or nil when nothing was blanked (the page as it is is the answer).
    /// With `attributes`, the attributes it does not keep are taken out too; nil keeps them all.
    static func blank(_ bytes: [UInt8], attributes: KeptAttributes? = .base, minimumBytes: Int = minimumBytes) -> Blanked? {
        guard bytes.count >= minimumBytes else { return nil }
        return bytes.withUnsafeBufferPointer { input -> Blanked? in
            var scanner = Scanner(input, attributes: attributes)
            guard let output = scanner.run() else { return nil }
            return Blanked(bytes: output, scripts: scanner.scripts, styles: scanner.styles, values: scanner.values)
        }
    }

    /// True when `bytes` hold a control character other than tab, LF and CR, or an 0xEF (the lead
    /// byte of U+FFFE and U+FFFF): only then can `parsedText` differ from the bytes. Eight bytes
    /// at a time; a word with a byte below 0x20 or an 0xEF is looked at byte by byte.
    static func mayHoldDisallowed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        // (Two words a turn: one test and branch for sixteen bytes.)
        while index + 16 <= bytes.count {
            let flags = suspectFlags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                | suspectFlags(raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            if flags != 0 {
                for offset in index..<(index + 16) where isSuspect(bytes[offset]) { return true }
            }
            index += 16
        }
        while index < bytes.count {
            if isSuspect(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// Nonzero when one of the eight bytes of `word` may be suspect (see `isSuspect`): the
    /// classic "has a zero byte" test, on `word` less 0x20 in each byte (flags the bytes below
    /// 0x20 among those below 0x80) and on `word` XOR 0xEF in each byte.
    @inline(__always)
    private static func suspectFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let flipped = word ^ (ones &* 0xEF)
        let equal = (flipped &- ones) & ~flipped & highs
        return below | equal
    }

    @inline(__always)
    private static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
    }

    /// A script's or style's text as libxml2's `htmlParseScript` keeps it: every character but
    /// those XML does not allow (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF).
    /// `bytes` are valid UTF-8 without NUL.
    static func parsedText(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var start = 0
        var index = 0
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < bytes.count {
            // Eight bytes with nothing suspect in them are kept as they are, without a look at each;
            // others are looked at one by one.
            if let raw, index + 8 <= bytes.count, suspectFlags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 {
                index += 8
                continue
            }
            let end = min(index + 8, bytes.count)
            while index < end {
                let byte = bytes[index]
                var skip = 0
                if byte < 0x20 {
                    if byte != 0x09, byte != 0x0A, byte != 0x0D { skip = 1 }
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    skip = 3
                }
                if skip > 0 {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    index += skip
                    start = index
                } else {
                    index += 1
                }
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        return output
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        /// Bytes before this index are copied to `output` (or dropped as blanked content).
        var copied = 0
        var blankedAny = false
        var scripts: [Range<Int>?] = []
        var styles: [Range<Int>?] = []
        /// See `Blanked.values`.
        var values: [Range<Int>] = []
        /// True when values may be given tokens: attributes are chosen, and the page holds no
        /// byte a token starts with, so that every value that starts with one is a token.
        var tokenizesValues = false
        /// False from the first element that keeps its text's blanks as they are (`<pre>`) on.
        var collapsesBlanks = true

        /// The attributes to keep; nil keeps them all.
        let attributes: KeptAttributes?

        init(_ bytes: UnsafeBufferPointer<UInt8>, attributes: KeptAttributes?) {
            self.bytes = bytes
            self.attributes = attributes
        }

        mutating func run() -> [UInt8]? {
            // libxml2 stops at a NUL; the parser takes NULs out first (HTMLDocument): not worth mirroring.
            if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return nil }
            if attributes != nil, let base = bytes.baseAddress {
                tokenizesValues = memchr(base, Int32(StoredValues.tokenStart), bytes.count) == nil
            }
            var index = 0
            let count = bytes.count
            while index < count {
                guard let open = nextOpen(from: index) else { break }
                guard let next = markup(at: open) else { break }
                index = next
                if collapsesBlanks, next > 0, bytes[next - 1] == 0x3E { collapseBlanks(from: next) }
            }
            guard blankedAny else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }

        /// The next "<" at or after `index`.
        private func nextOpen(from index: Int) -> Int? {
            find(0x3C, from: index)
        }

        /// The next `byte` at or after `index`.
        private func find(_ byte: UInt8, from index: Int) -> Int? {
            guard index < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let found = memchr(base + index, Int32(byte), bytes.count - index) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        private func byte(_ index: Int) -> UInt8 {
            index < bytes.count ? bytes[index] : 0
        }

        /// Reads the markup that starts with "<" at `start`; returns where scanning goes on, or
        /// nil when the page leaves the path this scan mirrors.
        private mutating func markup(at start: Int) -> Int? {
            let second = byte(start + 1)
            if second == 0x21 {  // "<!"
                if byte(start + 2) == 0x2D, byte(start + 3) == 0x2D { return comment(at: start) }
                if isDoctype(at: start) { return declaration(at: start) }
                return start + 1  // "<!x": libxml2 keeps the "<" as text
            }
            if second == 0x3F { return processingInstruction(at: start) }
            if second == 0x2F { return endTag(at: start) }
            if isLetter(second) { return startTag(at: start) }
            // "<_x", "<:x" and "<.x" may start an element name too: not followed here.
            if second == 0x5F || second == 0x3A || second == 0x2E { return nil }
            return start + 1  // "<" then a space, a digit, ...: text
        }

        /// `<!--` ... `-->` (or `--!>`), the end not overlapping the start (`<!-->` opens a comment
        /// and does not close it): replaced by an empty comment.
        private mutating func comment(at start: Int) -> Int? {
            var end: Int?
            var index = start + 4
            let count = bytes.count
            while index + 2 < count {
                if bytes[index] == 0x2D, bytes[index + 1] == 0x2D {
                    if bytes[index + 2] == 0x3E { end = index + 3; break }
                    if bytes[index + 2] == 0x21, index + 3 < count, bytes[index + 3] == 0x3E { end = index + 4; break }
                }
                index += 1
            }
            guard let end else { return nil }  // unclosed: libxml2 drops it all
            if end - start > emptyComment.count {
                flush(upTo: start)
                output.append(contentsOf: emptyComment)
                copied = end
                blankedAny = true
            }
            return end
        }

        private let emptyComment: [UInt8] = Array("<!---->".utf8)

        private func isDoctype(at start: Int) -> Bool {
            let word: [UInt8] = Array("doctype".utf8)
            for offset in 0..<word.count where lower(byte(start + 2 + offset)) != word[offset] { return false }
            return true
        }

        /// A doctype: up to the next ">". Its quoted identifiers are read by rules of their own
        /// (a public identifier allows only some characters): followed only when every byte is
        /// one those rules take, and no ">" is quoted.
        private func declaration(at start: Int) -> Int? {
            var index = start + 2
            var quote: UInt8 = 0
            while index < bytes.count {
                let current = bytes[index]
                if current == 0x22 || current == 0x27 {
                    if quote == 0 { quote = current } else if quote == current { quote = 0 }
                } else if current == 0x3E {
                    return quote == 0 ? index + 1 : nil
                } else if !(isLetter(current) || (current >= 0x30 && current <= 0x39) || isBlank(current) || Self.publicIdentifierMarks.contains(current)) {
                    return nil
                }
                index += 1
            }
            return nil
        }

        /// PubidChar's punctuation (XML 1.0), quotes aside.
        private static let publicIdentifierMarks: Set<UInt8> = Set("-()+,./:=?;!*#@$_%".utf8)

        /// `<?target ...>`: up to the first ">", quoted or not (htmlParsePI). A "<?" without a
        /// target leaves what follows to be read as content: not followed here.
        private func processingInstruction(at start: Int) -> Int? {
            guard isLetter(byte(start + 2)) else { return nil }
            var index = start + 2
            while index < bytes.count {
                if bytes[index] == 0x3E { return index + 1 }
                index += 1
            }
            return nil
        }

        /// `</name>` with nothing but blanks after the name.
        private func endTag(at start: Int) -> Int? {
            guard isLetter(byte(start + 2)) else { return nil }
            guard var index = nameEnd(from: start + 2) else { return nil }
            while isBlank(byte(index)) { index += 1 }
            return byte(index) == 0x3E ? index + 1 : nil
        }

        /// A start tag; for `script` and `style`, also its raw content up to the first `</script`
        /// (`</style`), in any case, which is where libxml2 ends it in recovery mode.
        private mutating func startTag(at start: Int) -> Int? {
            guard let nameEnd = nameEnd(from: start + 1) else { return nil }
            let tag = packedName(start + 1, nameEnd)
            let raw: RawKind? = tag == Self.script ? .script : tag == Self.style ? .style : nil
            var index = nameEnd
            var keep = false
            if Self.blanksKept.contains(tag) { collapsesBlanks = false }
            // What of a `<meta>`'s content and a `<link>`'s address is read depends on its other
            // attributes, which may come after: those tags (a few in a page) are read twice.
            let readsTag = attributes != nil && (tag == Self.meta || tag == Self.link) ? isRead(tag, attributesFrom: nameEnd) : false
            // htmlParseStartTag: attributes until ">" or "/>". (Written out here rather than
            // through `nextAttribute`: this loop runs for every tag of a page.)
            while true {
                while isBlank(byte(index)) { index += 1 }
                guard index < bytes.count else { return nil }
                let current = bytes[index]
                if current == 0x3E { break }
                if current == 0x2F, byte(index + 1) == 0x3E {
                    // `<x/>`: an empty element, still one to pair with the tree's.
                    if raw == .script { scripts.append(nil) } else if raw == .style { styles.append(nil) }
                    return index + 2
                }
                let nameStart = index
                guard isNameStart(current), let attributeEnd = self.nameEnd(from: index) else {
                    // A bogus attribute: libxml2 skips it up to a blank, ">" or "/>".
                    while index < bytes.count, !isBlank(bytes[index]), bytes[index] != 0x3E, !(bytes[index] == 0x2F && byte(index + 1) == 0x3E) {
                        index += 1
                    }
                    continue
                }
                index = attributeEnd
                while isBlank(byte(index)) { index += 1 }
                guard byte(index) == 0x3D else {  // no value
                    if let attributes, !keepsPresence(attributes.use(of: packedName(nameStart, attributeEnd)), on: tag, read: readsTag) {
                        remove(nameStart..<attributeEnd)
                    }
                    continue
                }
                index += 1
                while isBlank(byte(index)) { index += 1 }
                let valueStart: Int
                let valueEnd: Int
                let quote = byte(index)
                let quoted = quote == 0x22 || quote == 0x27
                if quoted {
                    valueStart = index + 1
                    guard let close = find(quote, from: valueStart) else { return nil }  // libxml2 reads to the end
                    valueEnd = close
                    index = close + 1
                } else {
                    valueStart = index
                    while index < bytes.count, !isBlank(bytes[index]), bytes[index] != 0x3E { index += 1 }
                    valueEnd = index
                }
                var isJSONLD = false
                if raw == .script, equalsIgnoringCase(nameStart, attributeEnd, "type"), containsIgnoringCase(valueStart, valueEnd, "ld+json") {
                    keep = true
                    isJSONLD = true
                }
                guard let attributes else { continue }
                let name = packedName(nameStart, attributeEnd)
                let use = attributes.use(of: name)
                if use == .value, quoted, tokenizesValues, StoredValues.names.contains(name),
                    valueEnd - valueStart > StoredValues.tokenLength(values.count), StoredValues.isPlain(UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]))
                {
                    // A value libxml2 would read character by character only to store it: a
                    // token in its place, the value put back in the tree after the parse.
                    flush(upTo: valueStart)
                    StoredValues.appendToken(values.count, to: &output)
                    values.append(valueStart..<valueEnd)
                    copied = valueEnd
                    blankedAny = true
                } else if !keepsPresence(use, on: tag, read: readsTag || isJSONLD) {
                    // Parsing goes on after the removed attribute as it did after the attribute.
                    remove(nameStart..<index)
                } else if use == .presenceOutsideLink, tag != Self.link, !(quoted && valueEnd == valueStart) {
                    // `name=""`: an empty value, quoted so that what follows stays what it was.
                    flush(upTo: attributeEnd)
                    output.append(contentsOf: Self.emptyValue)
                    copied = index
                    blankedAny = true
                }
            }
            let contentStart = index + 1
            guard let raw else { return contentStart }
            guard let contentEnd = closing(raw, from: contentStart) else { return nil }
            // libxml2 looks for an end tag, and for a start tag that closes the element, before it
            // reads the content as raw text: content that opens with "</" or "<" and a name is
            // markup to it, unless it is the element's own end tag.
            if contentEnd > contentStart, byte(contentStart) == 0x3C, byte(contentStart + 1) == 0x2F || isNameStart(byte(contentStart + 1)) {
                return nil
            }
            var blanked: Range<Int>?
            if !keep, contentEnd > contentStart {
                flush(upTo: contentStart)
                copied = contentEnd
                blankedAny = true
                blanked = contentStart..<contentEnd
            }
            if raw == .script { scripts.append(blanked) } else { styles.append(blanked) }
            return contentEnd
        }

        private static let emptyValue: [UInt8] = Array("=\"\"".utf8)
        private static let script = PackedName("script")
        private static let style = PackedName("style")
        private static let link = PackedName("link")
        private static let meta = PackedName("meta")
        private static let img = PackedName("img")

        /// Whether an attribute with `use` stays, in some form, on a `tag` element; `read` tells
        /// whether that `<meta>` or `<link>` is one whose content or address is read (`isRead`),
        /// or that script's type names JSON-LD.
        @inline(__always)
        private func keepsPresence(_ use: KeptAttributes.Use?, on tag: PackedName, read: Bool) -> Bool {
            switch use {
            case nil: false
            case .value: true
            case .presenceOutsideLink: tag != Self.link || read
            case .readMetaOnly: tag == Self.meta && read
            case .jsonLDScriptOnly: tag == Self.script && read
            case .imageOnly: tag == Self.img
            }
        }

        /// For a `<meta>`, whether metadata reads its `content` (one of its keys is one
        /// `KeptAttributes.readsMeta` takes); for a `<link>`, whether it may be the canonical link.
        /// Only attributes the scan follows count; any other case is taken as read.
        private func isRead(_ tag: PackedName, attributesFrom start: Int) -> Bool {
            var index = start
            while true {
                switch nextAttribute(from: index) {
                case .stop, .close, .emptyElement: return false
                case .bogus(let next): index = next
                case .attribute(let attribute):
                    index = attribute.end
                    guard let value = attribute.value else { continue }
                    let name = packedName(attribute.name.lowerBound, attribute.name.upperBound)
                    let text = UnsafeBufferPointer(rebasing: bytes[value])
                    if tag == Self.link {
                        if name == Self.rel, KeptAttributes.mayBeCanonical(rel: text) { return true }
                    } else if KeptAttributes.metaKeyNames.contains(name), KeptAttributes.readsMeta(key: text) {
                        return true
                    }
                }
            }
        }

        private static let rel = PackedName("rel")

        /// One attribute of a start tag as htmlParseStartTag reads it.
        private struct Attribute {
            var name: Range<Int>
            /// Nil for a name without "=".
            var value: Range<Int>?
            var quoted: Bool
            /// Where reading goes on: past the value, or past the blanks after a name without one.
            var end: Int
        }

        private enum AttributeStep {
            /// The page leaves the path the scan follows.
            case stop
            /// The tag ends with the ">" at this index.
            case close(Int)
            /// The tag ends with "/>"; reading goes on here.
            case emptyElement(Int)
            /// A bogus attribute, skipped as libxml2 skips it up to here.
            case bogus(Int)
            case attribute(Attribute)
        }

        /// The next attribute, or the tag's end, from `start` (blanks first), as `startTag` reads it.
        private func nextAttribute(from start: Int) -> AttributeStep {
            var index = start
            while isBlank(byte(index)) { index += 1 }
            guard index < bytes.count else { return .stop }
            let current = bytes[index]
            if current == 0x3E { return .close(index) }
            if current == 0x2F, byte(index + 1) == 0x3E { return .emptyElement(index + 2) }
            let nameStart = index
            guard isNameStart(current), let attributeEnd = self.nameEnd(from: index) else {
                // A bogus attribute: libxml2 skips it up to a blank, ">" or "/>".
                while index < bytes.count, !isBlank(bytes[index]), bytes[index] != 0x3E, !(bytes[index] == 0x2F && byte(index + 1) == 0x3E) {
                    index += 1
                }
                return .bogus(index)
            }
            index = attributeEnd
            while isBlank(byte(index)) { index += 1 }
            guard byte(index) == 0x3D else {
                return .attribute(Attribute(name: nameStart..<attributeEnd, value: nil, quoted: false, end: index))
            }
            index += 1
            while isBlank(byte(index)) { index += 1 }
            let quote = byte(index)
            if quote == 0x22 || quote == 0x27 {
                guard let close = find(quote, from: index + 1) else { return .stop }  // libxml2 reads to the end
                return .attribute(Attribute(name: nameStart..<attributeEnd, value: (index + 1)..<close, quoted: true, end: close + 1))
            }
            let valueStart = index
            while index < bytes.count, !isBlank(bytes[index]), bytes[index] != 0x3E { index += 1 }
            return .attribute(Attribute(name: nameStart..<attributeEnd, value: valueStart..<index, quoted: false, end: index))
        }
        /// Elements whose text the serializer keeps with its blanks, and those browsers show so.
        private static let blanksKept = ["pre", "textarea", "listing", "xmp", "plaintext"].map(PackedName.init)

        /// libxml2 hands text to the tree in pieces of this many bytes: a run of blanks this long
        /// is judged piece by piece (and may open an implied `<p>`), so it is left as it is.
        private static let parserPieceBytes = 1000

        /// Blanks alone between the tag that ends before `start` and the next "<" (indentation)
        /// become their first byte: libxml2 reads text one character at a time, and a blank text
        /// node is as blank with one byte. Where it keeps blank text at all, it keeps it the same
        /// (its `areBlanks` looks at which bytes, not how many); what reads text counts a run of
        /// blanks as one (`TextMetrics`, the serializer outside `<pre>`, normalized metadata).
        private mutating func collapseBlanks(from start: Int) {
            var end = start
            while end < bytes.count, isBlank(bytes[end]) { end += 1 }
            guard end - start > 1, end - start < Self.parserPieceBytes, end < bytes.count, bytes[end] == 0x3C else { return }
            remove((start + 1)..<end)
        }

        /// Drops `range` of the page.
        private mutating func remove(_ range: Range<Int>) {
            flush(upTo: range.lowerBound)
            copied = range.upperBound
            blankedAny = true
        }

        /// The name in `start..<end`, in lower case as libxml2 gives it, packed (by words where
        /// the page has 16 bytes from `start`).
        private func packedName(_ start: Int, _ end: Int) -> PackedName {
            if end - start <= 16, start + 16 <= bytes.count, let base = bytes.baseAddress {
                return PackedName(lowercasingWordsAt: UnsafeRawPointer(base + start), count: end - start)
            }
            return PackedName(lowercasing: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }

        private enum RawKind {
            case script
            case style
        }

        /// Where the content ends: libxml2 stops reading raw text at the first `</script`
        /// (`</style`), in any case, and parses an end tag there. Nil unless that end tag is the
        /// element's own, `</script>` with nothing but blanks before its ">" (after `</scriptx>`,
        /// say, libxml2 reads on as raw text).
        private func closing(_ kind: RawKind, from start: Int) -> Int? {
            let word: StaticString = kind == .script ? "script" : "style"
            let length = word.utf8CodeUnitCount
            var index = start
            while let open = nextOpen(from: index) {
                if byte(open + 1) == 0x2F, open + 2 + length <= bytes.count, equalsIgnoringCase(open + 2, open + 2 + length, word) {
                    var after = open + 2 + length
                    while isBlank(byte(after)) { after += 1 }
                    return byte(after) == 0x3E ? open : nil
                }
                index = open + 1
            }
            return nil
        }

        private mutating func flush(upTo end: Int) {
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
            copied = end
        }

        /// htmlParseHTMLName: a letter, "_", ":" or "." then letters, digits, ":", "-", "_", ".".
        /// Nil for names libxml2 would cut at its buffer's 100 bytes.
        private func nameEnd(from start: Int) -> Int? {
            var index = start + 1
            while index < bytes.count {
                let current = bytes[index]
                guard isLetter(current) || (current >= 0x30 && current <= 0x39) || current == 0x3A || current == 0x2D || current == 0x5F || current == 0x2E else { break }
                index += 1
            }
            return index - start < 90 ? index : nil
        }

        private func isNameStart(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == 0x5F || byte == 0x3A || byte == 0x2E
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
        }

        /// libxml2's IS_BLANK_CH: space, tab, LF, CR.
        private func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// ASCII upper case to lower case; every other byte as it is.
        private func lower(_ byte: UInt8) -> UInt8 {
            byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        }

        private func equalsIgnoringCase(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
            guard end - start == word.utf8CodeUnitCount else { return false }
            for offset in 0..<(end - start) where lower(bytes[start + offset]) != word.utf8Start[offset] { return false }
            return true
        }

        private func containsIgnoringCase(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard end - start >= length else { return false }
            outer: for position in start...(end - length) {
                for offset in 0..<length where lower(bytes[position + offset]) != word.utf8Start[offset] { continue outer }
                return true
            }
            return false
        }
    }
}
