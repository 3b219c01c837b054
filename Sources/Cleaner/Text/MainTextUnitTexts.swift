extension MainText {
    /// Each unit's text, nil for a block of wrapped prose, read from the document's lines when
    /// asked: the steps after `units(of:)` read few of them, where an array of the texts took
    /// each line's string once more (a retain a line) and let go of them all after (an optional's
    /// generic destroy a line).
    struct UnitTexts: RandomAccessCollection {
        let blocks: [Block]
        let places: [Unit]

        var startIndex: Int { 0 }
        var endIndex: Int { places.count }

        subscript(position: Int) -> String? {
            let place = places[position]
            guard let line = place.line else { return nil }
            return blocks[place.block].lines[line].text
        }
    }
}
