/// The letters of the most common non-ASCII blocks (Latin-1, basic Cyrillic,
/// Hangul syllables, Kana, CJK ideographs) with their lower case, without a Unicode property
/// look-up (a few hundred instructions each). Tests check every code point here against the
/// properties.
enum CommonLetters {
    /// The lower case of `value` (one scalar, the same length in UTF-8) when it is one of these
    /// letters; nil for any other scalar.
    @inline(__always)
    static func lowercase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0xC0...0xD6, 0xD8...0xDE: value + 0x20
        case 0xDF...0xF6, 0xF8...0xFF: value
        case 0x400...0x40F: value + 0x50
        case 0x410...0x42F: value + 0x20
        case 0x430...0x45F: value
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3: value
        default: nil
        }
    }
}
