/// The text of a whole subtree, normalized once, from which the Character count of
/// `TextNormalizer.normalizeLine(element.textContent)` is read for any element inside it without
/// reading that element's text again: what makes a check of every element's text linear in the
/// page instead of quadratic in its nesting.
///
/// Text nodes are appended in document order (as `textContent` concatenates them) and every
/// whitespace or control run becomes one space where it starts, as `normalizeLine` collapses it.
/// An element's text is then the span between the offsets before and after its text nodes, less
/// one space at each end (the trim). Its Character count is the count of grapheme clusters that
/// start in the span, as the whole text is segmented, plus a correction at the span's start: a
/// span that starts inside a cluster (a combining mark after an element boundary) starts a
/// cluster of its own there. Inside that first cluster only the rules that look further back
/// than the previous scalar (emoji ZWJ sequences, regional-indicator pairs, Indic conjuncts) can
/// split differently on their own; only then is that cluster's tail counted again as a string.
struct NormalizedText {
    private(set) var bytes: [UInt8] = []
    /// The last scalar appended was whitespace or a control (its space is written).
    private var inRun = false
    /// False once a text node was not valid UTF-8: `textContent` would repair it, this does not.
    private(set) var isValid = true

    /// Where the next text node's normalized bytes go: an element's start or end.
    var offset: Int { bytes.count }

    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) {
        guard isValid else { return }
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte < 0x80 {
                index += 1
                // ASCII whitespace (9-13, 32) and controls (below 32, 127), as normalizeLine reads them.
                if byte <= 0x20 || byte == 0x7F {
                    if !inRun { bytes.append(0x20) }
                    inRun = true
                } else {
                    bytes.append(byte)
                    inRun = false
                }
                continue
            }
            guard let (scalar, length) = UTF8Scalar.decode(raw, at: index) else {
                isValid = false
                return
            }
            if UnicodeWhitespace.isSpaceOrControl(scalar) {
                if !inRun { bytes.append(0x20) }
                inRun = true
            } else {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<index + length]))
                inRun = false
            }
            index += length
        }
    }

    /// The counter over the text appended so far (valid UTF-8 only).
    func lengths() -> Lengths {
        Lengths(bytes)
    }

    /// Character counts of spans of the normalized text.
    struct Lengths {
        private let bytes: [UInt8]
        /// Every byte starts a Character (ASCII text, where controls are already spaces).
        private let isASCII: Bool
        /// Byte offsets where a Character of the whole text starts, in order.
        private let starts: [UInt32]
        /// Byte offsets of scalars whose break from the previous scalar may depend on more than the
        /// two of them: after a ZWJ (GB11), a regional indicator after one (GB12, GB13), and, for
        /// the conjunct rule (GB9c, Indic consonants), every scalar from U+0900 on: a superset that
        /// holds whatever scripts later Unicode versions add to it.
        private let contextual: [UInt32]

        fileprivate init(_ bytes: [UInt8]) {
            self.bytes = bytes
            isASCII = !bytes.contains { $0 >= 0x80 }
            guard !isASCII else {
                starts = []
                contextual = []
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            var starts: [UInt32] = []
            var index = text.startIndex
            while index < text.endIndex {
                starts.append(UInt32(text.utf8.distance(from: text.startIndex, to: index)))
                index = text.index(after: index)
            }
            self.starts = starts
            var contextual: [UInt32] = []
            bytes.withUnsafeBufferPointer { buffer in
                var previous: UInt32 = 0
                var offset = 0
                while offset < buffer.count {
                    let (scalar, length) = buffer[offset] < 0x80 ? (UInt32(buffer[offset]), 1) : UTF8Scalar.decode(buffer, at: offset) ?? (0xFFFD, 1)
                    if previous == 0x200D || (Self.isRegionalIndicator(previous) && Self.isRegionalIndicator(scalar)) || scalar >= 0x900 {
                        contextual.append(UInt32(offset))
                    }
                    previous = scalar
                    offset += length
                }
            }
            self.contextual = contextual
        }

        private static func isRegionalIndicator(_ scalar: UInt32) -> Bool {
            (0x1F1E6...0x1F1FF).contains(scalar)
        }

        /// `normalizeLine` of the text between two offsets, counted in Characters.
        func count(from start: Int, to end: Int) -> Int {
            var start = start
            var end = end
            if start < end, bytes[start] == 0x20 { start += 1 }
            if end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end else { return 0 }
            if isASCII { return end - start }
            var clusterEnd = firstStart(atOrAfter: start)
            if clusterEnd == start { return Self.below(end, in: starts) - Self.below(start, in: starts) }
            // Regional indicators pair up by their parity from the run's start: a run that goes on
            // past the cluster is counted on its own to the run's end.
            while clusterEnd < end, isRegionalIndicatorPair(at: clusterEnd) {
                clusterEnd = firstStart(atOrAfter: clusterEnd + 1)
            }
            let headEnd = min(clusterEnd, end)
            var head = 1
            if Self.below(headEnd, in: contextual) > Self.below(start + 1, in: contextual) {
                head = bytes[start..<headEnd].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self).count }
            }
            guard clusterEnd < end else { return head }
            return head + Self.below(end, in: starts) - Self.below(clusterEnd, in: starts)
        }

        /// The offset of the first Character of the whole text that starts at or after `offset`.
        private func firstStart(atOrAfter offset: Int) -> Int {
            let index = Self.below(offset, in: starts)
            return index < starts.count ? Int(starts[index]) : bytes.count
        }

        /// The scalars before and at `offset` are both regional indicators (4 bytes each: F0 9F 87 A6-BF).
        private func isRegionalIndicatorPair(at offset: Int) -> Bool {
            guard offset >= 4, offset + 4 <= bytes.count else { return false }
            func isIndicator(_ at: Int) -> Bool {
                bytes[at] == 0xF0 && bytes[at + 1] == 0x9F && bytes[at + 2] == 0x87 && (0xA6...0xBF).contains(bytes[at + 3])
            }
            return isIndicator(offset - 4) && isIndicator(offset)
        }

        /// How many of the sorted `values` are below `value`.
        private static func below(_ value: Int, in values: [UInt32]) -> Int {
            values.lowerBound(of: value) { Int($0) }
        }
    }
}
