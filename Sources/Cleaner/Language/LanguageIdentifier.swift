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
    static let sampleLimit = 6_000
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
            guard let table = wordTables[script], table.codes.contains(declared) else { return declared }
            let hits = rank(profile.words, in: script)
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
        let ranked = rank(profile.words, in: script)
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
    /// the answer never depends on a dictionary's order). One look-up a word.
    private static func rank(_ words: [String], in script: LanguageTables.Script) -> [(code: String, hits: Int)] {
        guard let table = wordTables[script] else { return [] }
        var hits = Array(repeating: 0, count: table.codes.count)
        for word in words {
            guard let languages = table.languages[word] else { continue }
            for language in languages { hits[language] += 1 }
        }
        return hits.indices.filter { hits[$0] > 0 }.map { (code: table.codes[$0], hits: hits[$0]) }
            .sorted { $0.hits != $1.hits ? $0.hits > $1.hits : $0.code < $1.code }
    }

    /// For each shared writing system: its languages' codes, and each function word's languages (indices into the codes).
    private struct WordTable: Sendable {
        let codes: [String]
        let languages: [String: [Int]]

        init(_ words: [String: [String]]) {
            codes = words.keys.sorted()
            var languages: [String: [Int]] = [:]
            for (index, code) in codes.enumerated() {
                for word in Set(words[code] ?? []) { languages[word, default: []].append(index) }
            }
            self.languages = languages
        }
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

    private static let wordTables: [LanguageTables.Script: WordTable] = LanguageTables.sharedScripts.mapValues { WordTable($0.words) }
}

/// Letters per writing system and the lower-cased words (those short enough to be function
/// words) of a text's first `sampleLimit` characters: one pass over its scalars, ASCII words
/// lower-cased byte by byte.
struct TextProfile {
    private(set) var letters = 0
    private(set) var scriptLetters: [LanguageTables.Script: Int] = [:]
    private(set) var words: [String] = []
    /// Longer words are never function words: not kept.
    static let maxWordBytes = 24

    init(_ text: String) {
        var counts = Array(repeating: 0, count: LanguageTables.Script.allCases.count)
        var word: [UInt8] = []
        var ascii = true
        var tooLong = false
        var read = 0
        func finishWord() {
            if !word.isEmpty, !tooLong {
                if ascii {
                    for index in word.indices where word[index] >= 0x41 && word[index] <= 0x5A { word[index] |= 0x20 }
                    words.append(String(decoding: word, as: UTF8.self))
                } else {
                    words.append(String(decoding: word, as: UTF8.self).lowercased())
                }
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
            tooLong = false
        }
        for scalar in text.unicodeScalars {
            read += 1
            if read > LanguageIdentifier.sampleLimit { break }
            guard Self.isWordScalar(scalar) else {
                finishWord()
                continue
            }
            if let script = Self.script(of: scalar.value) {
                letters += 1
                counts[script.rawValue] += 1
            }
            if word.count + 4 > Self.maxWordBytes {
                tooLong = true
            } else {
                if !scalar.isASCII { ascii = false }
                UTF8.encode(scalar) { word.append($0) }
            }
        }
        finishWord()
        for script in LanguageTables.Script.allCases where counts[script.rawValue] > 0 {
            scriptLetters[script] = counts[script.rawValue]
        }
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
