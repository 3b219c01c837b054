internal import CPCRE2

/// A code unit that PCRE2 found every match of a pattern must hold (its fixed first code unit, or
/// the last literal one it records): a line without it cannot match. Searching the whole document
/// for a pattern such as `^(?:\S.{0,80}\s)?(?i:says|...)\s?:$` tries it at every line (20 million
/// instructions for 60 scrapes); the lines that hold a ":" are found with memchr, and only they are
/// matched. Only ASCII punctuation and symbols are used: they have no other case (a letter may
/// match in either case under `(?i)`), and lines hold them seldom (a space or a letter picks out
/// nearly every line, where the search is cheaper).
enum RequiredByte {
    static func of(_ code: OpaquePointer) -> UInt8? {
        var type: UInt32 = 0
        var unit: UInt32 = 0
        if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODETYPE), &type) == 0, type == 1,
           pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODEUNIT), &unit) == 0, let byte = usable(unit)
        {
            return byte
        }
        if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type) == 0, type == 1,
           pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit) == 0, let byte = usable(unit)
        {
            return byte
        }
        return nil
    }

    /// ASCII punctuation and symbols: "!" to "~" less letters, digits and `common`.
    static func usable(_ unit: UInt32) -> UInt8? {
        guard unit > 0x20, unit < 0x7F else { return nil }
        let byte = UInt8(unit)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return nil
        default: return common.contains(byte) ? nil : byte
        }
    }

    /// Punctuation that most lines of prose hold: it would pick out nearly every line. An array,
    /// not a set: a set's first use looked up `UInt8`'s conformances (about 120,000 instructions).
    static let common: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ",")]
}
