/// `Character` questions answered scalar by scalar, on a line's UTF-8 bytes.
///
/// Walking a `String` by `Character` costs grapheme breaking and property look-ups for every
/// character. Most lines are made of scalars that always stand alone as a character (letters
/// without combining marks, digits, punctuation, CJK): there each `Character` is one scalar, so a
/// walk over the scalars sees the same characters, and ASCII ones answer from their byte. A line
/// with a scalar that may join a neighbour into one character (combining marks, joiners,
/// variation selectors, emoji, regional indicators, Hangul jamo, Indic and Thai signs, "\r") is
/// left to the `Character` walk: `forEach` says so by returning false. The scalars that stand
/// alone are also their own canonical form (NFC), so that characters compare (by canonical
/// equivalence) as their scalars do: ";" is "\u{37E}" as a `Character`, so that one is left out.
enum ScalarCharacters {
    /// Calls `body` with each scalar of `line` in order until it returns false. True when every
    /// scalar `body` saw was a `Character` alone (the scalar after the last one seen included),
    /// false when `line` must be walked by `Character` instead (and `body`'s findings dropped).
    @inline(__always)
    static func forEach(_ line: String, _ body: (UInt32) -> Bool) -> Bool {
        let walked = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let scalar: UInt32
                let length: Int
                let byte = bytes[index]
                if byte < 0x80 {
                    scalar = UInt32(byte)
                    length = 1
                } else {
                    guard let decoded = UTF8Scalar.decode(bytes, at: index) else { return false }
                    (scalar, length) = decoded
                }
                guard standsAlone(scalar) else { return false }
                guard body(scalar) else {
                    // The character just seen ends here only if the next scalar stands alone too.
                    return nextStandsAlone(bytes, at: index + length)
                }
                index += length
            }
            return true
        }
        return walked ?? false
    }

    /// Calls `scalar` with each scalar of `line` that is a `Character` alone, and `character` with
    /// each other `Character`, in order. Between two scalars that stand alone there is always a
    /// character boundary, so the scalars between two such pairs are a run of whole characters:
    /// only those runs are split by `Character`, each as a string of its own, whose characters are
    /// the line's there (no rule that joins scalars reaches back past two that stand alone). A
    /// line with a few emoji or marks is so walked mostly by scalar. The walk stops when either
    /// body returns false. False, with nothing called, when the line's bytes are not contiguous.
    @inline(__always)
    static func forEachCharacter(_ line: String, scalar: (UInt32) -> Bool, character: (Character) -> Bool) -> Bool {
        let walked = line.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let (first, length) = scalarStandingAlone(bytes, at: index)
                if let first, index + length == bytes.count || nextStandsAlone(bytes, at: index + length) {
                    guard scalar(first) else { return }
                    index += length
                    continue
                }
                // A run from here to the next boundary between two scalars that stand alone.
                var end = index + length
                var previousAlone = first != nil
                while end < bytes.count {
                    let (next, nextLength) = scalarStandingAlone(bytes, at: end)
                    if previousAlone, next != nil { break }
                    previousAlone = next != nil
                    end += nextLength
                }
                for runCharacter in String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) {
                    guard character(runCharacter) else { return }
                }
                index = end
            }
        }
        return walked != nil
    }

    /// The scalar at byte `index` when it stands alone (nil otherwise), and its length in bytes.
    @inline(__always)
    private static func scalarStandingAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (byte != 0x0D ? UInt32(byte) : nil, 1) }
        // A string's bytes are valid UTF-8; a byte that starts no scalar is stepped over alone.
        guard let (scalar, length) = UTF8Scalar.decode(bytes, at: index) else { return (nil, 1) }
        return (standsAlone(scalar) ? scalar : nil, length)
    }

    private static func nextStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        if bytes[index] < 0x80 { return standsAlone(UInt32(bytes[index])) }
        guard let (scalar, _) = UTF8Scalar.decode(bytes, at: index) else { return false }
        return standsAlone(scalar)
    }

    /// True for scalars whose Grapheme_Cluster_Break is Other or Control (UAX #29) and that no
    /// rule joins to a neighbour: between two such scalars there is always a character boundary.
    /// Whole blocks known to hold only such scalars, less the few whose canonical form is another
    /// scalar; anything else is left to `Character`.
    @inline(__always)
    static func standsAlone(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar != 0x0D }  // "\r\n" is one character
        // The blocks most lines beyond ASCII hold (Latin-1 and Latin Extended, Cyrillic, general
        // punctuation's quotes and dashes, CJK ideographs), in a compare each: they hold none of
        // the exceptions below, and the search through all blocks costs some forty instructions.
        if scalar &- 0x80 < 0x280 || scalar &- 0x400 < 0x83 || scalar &- 0x2010 < 0x18 || scalar &- 0x4E00 < 0x5200 { return true }
        return standsAloneByBlock(scalar)
    }

    /// `standsAlone` of a scalar beyond ASCII, found by its block.
    static func standsAloneByBlock(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x374, 0x37E, 0x387, 0x1F71, 0x1F73, 0x1F75, 0x1F77, 0x1F79, 0x1F7B, 0x1F7D, 0x1FBB, 0x1FBE, 0x1FC9, 0x1FCB,
            0x1FD3, 0x1FDB, 0x1FE3, 0x1FEB, 0x1FEE, 0x1FEF, 0x1FF9, 0x1FFB, 0x1FFD, 0x2000, 0x2001, 0x2126, 0x212A, 0x212B,
            0x2329, 0x232A, 0x2ADC:
            return false  // canonically another scalar (Greek question mark, Ohm sign, ...)
        case 0x80...0x2FF,  // Latin-1, Latin Extended-A/B, IPA, spacing modifier letters
            0x370...0x482, 0x48A...0x52F,  // Greek, Cyrillic (not the combining 0483-0489)
            0x531...0x58F,  // Armenian
            0x5D0...0x5F4,  // Hebrew letters (not the points before them)
            0x620...0x64A, 0x660...0x66F, 0x671...0x6D5,  // Arabic letters and digits (not marks or prepended signs)
            0x1E00...0x1FFF,  // Latin Extended Additional, Greek Extended
            0x2000...0x200A, 0x2010...0x2027, 0x2030...0x205F,  // spaces and punctuation (not joiners or format controls)
            0x2070...0x209F, 0x20A0...0x20C0,  // super- and subscripts, currency signs
            0x2100...0x2BFF,  // letterlike, arrows, mathematics, technical, shapes, symbols, dingbats
            0x2E00...0x2FDF,  // supplemental punctuation, CJK radicals
            0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF,  // CJK punctuation, kana (not the combining marks)
            0x3100...0x33FF,  // bopomofo, compatibility jamo (not conjoining), enclosed and compatibility CJK
            0x3400...0x9FFF,  // CJK ideographs
            0xAC00...0xD7A3,  // Hangul syllables: they join only conjoining jamo, which are not here
            0xFE30...0xFE6F,  // CJK compatibility and small forms
            0xFF01...0xFF9D, 0xFFE0...0xFFEE:  // full- and halfwidth forms (not the sound marks FF9E-FF9F)
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        // `Character.isWhitespace` reads its first scalar's White_Space.
        UnicodeWhitespace.isWhitespace(scalar)
    }

    @inline(__always)
    static func isLowercase(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x61 < 26 }
        if isUncased(scalar) { return false }
        guard let unicode = Unicode.Scalar(scalar) else { return false }
        let properties = unicode.properties
        // `Character.isLowercase` answers true from this property first; then it asks whether
        // lowercasing leaves the character as it is, and whether it has case (Cased, or changed by
        // lowercasing or uppercasing). For a scalar that stands alone, "lowercasing leaves it as
        // it is" is its Changes_When_Lowercased property negated (checked for every such scalar).
        if properties.isLowercase { return true }
        guard !properties.changesWhenLowercased else { return false }
        return properties.isCased || properties.changesWhenUppercased
    }

    @inline(__always)
    static func isUppercase(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x41 < 26 }
        if isUncased(scalar) { return false }
        guard let unicode = Unicode.Scalar(scalar) else { return false }
        let properties = unicode.properties
        // As `isLowercase`, the other way round.
        if properties.isUppercase { return true }
        guard !properties.changesWhenUppercased else { return false }
        return properties.isCased || properties.changesWhenLowercased
    }

    /// The lower case of a scalar that stands alone, as `String.lowercased` maps it, when that is
    /// one scalar that stands alone too; nil otherwise (İ lower-cases to "i" and a combining dot;
    /// Σ is left out, since its lower case may hang on what follows it).
    @inline(__always)
    static func lowercased(_ scalar: UInt32) -> UInt32? {
        if scalar < 0x80 { return UInt32(ASCIIText.lowercased(UInt8(scalar))) }
        // Latin-1 and basic Cyrillic capitals lower-case by a fixed offset, and nothing else in
        // those blocks changes (the test of every scalar that stands alone checks it).
        switch scalar {
        case 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F: return scalar + 0x20
        case 0x400...0x40F: return scalar + 0x50
        case 0x80...0xBF, 0xD7, 0xDF...0xFF, 0x430...0x45F: return scalar
        default: break
        }
        if isUncased(scalar) { return scalar }
        guard scalar != 0x3A3, let unicode = Unicode.Scalar(scalar) else { return nil }
        let properties = unicode.properties
        // For a scalar that stands alone, a lower case other than itself is what
        // Changes_When_Lowercased says (see `isLowercase`).
        guard properties.changesWhenLowercased else { return scalar }
        let mapping = properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let lower = mapping.first, standsAlone(lower.value) else { return nil }
        return lower.value
    }

    /// `Character.isLetter || Character.isNumber` of a scalar that stands alone: CJK ideographs and
    /// hangul syllables are letters without a look-up.
    @inline(__always)
    static func isLetterOrNumber(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x61 < 26 || scalar &- 0x41 < 26 || scalar &- 0x30 < 10 }
        switch scalar {
        // Latin-1 letters, Latin Extended-A and -B, and the Cyrillic letters before its signs:
        // letters all, as the test of every scalar that stands alone checks.
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481: return true
        case 0xD7, 0xF7: return false
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return true
        default: break
        }
        guard let unicode = Unicode.Scalar(scalar) else { return false }
        let character = Character(unicode)
        return character.isLetter || character.isNumber
    }

    /// CJK radicals, punctuation, kana, bopomofo, ideographs and hangul syllables: no case at all
    /// (neither lower nor upper case, nothing a case mapping changes), answered without look-ups.
    @inline(__always)
    static func isUncased(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E80...0x2FDF, 0x3000...0x33FF, 0x3400...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    @inline(__always)
    static func isNumber(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x30 < 10 }
        if isNeverNumber(scalar) { return false }
        // `Character.isNumber` reads its first scalar's Numeric_Type.
        return Unicode.Scalar(scalar)?.properties.numericType != nil
    }

    /// Latin letters, Greek, Cyrillic, general punctuation (quotes, dashes, bullets), currency
    /// signs and hangul syllables: no Numeric_Type in these blocks, answered without a look-up
    /// (the test of every scalar that stands alone checks it).
    @inline(__always)
    static func isNeverNumber(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x2000...0x206F, 0x20A0...0x20CF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    /// The scalars of a set of one-scalar characters: a scalar that stands alone is in the set
    /// exactly when its `Character` is (see above on canonical forms).
    static func scalars(of set: Set<Character>) -> Set<UInt32> {
        Set(set.flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.map(\.value) : [] })
    }

    /// `scalars(of:)` beyond ASCII, sorted: a handful, searched in order where ASCII is answered by
    /// an `ASCIISet`.
    static func nonASCIIScalars(of set: Set<Character>) -> [UInt32] {
        scalars(of: set).filter { $0 >= 0x80 }.sorted()
    }
}
