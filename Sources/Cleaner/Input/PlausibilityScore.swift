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

    /// What the weights look at in a character and its neighbours, computed once per character
    /// (Unicode property look-ups are the detector's main cost).
    struct Traits {
        var script: Script = .other
        var isLetter = false
        var isPlainLetter = false
        var isUpper = false
        var isLower = false

        init(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                isPlainLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                isLetter = isPlainLetter
                isUpper = (0x41...0x5A).contains(value)
                isLower = (0x61...0x7A).contains(value)
                script = isPlainLetter ? .latin : .other
                return
            }
            guard value >= 0xC0 else { return }
            if value < Self.tableLimit {
                let flags = Self.table[Int(value)]
                isLetter = flags & Self.letter != 0
                isUpper = flags & Self.upper != 0
                isLower = flags & Self.lower != 0
            } else {
                // Ideographs, kana, Hangul: letters without case.
                isLetter = scalar.properties.isAlphabetic
            }
            if isLetter { script = PlausibilityScore.script(of: scalar) }
        }

        /// The alphabetic scripts (up to U+2FFF), looked up once: letter and case flags per code point.
        private static let tableLimit: UInt32 = 0x3000
        private static let letter: UInt8 = 1
        private static let upper: UInt8 = 2
        private static let lower: UInt8 = 4
        private static let table: [UInt8] = (0..<tableLimit).map { value in
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return 0 }
            return letter | (scalar.properties.isUppercase ? upper : 0) | (scalar.properties.isLowercase ? lower : 0)
        }
    }

    private static let space = Traits(" ")

    static func score(_ scalars: [Unicode.Scalar]) -> Double {
        let traits = scalars.map(Traits.init)
        var total = 0.0
        var accents: [Unicode.Scalar: Int] = [:]
        for index in scalars.indices where scalars[index].value >= 0x80 {
            let scalar = scalars[index]
            let previous = index > 0 ? traits[index - 1] : space
            let next = index + 1 < scalars.count ? traits[index + 1] : space
            total += weight(scalar, traits[index], previous: previous, next: next)
            if traits[index].script == .latin, traits[index].isLetter, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
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

    private static func weight(_ scalar: Unicode.Scalar, _ own: Traits, previous: Traits, next: Traits) -> Double {
        let value = scalar.value
        if value == 0xFFFD { return Weight.undecodable }
        if value < 0xA0 { return Weight.control }
        // Ideographs, kana and Hangul: a double-byte reading of Latin text glues them to plain
        // letters ("gap—which" read as GBK is "gap梬hich"); real CJK text rarely does.
        let glued = previous.isPlainLetter || next.isPlainLetter ? Weight.mixedScripts : 0
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
        {
            return glued + (CommonCharacters.han.contains(scalar) ? Weight.frequent + 1 : Weight.rareHanOrHangul)
        }
        if (0xAC00...0xD7A3).contains(value) {
            return glued + (CommonCharacters.hangul.contains(scalar) ? Weight.frequent + 1 : Weight.rareHanOrHangul)
        }
        if CommonCharacters.isKana(value) { return glued + Weight.frequent + 0.5 }
        if (0x3131...0x318E).contains(value) { return Weight.jamo }
        if (0x3000...0x303F).contains(value) || (0xFF01...0xFF5E).contains(value) { return Weight.cjkPunctuation }
        if own.isLetter {
            return letterWeight(scalar, own, previous: previous, next: next)
        }
        switch scalar.properties.generalCategory {
        case .privateUse, .unassigned, .surrogate: return Weight.privateOrUnassigned
        case .control: return Weight.control
        default: break
        }
        if CommonCharacters.typography.contains(scalar) {
            // Apostrophes (it’s, and the acute accent typed for one: State´s), dashes (gap—which) and
            // the middle dot go between letters; other marks stand between words.
            if CommonCharacters.insideWords.contains(scalar) { return Weight.typography }
            return previous.isLetter && next.isLetter ? Weight.symbolInsideWord : Weight.typography
        }
        return previous.isLetter && next.isLetter ? Weight.symbolInsideWord : Weight.symbol
    }

    private static func letterWeight(_ scalar: Unicode.Scalar, _ own: Traits, previous: Traits, next: Traits) -> Double {
        var weight: Double
        switch own.script {
        case .latin:
            let common = CommonCharacters.accentedLatin.contains(scalar)
            if previous.isPlainLetter || next.isPlainLetter {
                weight = common ? Weight.frequent : Weight.rareLetter
            } else if !previous.isLetter && !next.isLetter {
                // A one-letter word: Italian "è", French "à", Spanish "ó".
                weight = common ? Weight.ordinaryLetter : -Weight.rareLetter
            } else {
                weight = Weight.letterRunWithoutPlainLetter
            }
        case .cyrillic:
            weight = CommonCharacters.frequentCyrillic.contains(scalar) ? Weight.frequent : Weight.ordinaryLetter + 0.5
            if own.isUpper { weight = Weight.ordinaryLetter }
        case .greek:
            weight = CommonCharacters.frequentGreek.contains(scalar) ? Weight.frequent : Weight.ordinaryLetter
            if own.isUpper { weight = Weight.ordinaryLetter }
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
        if own.script != .latin, own.script != .other, previous.script != own.script, next.script != own.script,
            !(own.script == .cyrillic && CommonCharacters.cyrillicWords.contains(scalar))
        {
            weight = Weight.isolatedLetter
        }
        if own.isUpper, previous.isLetter, previous.isLower, previous.script == own.script {
            weight += Weight.upperAfterLower
        }
        if (previous.isLetter && previous.script != own.script) || (next.isLetter && next.script != own.script) {
            weight += Weight.mixedScripts
        }
        return weight
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
