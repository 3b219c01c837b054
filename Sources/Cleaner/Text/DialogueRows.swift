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
    /// it, while the line between carries another one; and of those two lines.
    static func neutralise(_ weights: inout [Double], lines: MainText.UnitTexts) {
        var labels: [Substring?] = []
        labels.reserveCapacity(lines.count)
        for index in lines.indices { labels.append(lines[index].flatMap(label)) }
        for index in labels.indices.dropFirst(2) {
            guard let own = labels[index], let between = labels[index - 1], between != own, labels[index - 2] == own else { continue }
            for row in (index - 2)...index { weights[row] = max(weights[row], 0) }
        }
    }

    /// The speaker's label a line opens with: up to `maxLabelWords` words without digits (a
    /// time of day is no label), then a colon and a space. Nil for any other line.
    static func label(_ line: String) -> Substring? {
        let utf8 = line.utf8
        guard let colon = utf8.prefix(maxLabelBytes + 1).firstIndex(of: UInt8(ascii: ":")), colon > utf8.startIndex else { return nil }
        let after = utf8.index(after: colon)
        guard after < utf8.endIndex, utf8[after] == 0x20 else { return nil }
        let label = Substring(utf8[utf8.startIndex..<colon])
        guard !label.utf8.contains(where: { $0 &- 0x30 < 10 }), label.utf8.first != 0x20 else { return nil }
        guard label.split(separator: " ").count <= maxLabelWords else { return nil }
        return label
    }
}
