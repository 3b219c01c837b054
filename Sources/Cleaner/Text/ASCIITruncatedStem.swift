extension RepeatedText {
    /// What `asciiStem` finds.
    enum ASCIIStem: Equatable {
        /// The text is not all ASCII, or holds a "\r": only `Character`s tell.
        case notASCII
        /// The text ends in no ellipsis.
        case none
        /// The stem's bytes.
        case stem(Range<Int>)
    }

    /// `truncatedStem` of an all-ASCII text without a "\r", read on its bytes: each byte is then a
    /// `Character` (only "\r\n" joins two ASCII bytes), a letter is A to Z or a to z, whitespace is
    /// tab to carriage return or space, and "…" cannot be there. The `Character` walks backwards
    /// cost thousands of instructions a teaser line ending in "...".
    static func asciiStem(_ text: String) -> ASCIIStem {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> ASCIIStem in
            guard UTF8Validator.isASCII(UnsafeRawBufferPointer(bytes)), !bytes.contains(0x0D) else { return .notASCII }
            let isLetter = UTF8Shortcuts.isASCIILetter
            let isWhitespace = ASCIIText.isWhitespace
            func trimmed(_ range: Range<Int>) -> Range<Int> {
                var start = range.lowerBound
                var end = range.upperBound
                while start < end, isWhitespace(bytes[start]) { start += 1 }
                while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
                return start..<end
            }
            var stem = 0..<bytes.count
            // One toggle word of letters after the ellipsis, and the whitespace around what is left.
            if let last = stem.last, isLetter(bytes[last]) {
                var start = last
                while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
                guard stem.upperBound - start <= maxToggleCharacters else { return .none }
                stem = trimmed(0..<start)
            }
            guard stem.count >= 3, bytes[(stem.upperBound - 3)..<stem.upperBound].allSatisfy({ $0 == UInt8(ascii: ".") }) else { return .none }
            return .stem(trimmed(stem.lowerBound..<(stem.upperBound - 3)))
        }
        return found ?? .notASCII
    }
}
