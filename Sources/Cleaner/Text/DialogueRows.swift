import Glibc

/// An interview or a transcript as short lines: "Q: Favourite book?", "A: The one I am
/// reading", "Q: ...". Each line opens with its speaker's label and a colon, and two labels take
/// turns, line after line. Its short lines end no sentence and would cost as menu items, so the
/// article's run would end at the first quick exchange. Lines that take such turns weigh
/// nothing against the article (neutral, not prose, as `NumberedRows`). A form's fields or a
/// post's header ("Posted: ...", "Author: ...") open with labels too, but each a different one.
enum DialogueRows {
    /// A label has at most this many words...
    static let maxLabelWords = 3
    /// ...and this many bytes before its colon.
    static let maxLabelBytes = 24

    /// Raises to zero the weight of each line whose label is the label of the line two before
    /// it, while the line between carries another one; and of those two lines. `labels` holds
    /// each unit's `labelEnd`, `lines` its text (nil for a block of wrapped prose).
    static func neutralise(_ weights: inout [Double], labels: [Int?], lines: MainText.UnitTexts) {
        for index in labels.indices.dropFirst(2) {
            // Most lines have no label: their texts are not read.
            guard let end = labels[index], let between = labels[index - 1], let first = labels[index - 2],
                let line = lines[index], let middle = lines[index - 1], let earlier = lines[index - 2]
            else { continue }
            let own = line.utf8.prefix(end)
            guard own.elementsEqual(earlier.utf8.prefix(first)), !own.elementsEqual(middle.utf8.prefix(between)) else { continue }
            for row in (index - 2)...index { weights[row] = max(weights[row], 0) }
        }
    }

    /// Where the speaker's label a line opens with ends (its colon's byte offset): up to
    /// `maxLabelWords` words without digits (a time of day is no label) in `maxLabelBytes`
    /// bytes, then a colon and a space. Nil for any other line, which mostly fails at its third
    /// space or first digit, a few bytes in.
    static func labelEnd(_ line: String) -> Int? {
        var line = line
        return line.withUTF8(labelEnd(bytes:))
    }

    /// `labelEnd` of a line's bytes: the first colon found by `memchr` (most lines have none in
    /// their first bytes), then the bytes before it asked.
    static func labelEnd(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = min(bytes.count - 1, maxLabelBytes)
        guard limit > 0, let base = bytes.baseAddress, let hit = memchr(base, Int32(UInt8(ascii: ":")), limit) else { return nil }
        let colon = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        guard colon > 0, bytes[colon + 1] == 0x20, bytes[0] != 0x20 else { return nil }
        var spaces = 0
        for index in 0..<colon {
            let byte = bytes[index]
            if byte &- 0x30 < 10 { return nil }
            if byte == 0x20 {
                spaces += 1
                if spaces >= maxLabelWords { return nil }
            }
        }
        return colon
    }
}
