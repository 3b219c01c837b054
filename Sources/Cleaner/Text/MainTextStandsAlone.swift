extension MainText {
    /// `ScalarCharacters.standsAlone`, answered in a compare or two for the scalars most lines
    /// beyond ASCII hold (Latin-1 and Latin Extended, Cyrillic, general punctuation's quotes and
    /// dashes, CJK ideographs), which stand alone and hold none of the exceptions it lists; its
    /// search through all blocks for any other. `MainTextStandsAloneTests` compares the two on
    /// every scalar.
    @inline(__always)
    static func standsAlone(_ scalar: UInt32) -> Bool {
        if scalar &- 0x80 < 0x280 || scalar &- 0x400 < 0x83 || scalar &- 0x2010 < 0x18 || scalar &- 0x4E00 < 0x5200 { return true }
        return ScalarCharacters.standsAlone(scalar)
    }
}
