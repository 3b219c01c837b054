/// Which language a text is in, as an ISO 639-1 code: the writing system first (Han, Kana, Hangul,
/// Cyrillic, Greek, Arabic, Devanagari, ...), then, where several languages share it, the share of
/// each language's function words among the text's words (`LanguageTables`). Nil when unsure: too
/// little text, or two languages too close to call. No model, no dependency; one pass over at most
/// `sampleLimit` characters.
public enum LanguageIdentifier {
    public struct Guess: Sendable, Equatable {
        public let code: String
        /// False when the text is short or the runner-up close: the page's own declaration is then
        /// trusted over the guess when it names a language of the same writing system.
        public let sure: Bool
    }

    /// Characters read: more decides nothing a few paragraphs have not decided already.
    static let sampleLimit = 20_000
    /// Letters below which no guess is made (a heading or two says too little).
    static let minLetters = 20
    /// Words needed before function words count, and the smallest share of them the winner must
    /// have (real prose of any of the listed languages has 25-50%; lists of names or numbers far less).
    static let minWords = 8
    static let minShare = 0.12
    /// The winner's share over the runner-up's: below it the two are too close to call.
    static let minLead = 1.15
    /// A guess is sure with this many words and this lead (short or close ones defer to the page).
    static let sureWords = 40
    static let sureLead = 1.4

    /// The language of `text`, weighed against what the page declares (`<html lang>`): the text wins
    /// when it is clear; a declaration of another language of the same writing system wins over an
    /// unsure guess; a declaration alone stands when the text is too short to say.
    public static func language(of text: String, declared: String?) -> String? {
        let profile = TextProfile(text)
        guard let guess = identify(profile) else {
            // Nothing to go by: the declaration, unless the text plainly is in another writing system.
            guard let declared else { return nil }
            if let script = profile.dominantScript, profile.letters >= minLetters, !writes(declared, in: script) { return nil }
            return declared
        }
        if guess.sure || declared == nil || declared == guess.code { return guess.code }
        // An unsure guess yields to a declared language of the same writing system, unless the text
        // has far fewer of that language's function words (a template's `lang="en"` on German text).
        if let declared, let script = profile.dominantScript, writes(declared, in: script) {
            guard let sets = wordSets[script], sets[declared] != nil else { return declared }
            let hits = rank(profile.words, against: sets)
            let declaredHits = hits.first { $0.code == declared }?.hits ?? 0
            let guessHits = hits.first { $0.code == guess.code }?.hits ?? 0
            return declaredHits * 2 >= guessHits ? declared : guess.code
        }
        return guess.code
    }

    /// The language of `text` alone; nil when unsure.
    public static func identify(_ text: String) -> Guess? {
        identify(TextProfile(text))
    }

    static func identify(_ profile: TextProfile) -> Guess? {
        guard profile.letters >= minLetters, let script = profile.dominantScript else { return nil }
        switch script {
        case .han, .kana:
            // Japanese writes Kana between its Han; Chinese none.
            let kana = profile.scriptLetters[.kana, default: 0]
            let han = profile.scriptLetters[.han, default: 0]
            return Guess(code: kana * 10 >= kana + han ? "ja" : "zh", sure: true)
        default:
            if let code = LanguageTables.singleLanguage[script] { return Guess(code: code, sure: true) }
        }
        guard let shared = LanguageTables.sharedScripts[script] else { return nil }
        let ranked = rank(profile.words, against: Self.wordSets[script] ?? [:])
        let total = profile.words.count
        guard let best = ranked.first, total >= minWords else {
            return shared.fallback.map { Guess(code: $0, sure: false) }
        }
        let share = Double(best.hits) / Double(total)
        let runnerUp = ranked.count > 1 ? ranked[1].hits : 0
        let lead = runnerUp == 0 ? Double.infinity : Double(best.hits) / Double(runnerUp)
        guard share >= minShare, lead >= minLead else {
            return shared.fallback.map { Guess(code: $0, sure: false) }
        }
        return Guess(code: best.code, sure: total >= sureWords && lead >= sureLead)
    }

    /// Languages by how many of the words are their function words, most first (ties by code, so
    /// the answer never depends on a dictionary's order).
    private static func rank(_ words: [Substring], against sets: [String: Set<Substring>]) -> [(code: String, hits: Int)] {
        var hits: [String: Int] = [:]
        for word in words {
            for (code, set) in sets where set.contains(word) { hits[code, default: 0] += 1 }
        }
        return hits.map { (code: $0.key, hits: $0.value) }.sorted { $0.hits != $1.hits ? $0.hits > $1.hits : $0.code < $1.code }
    }

    /// Whether `code` is one of the languages this identifier knows in `script`.
    static func writes(_ code: String, in script: LanguageTables.Script) -> Bool {
        switch script {
        case .han, .kana: return code == "zh" || code == "ja"
        default:
            if let single = LanguageTables.singleLanguage[script] { return single == code }
            guard let shared = LanguageTables.sharedScripts[script] else { return false }
            // A Latin-script language the tables do not list (Basque, Welsh, ...) still writes in Latin.
            return shared.words[code] != nil || (script == .latin && !knownNonLatin.contains(code))
        }
    }

    private static let knownNonLatin: Set<String> = Set(LanguageTables.singleLanguage.values)
        .union(LanguageTables.sharedScripts.filter { $0.key != .latin }.flatMap { $0.value.words.keys }).union(["zh", "ja"])

    private static let wordSets: [LanguageTables.Script: [String: Set<Substring>]] =
        LanguageTables.sharedScripts.mapValues { $0.words.mapValues { Set($0.map { Substring($0) }) } }
}

/// Letters per writing system and the lower-cased words of a text's first `sampleLimit` characters.
struct TextProfile {
    private(set) var letters = 0
    private(set) var scriptLetters: [LanguageTables.Script: Int] = [:]
    private(set) var words: [Substring] = []

    init(_ text: String) {
        let sample = text.prefix(LanguageIdentifier.sampleLimit).lowercased()
        var wordStart: String.Index?
        var index = sample.startIndex
        for scalar in sample.unicodeScalars {
            let next = sample.unicodeScalars.index(after: index)
            defer { index = next }
            if Self.isWordScalar(scalar) {
                if wordStart == nil { wordStart = index }
                if let script = Self.script(of: scalar.value) {
                    letters += 1
                    scriptLetters[script, default: 0] += 1
                }
            } else if let start = wordStart {
                words.append(sample[start..<index])
                wordStart = nil
            }
        }
        if let start = wordStart { words.append(sample[start...]) }
    }

    /// The writing system with the most letters; Han, Kana and Hangul weigh three each, as one of
    /// their characters holds about what three letters of an alphabet do.
    var dominantScript: LanguageTables.Script? {
        scriptLetters.max { weight($0) != weight($1) ? weight($0) < weight($1) : "\($0.key)" > "\($1.key)" }?.key
    }

    private func weight(_ entry: (key: LanguageTables.Script, value: Int)) -> Int {
        switch entry.key {
        case .han, .kana, .hangul: entry.value * 3
        default: entry.value
        }
    }

    /// Letters and the marks that belong to them (Devanagari vowel signs, Arabic harakat).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    static func script(of value: UInt32) -> LanguageTables.Script? {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A ? .latin : nil }
        // Binary search over the sorted blocks.
        let blocks = sortedBlocks
        var low = 0
        var high = blocks.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let (range, script) = blocks[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return script
            }
        }
        return nil
    }

    private static let sortedBlocks = LanguageTables.blocks.sorted { $0.0.lowerBound < $1.0.lowerBound }
}
