/// How much decoded text looks like real writing: the sum, over its non-ASCII characters, of a
/// weight that is high for what text in the right encoding is made of (frequent letters of one script
/// inside words, frequent CJK characters, kana, typography) and negative for what a wrong encoding
/// makes of it (undecodable bytes, control characters, private-use and unassigned code points,
/// symbols inside words, letters of two scripts in one word, runs of accented letters with no plain
/// letter, an upper-case letter after a lower-case one).
enum PlausibilityScore {
    /// The weights, named so the detector's choices can be reasoned about.
    enum Weight {
        static let undecodable = -10.0
        static let control = -10.0
        static let privateOrUnassigned = -6.0
        static let frequent = 2.0
        static let ordinaryLetter = 1.0
        static let rareLetter = 0.5
        static let rareHanOrHangul = -0.5
        static let letterRunWithoutPlainLetter = -1.5
        static let mixedScripts = -2.0
        static let upperAfterLower = -2.0
        static let symbolInsideWord = -3.0
        static let symbol = -1.0
        static let typography = 1.0
        static let cjkPunctuation = 1.0
        static let jamo = -1.0
        static let foreignAccent = -2.0
        static let isolatedLetter = -0.5
    }

    enum Script: Equatable {
        case latin, cyrillic, greek, hebrew, arabic, thai, other
    }

    static func score(_ scalars: [Unicode.Scalar]) -> Double {
        var total = 0.0
        var accents: [Unicode.Scalar: Int] = [:]
        for index in scalars.indices where scalars[index].value >= 0x80 {
            let scalar = scalars[index]
            let previous = index > 0 ? scalars[index - 1] : " "
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            total += weight(scalar, previous: previous, next: next)
            if script(of: scalar) == .latin, scalar.properties.isAlphabetic, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
                accents[lower, default: 0] += 1
            }
        }
        return total + Weight.foreignAccent * Double(accentsOutsideOneLanguage(accents))
    }

    /// How many accented Latin letters the best-fitting single language does not use.
    private static func accentsOutsideOneLanguage(_ accents: [Unicode.Scalar: Int]) -> Int {
        guard !accents.isEmpty else { return 0 }
        let total = accents.values.reduce(0, +)
        var bestFit = 0
        for language in CommonCharacters.latinLanguages {
            let fit = accents.reduce(0) { $0 + (language.contains($1.key) ? $1.value : 0) }
            bestFit = max(bestFit, fit)
        }
        return total - bestFit
    }

    private static func weight(_ scalar: Unicode.Scalar, previous: Unicode.Scalar, next: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value == 0xFFFD { return Weight.undecodable }
        if value < 0xA0 { return Weight.control }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .privateUse, .unassigned, .surrogate: return Weight.privateOrUnassigned
        case .control: return Weight.control
        default: break
        }
        // Ideographs, kana and Hangul: a double-byte reading of Latin text glues them to plain
        // letters ("gap—which" read as GBK is "gap梬hich"); real CJK text rarely does.
        let glued = isPlainLetter(previous) || isPlainLetter(next) ? Weight.mixedScripts : 0
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3FFFF).contains(value)
        {
            return glued + (CommonCharacters.han.contains(scalar) ? Weight.frequent + 1 : Weight.rareHanOrHangul)
        }
        if (0xAC00...0xD7A3).contains(value) {
            return glued + (CommonCharacters.hangul.contains(scalar) ? Weight.frequent + 1 : Weight.rareHanOrHangul)
        }
        if CommonCharacters.isKana(value) { return glued + Weight.frequent + 0.5 }
        if (0x3131...0x318E).contains(value) { return Weight.jamo }
        if (0x3000...0x303F).contains(value) || (0xFF01...0xFF5E).contains(value) { return Weight.cjkPunctuation }
        if properties.isAlphabetic {
            return letterWeight(scalar, properties: properties, previous: previous, next: next)
        }
        if CommonCharacters.typography.contains(scalar) {
            // Apostrophes (it’s, and the acute accent typed for one: State´s), dashes (gap—which) and
            // the middle dot go between letters; other marks stand between words.
            if CommonCharacters.insideWords.contains(scalar) { return Weight.typography }
            return isLetter(previous) && isLetter(next) ? Weight.symbolInsideWord : Weight.typography
        }
        return isLetter(previous) && isLetter(next) ? Weight.symbolInsideWord : Weight.symbol
    }

    private static func letterWeight(_ scalar: Unicode.Scalar, properties: Unicode.Scalar.Properties, previous: Unicode.Scalar, next: Unicode.Scalar) -> Double {
        let own = script(of: scalar)
        var weight: Double
        switch own {
        case .latin:
            let common = CommonCharacters.accentedLatin.contains(scalar)
            if isPlainLetter(previous) || isPlainLetter(next) {
                weight = common ? Weight.frequent : Weight.rareLetter
            } else if !isLetter(previous) && !isLetter(next) {
                // A one-letter word: Italian "è", French "à", Spanish "ó".
                weight = common ? Weight.ordinaryLetter : -Weight.rareLetter
            } else {
                weight = Weight.letterRunWithoutPlainLetter
            }
        case .cyrillic:
            weight = CommonCharacters.frequentCyrillic.contains(scalar) ? Weight.frequent : Weight.ordinaryLetter + 0.5
            if properties.isUppercase { weight = Weight.ordinaryLetter }
        case .greek:
            weight = CommonCharacters.frequentGreek.contains(scalar) ? Weight.frequent : Weight.ordinaryLetter
            if properties.isUppercase { weight = Weight.ordinaryLetter }
        case .hebrew, .arabic:
            weight = Weight.ordinaryLetter + 0.5
        case .thai:
            // Thai has no spaces between words: its letters come in long runs, and the Thai reading
            // of windows-1252 symbols ("§§", "½") must not outscore them.
            weight = Weight.ordinaryLetter
        case .other:
            weight = Weight.rareLetter
        }
        // Outside Latin, a letter with no letter of its script beside it is rare in real text (Russian
        // one-letter words excepted): a lone Thai letter where windows-1252 has "©" is a misreading.
        if own != .latin, own != .other, script(of: previous) != own, script(of: next) != own,
            !(own == .cyrillic && CommonCharacters.cyrillicWords.contains(scalar))
        {
            weight = Weight.isolatedLetter
        }
        if properties.isUppercase, isLetter(previous), previous.properties.isLowercase, script(of: previous) == own {
            weight += Weight.upperAfterLower
        }
        if (isLetter(previous) && script(of: previous) != own) || (isLetter(next) && script(of: next) != own) {
            weight += Weight.mixedScripts
        }
        return weight
    }

    private static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        isPlainLetter(scalar) || (scalar.value >= 0xC0 && scalar.properties.isAlphabetic)
    }

    static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: .latin
        case 0x400...0x52F: .cyrillic
        case 0x370...0x3FF: .greek
        case 0x590...0x5FF: .hebrew
        case 0x600...0x6FF: .arabic
        case 0xE00...0xE7F: .thai
        default: .other
        }
    }
}
