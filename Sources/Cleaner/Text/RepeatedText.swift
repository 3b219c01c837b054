import Glibc

/// Text that a page carries twice: an image's alt text next to its caption, the title again at the end.
enum RepeatedText {
    /// A line shorter than this many words is not taken for a caption copy ("Share", "Print").
    static let minCaptionWords = 4
    /// A truncated copy must keep at least this many characters before its "...".
    static let minTruncatedLength = 20

    /// `drop_repeated`: two adjacent lines (in one block or across a block boundary) that are
    /// the same text, or where one is the other cut short with "..." / "…": both go.
    static func dropAdjacentCopies(_ reason: RemovalReason, in document: inout Document) {
        // Each line's ends are read once, for both pairs it is in; its text is compared only when
        // they leave the pair open (most neighbours differ at an end and end in no ellipsis).
        var previous: (block: Int, line: Int, ends: UTF8Shortcuts.Ends)?
        for blockIndex in document.blocks.indices {
            for lineIndex in document.blocks[blockIndex].lines.indices {
                let ends = UTF8Shortcuts.Ends(document.blocks[blockIndex].lines[lineIndex].text)
                defer { previous = (blockIndex, lineIndex, ends) }
                // Removed lines count as neighbours too: a caption another rule already took
                // still shows that its truncated copy next to it is a caption.
                guard let before = previous, !(before.ends.differ(from: ends) && !before.ends.mayEndInEllipsis && !ends.mayEndInEllipsis) else { continue }
                // The ends' test of `areCopies` is the one just made.
                guard
                    areCopiesPastEnds(
                        document.blocks[before.block].lines[before.line].text, document.blocks[blockIndex].lines[lineIndex].text,
                        mayEndInEllipsis: (before.ends.mayEndInEllipsis, ends.mayEndInEllipsis))
                else { continue }
                if document.blocks[before.block].lines[before.line].isKept {
                    document.blocks[before.block].lines[before.line].removedBy = reason
                }
                if document.blocks[blockIndex].lines[lineIndex].isKept { document.blocks[blockIndex].lines[lineIndex].removedBy = reason }
            }
        }
    }

    static func areCopies(_ first: String, _ second: String) -> Bool {
        areCopies(first, second, mayEndInEllipsis: (UTF8Shortcuts.mayEndInEllipsis(first), UTF8Shortcuts.mayEndInEllipsis(second)))
    }

    /// `areCopies`, told what `UTF8Shortcuts.mayEndInEllipsis` says of each line.
    private static func areCopies(_ first: String, _ second: String, mayEndInEllipsis: (Bool, Bool)) -> Bool {
        // Most neighbours differ in their first or last letter and neither ends in an ellipsis:
        // said from the bytes, without comparing whole strings character by character.
        if UTF8Shortcuts.differAtEnds(first, second), !mayEndInEllipsis.0, !mayEndInEllipsis.1 {
            return false
        }
        return areCopiesPastEnds(first, second, mayEndInEllipsis: mayEndInEllipsis)
    }

    /// `areCopies` of two lines whose ends leave the pair open (`UTF8Shortcuts.differAtEnds` is
    /// false, or one may end in an ellipsis).
    private static func areCopiesPastEnds(_ first: String, _ second: String, mayEndInEllipsis: (Bool, Bool)) -> Bool {
        if first == second {
            return MainText.wordCount(first, limit: minCaptionWords) >= minCaptionWords
        }
        // What each line's ends said stands for the first test of `isTruncatedCopy`.
        return (mayEndInEllipsis.0 && isTruncatedCopy(endingInEllipsis: first, of: second))
            || (mayEndInEllipsis.1 && isTruncatedCopy(endingInEllipsis: second, of: first))
    }

    /// "A long caption, ..." is a truncated copy of "A long caption, cut here. (Photo)", and so is
    /// "A long caption, ... more" (the toggle that shows the rest, in any language).
    static func isTruncatedCopy(_ short: String, of long: String) -> Bool {
        UTF8Shortcuts.mayEndInEllipsis(short) && isTruncatedCopy(endingInEllipsis: short, of: long)
    }

    /// `isTruncatedCopy` of a `short` line for which `UTF8Shortcuts.mayEndInEllipsis` holds.
    private static func isTruncatedCopy(endingInEllipsis short: String, of long: String) -> Bool {
        // A character is a byte at least, so a stem of too few bytes is too short.
        guard let stem = truncatedStem(short), stem.utf8.count >= minTruncatedLength else { return false }
        // Different first ASCII bytes are different first characters (an ASCII character is a
        // starter, first in any equivalent form). Then the prefix, before the counts: a long
        // line's count walks all of it.
        if let first = stem.utf8.first, let longFirst = long.utf8.first, first < 0x80, longFirst < 0x80, first != longFirst { return false }
        return long.hasPrefix(stem) && stem.count >= minTruncatedLength && MainText.characterCount(long) > stem.count
    }

    /// A toggle word after the ellipsis has at most this many characters ("more", "mehr", "plus").
    static let maxToggleCharacters = 10

    /// The text before a closing ellipsis ("..." or "…", then nothing or one toggle word), trimmed.
    static func truncatedStem(_ text: String) -> Substring? {
        switch asciiStem(text) {
        case .stem(let bytes):
            let utf8 = text.utf8
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
        case .none: return nil
        case .notASCII: return truncatedStemByCharacters(text)
        }
    }

    /// `truncatedStem` read by `Character`: the definition, for any text.
    static func truncatedStemByCharacters(_ text: String) -> Substring? {
        var stem = Substring(text)
        // One word of letters after the ellipsis: looked for in the last few characters only,
        // walked back one past the longest toggle word and no further (a line of ideographs is
        // letters throughout, and counting them all walked the whole line).
        if let last = stem.last, last.isLetter {
            var start = stem.endIndex
            var letters = 0
            while start > stem.startIndex, letters <= maxToggleCharacters {
                let before = stem.index(before: start)
                guard stem[before].isLetter else { break }
                start = before
                letters += 1
            }
            guard letters <= maxToggleCharacters else { return nil }
            stem = stem[..<start].trimmingWhitespace()
        }
        // The ellipsis' characters dropped one by one from the end (`dropLast` on a `Substring`
        // measured the offset from the start).
        let ellipsisCharacters: Int
        if stem.hasSuffix("...") {
            ellipsisCharacters = 3
        } else if stem.hasSuffix("…") {
            ellipsisCharacters = 1
        } else {
            return nil
        }
        var end = stem.endIndex
        for _ in 0..<ellipsisCharacters { end = stem.index(before: end) }
        return stem[..<end].trimmingWhitespace()
    }

    /// A line needs this many words before a second copy of it counts as a duplicate.
    static let minDuplicateWords = 5

    /// `drop_duplicates`: later copies of a kept line of `minDuplicateWords` or more go.
    static func dropLaterCopies(_ reason: RemovalReason, in document: inout Document) {
        var seen: Set<String> = []
        for blockIndex in document.blocks.indices {
            for lineIndex in document.blocks[blockIndex].lines.indices {
                let line = document.blocks[blockIndex].lines[lineIndex]
                // Words counted up to the bound, without splitting the line into an array of them.
                guard line.isKept, MainText.wordCount(line.text, limit: minDuplicateWords) >= minDuplicateWords else { continue }
                if !seen.insert(comparable(line.text)).inserted {
                    document.blocks[blockIndex].lines[lineIndex].removedBy = reason
                }
            }
        }
    }

    /// A line needs this many words, and this many copies, for `drop_repeated_lines`: a caption
    /// shown under each picture of a gallery is long and comes again and again, while a page's
    /// own repeated lines are short labels ("Add to cart") or come a few times (a table's rows,
    /// a meal plan's dishes).
    static let minRepeatedLineWords = 8
    static let minRepeatedLineCopies = 4

    /// `drop_repeated_lines`: every copy of a kept line that does not end a sentence, of
    /// `minRepeatedLineWords` words or more, met `minRepeatedLineCopies` times or more, apart
    /// or together. A sentence said four times is the page's own (a refrain, a form letter).
    static func dropRepeatedLines(_ reason: RemovalReason, in document: inout Document) {
        // The lines that may repeat, in order: most pages have fewer than `minRepeatedLineCopies`
        // of them, and their texts need not be compared at all.
        var found: [(text: String, block: Int, line: Int)] = []
        for blockIndex in document.blocks.indices {
            for lineIndex in document.blocks[blockIndex].lines.indices {
                // The flag and the text read in place: a copy of the line would retain both.
                guard document.blocks[blockIndex].lines[lineIndex].isKept else { continue }
                let text = document.blocks[blockIndex].lines[lineIndex].text
                // Words are runs between whitespace: fewer bytes than a letter and a space each
                // cannot hold enough of them (labels, bylines, headings are that short).
                guard text.utf8.count >= 2 * minRepeatedLineWords - 1, !Headline.endsSentence(text),
                    MainText.wordCount(text, limit: minRepeatedLineWords) >= minRepeatedLineWords
                else { continue }
                found.append((text, blockIndex, lineIndex))
            }
        }
        guard found.count >= minRepeatedLineCopies else { return }
        // Copies lie together once the lines are sorted by text (`String` orders as it compares,
        // canonically equivalent texts as equals): a run of them is found with a comparison a
        // line or two, where a table hashed each whole line.
        let order = found.indices.sorted { found[$0].text < found[$1].text }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, found[order[end]].text == found[order[start]].text { end += 1 }
            if end - start >= minRepeatedLineCopies {
                for place in order[start..<end] { document.blocks[found[place].block].lines[found[place].line].removedBy = reason }
            }
            start = end
        }
    }

    /// `drop_repeated_title`: blocks after the first that repeat the title. The title is the page's
    /// metadata title when it appears in the body, else the first block when it is headline-like.
    static func dropRepeatedTitle(_ reason: RemovalReason, in document: inout Document) {
        let kept = document.keptBlockIndices
        guard let first = kept.first else { return }
        var title: String?
        if let metadataTitle = document.metadata.title.map(comparable),
            kept.contains(where: { isComparable(document.blocks[$0], to: metadataTitle) })
        {
            title = metadataTitle
        } else if Headline.isHeadlineLike(document.blocks[first]) {
            title = comparable(document.blocks[first].keptText)
        }
        guard let title, !title.isEmpty else { return }
        var seen = false
        for index in kept where isComparable(document.blocks[index], to: title) {
            if seen { document.blocks[index].remove(reason) }
            seen = true
        }
    }

    private static func comparable(_ text: String) -> String {
        LowerCase.of(TextNormalizer.normalizeLine(text))
    }

    /// `comparable(block.keptText) == title`, cheaply ruling out most blocks first: by their opening
    /// run of printable ASCII (lower-casing maps an ASCII character to its ASCII lower case, nothing
    /// else, and normalizing keeps it), then by length, which lower-casing changes by at most a
    /// factor 3 down (K to k) or 1.5 up (İ to i̇), before lower-casing, the costly half.
    private static func isComparable(_ block: Block, to title: String) -> Bool {
        if let kept = block.lines.firstIndex(where: { $0.isKept }), !openingASCIIAgrees(block.lines[kept].text, with: title) {
            return false
        }
        // Both ending in ASCII, they end in different characters: a last ASCII character stays
        // last in any canonically equivalent form, and lower-casing maps it to its ASCII lower
        // case; normalizing keeps a printable one where it is.
        if let kept = block.lines.lastIndex(where: { $0.isKept }), let last = block.lines[kept].text.utf8.last, last > 0x20, last < 0x7F,
            let titleLast = title.utf8.last, titleLast < 0x80, ASCIIText.lowercased(last) != titleLast
        {
            return false
        }
        let normalized = TextNormalizer.normalizeLine(block.keptText)
        let length = normalized.utf8.count
        guard length * 3 >= title.utf8.count, length <= title.utf8.count * 3 else { return false }
        // Both ASCII: lower-casing maps each byte to its ASCII lower case, and ASCII strings are
        // equal only byte for byte. Said without making the lower-cased copy.
        if ASCIIText.isASCII(normalized), ASCIIText.isASCII(title) {
            return length == title.utf8.count && zip(normalized.utf8, title.utf8).allSatisfy { ASCIIText.lowercased($0) == $1 }
        }
        return LowerCase.of(normalized) == title
    }

    /// False when the line's opening run of printable ASCII and single spaces between them (after
    /// the whitespace and controls that normalizing drops), lower-cased, is not where `title`
    /// starts: the comparable text starts with that run, whatever follows it.
    static func openingASCIIAgrees(_ line: String, with title: String) -> Bool {
        var titleBytes = title.utf8.makeIterator()
        var started = false
        var space = false
        for byte in line.utf8 {
            if !started, byte <= 0x20 { continue }
            started = true
            if byte == 0x20, !space {
                // Kept as it is only when a printable byte follows.
                space = true
                continue
            }
            guard byte > 0x20, byte < 0x7F else { return true }
            // A title byte past ASCII may be a character canonically equal to an ASCII one
            // (U+037E is ";") or one that a combining mark makes of it: left to the comparison.
            if space {
                guard let next = titleBytes.next() else { return false }
                if next >= 0x80 { return true }
                guard next == 0x20 else { return false }
                space = false
            }
            guard let expected = titleBytes.next() else { return false }
            if expected >= 0x80 { return true }
            if ASCIIText.lowercased(byte) != expected { return false }
        }
        return true
    }
}

/// Byte-level answers to character-level questions, where the bytes settle them for sure.
enum UTF8Shortcuts {
    /// True when the strings cannot be equal (as strings compare, by canonical equivalence): both
    /// start, or both end, with ASCII bytes that differ. An ASCII character has no decomposition
    /// and is a starter, so it stays first (or, at the end, last) in any equivalent form.
    static func differAtEnds(_ first: String, _ second: String) -> Bool {
        Ends.differ((first.utf8.first, first.utf8.last), (second.utf8.first, second.utf8.last))
    }

    /// What `differAtEnds` and `mayEndInEllipsis` read of a line: its first and last bytes, and
    /// whether it may end in an ellipsis.
    struct Ends {
        let first: UInt8?
        let last: UInt8?
        let mayEndInEllipsis: Bool

        @inline(__always)
        init(_ text: String) {
            // A line's bytes are contiguous (a native string): read in place, once.
            if let ends = text.utf8.withContiguousStorageIfAvailable({ (first: $0.first, last: $0.last, ellipsis: UTF8Shortcuts.mayEndInEllipsis($0)) }) {
                (first, last, mayEndInEllipsis) = ends
            } else {
                first = text.utf8.first
                last = text.utf8.last
                mayEndInEllipsis = UTF8Shortcuts.mayEndInEllipsis(text)
            }
        }

        /// `differAtEnds` of the two lines.
        func differ(from other: Ends) -> Bool {
            Self.differ((first, last), (other.first, other.last))
        }

        /// `differAtEnds` of two lines' first and last bytes (nil for an empty line).
        static func differ(_ one: (first: UInt8?, last: UInt8?), _ other: (first: UInt8?, last: UInt8?)) -> Bool {
            guard let a = one.first, let b = other.first else { return (one.first == nil) != (other.first == nil) }
            if a < 0x80, b < 0x80, a != b { return true }
            guard let c = one.last, let d = other.last else { return false }
            return c < 0x80 && d < 0x80 && c != d
        }
    }

    /// `mayEndInEllipsis` of a line's UTF-8: false where the ASCII at the line's end settles that
    /// `truncatedStem` finds no ellipsis (most lines end in a sentence's "word." or in a word after
    /// a space), else what `windowHoldsEllipsis` says.
    static func mayEndInEllipsis(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = bytes.count
        guard index > 0 else { return false }
        // A toggle word of ASCII letters, then the whitespace before it, both trimmed off.
        while index > 0, isASCIILetter(bytes[index - 1]) { index -= 1 }
        if index < bytes.count {
            guard index > 0 else { return false }
            guard isOwnCharacter(bytes, at: index - 1) else { return windowHoldsEllipsis(bytes) }
            // The word (each ASCII letter after an ASCII non-letter a Character of its own) is too long.
            if bytes.count - index > RepeatedText.maxToggleCharacters { return false }
            while index > 0, ASCIIText.isWhitespace(bytes[index - 1]) { index -= 1 }
            guard index > 0 else { return false }
        }
        // What is left must end in "..." or "…". Past ASCII, or ASCII a prepended mark may join: as the window says.
        let last = index - 1
        guard isOwnCharacter(bytes, at: last) else { return windowHoldsEllipsis(bytes) }
        // An ASCII Character of its own (the byte before it ASCII too) ends "..." only as a "." after a ".".
        guard bytes[last] == 0x2E, last > 0, bytes[last - 1] == 0x2E else { return false }
        return windowHoldsEllipsis(bytes)
    }

    /// True when the byte at `index` and the one before it (if any) are ASCII: then nothing before
    /// joins it into a longer Character but the CR of a CR LF (whitespace, neither a letter nor a
    /// "."), as a prepended mark past ASCII could; the bytes after it that callers read are ASCII,
    /// so nothing after joins it either.
    @inline(__always)
    private static func isOwnCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] < 0x80 && (index == 0 || bytes[index - 1] < 0x80)
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// The line's last bytes (a toggle word's characters, 4 bytes each at most, a space, and the
    /// ellipsis' last byte) hold ".." or the last byte of "…".
    static func windowHoldsEllipsis(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let tail = UnsafeBufferPointer(rebasing: bytes.suffix(RepeatedText.maxToggleCharacters * 4 + 2))
        // Neither a "." nor the last byte of "…" in the window: the answer, found by memchr.
        guard let base = tail.baseAddress, memchr(base, 0x2E, tail.count) != nil || memchr(base, 0xA6, tail.count) != nil else { return false }
        var previous: UInt8 = 0
        for byte in tail {
            if byte == 0xA6 || (byte == 0x2E && previous == 0x2E) { return true }
            previous = byte
        }
        return false
    }

    /// False when the text cannot end with "..." or "…", alone or before a short toggle word
    /// ("... more"): true only where `windowHoldsEllipsis` is.
    static func mayEndInEllipsis(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayEndInEllipsis($0) }
    }
}
