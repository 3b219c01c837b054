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
            guard FunctionWords.shared.codes[FunctionWords.shared.scriptSlots[script.rawValue]].contains(declared) else { return declared }
            let hits = rank(profile, in: script)
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
            let kana = profile.letters(in: .kana)
            let han = profile.letters(in: .han)
            return Guess(code: kana * 10 >= kana + han ? "ja" : "zh", sure: true)
        default:
            if let code = LanguageTables.singleLanguage[script] { return Guess(code: code, sure: true) }
        }
        guard let shared = LanguageTables.sharedScripts[script] else { return nil }
        let ranked = rank(profile, in: script)
        let total = profile.words
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

    /// Languages of `script` by how many of the profile's words are their function words, most
    /// first (ties by code, so the answer never depends on a dictionary's order).
    private static func rank(_ profile: TextProfile, in script: LanguageTables.Script) -> [(code: String, hits: Int)] {
        let words = FunctionWords.shared
        return words.scriptSlots[script.rawValue].filter { profile.functionWordHits[$0] > 0 }
            .map { (code: words.codes[$0], hits: profile.functionWordHits[$0]) }
            .sorted { $0.hits != $1.hits ? $0.hits > $1.hits : $0.code < $1.code }
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
}

/// Letters per writing system, words, and each language's function words among them (words
/// lower-cased and looked up in `FunctionWords` by their bytes) of a text's first `sampleLimit`
/// characters: one pass over its UTF-8, ASCII letters read byte by byte.
struct TextProfile {
    let letters: Int
    /// Letters per writing system, by `Script.rawValue`.
    let scriptCounts: [Int]
    /// Words short enough to be function words.
    let words: Int
    /// For each language's slot in `FunctionWords`, the words that are its function words.
    let functionWordHits: [Int]
    /// Longer words are never function words: not kept.
    static let maxWordBytes = WordKey.capacity

    init(_ text: String) {
        var text = text
        let table = FunctionWords.shared
        // Locals while reading (kept in registers), stored at the end.
        var letters = 0
        var latin = 0
        var counts = Array(repeating: 0, count: LanguageTables.Script.allCases.count)
        var words = 0
        var hits = Array(repeating: 0, count: table.codes.count)
        text.withUTF8 { bytes in
            let limit = LanguageIdentifier.sampleLimit
            var word = WordKey()
            // The word has a scalar neither ASCII nor of `CommonLetters` (those are lower-cased as read).
            var rareLetters = false
            var tooLong = false
            var read = 0
            var index = 0
            while index < bytes.count {
                read += 1
                if read > limit { break }
                let lead = bytes[index]
                if lead < 0x80 {
                    // ASCII: a letter is a word's and Latin; anything else ends the word.
                    if (lead | 0x20) &- 0x61 < 26 {
                        // This letter and the ASCII letters after it, up to the sample's end.
                        var end = index + 1
                        while end < bytes.count, read < limit, (bytes[end] | 0x20) &- 0x61 < 26 {
                            end += 1
                            read += 1
                        }
                        latin += end - index
                        while index < end {
                            if word.count + 4 > Self.maxWordBytes {
                                tooLong = true
                                index = end
                                break
                            }
                            word.append(bytes[index] | 0x20)
                            index += 1
                        }
                        continue
                    }
                    index += 1
                } else {
                    let (scalar, width) = Self.decode(bytes, at: index)
                    index += width
                    if let lower = CommonLetters.lowercase(scalar.value) {
                        // A letter of a common alphabet, lower-cased without a property look-up.
                        if let script = Self.script(of: scalar.value) {
                            letters += 1
                            counts[script.rawValue] += 1
                        }
                        if word.count + 4 > Self.maxWordBytes {
                            tooLong = true
                        } else if let lower = Unicode.Scalar(lower) {
                            UTF8.encode(lower) { word.append($0) }
                        }
                        continue
                    }
                    if Self.isWordScalar(scalar) {
                        if let script = Self.script(of: scalar.value) {
                            letters += 1
                            counts[script.rawValue] += 1
                        }
                        if word.count + 4 > Self.maxWordBytes {
                            tooLong = true
                        } else {
                            rareLetters = true
                            for offset in index - width..<index { word.append(bytes[offset]) }
                        }
                        continue
                    }
                }
                if !word.isEmpty {
                    Self.finish(word, rareLetters: rareLetters, tooLong: tooLong, table: table, words: &words, hits: &hits)
                    word = WordKey()
                }
                rareLetters = false
                tooLong = false
            }
            if !word.isEmpty { Self.finish(word, rareLetters: rareLetters, tooLong: tooLong, table: table, words: &words, hits: &hits) }
        }
        counts[LanguageTables.Script.latin.rawValue] += latin
        self.letters = letters + latin
        self.scriptCounts = counts
        self.words = words
        self.functionWordHits = hits
    }

    /// Counts a word read, if short enough, and its languages.
    @inline(__always)
    private static func finish(_ word: WordKey, rareLetters: Bool, tooLong: Bool, table: FunctionWords, words: inout Int, hits: inout [Int]) {
        guard !tooLong else { return }
        words += 1
        // Rare letters: the String's own lower case and canonical equivalence.
        let languages = rareLetters ? table.languages(of: String(decoding: word.bytes, as: UTF8.self).lowercased()) : table.languages(of: word)
        for slot in languages { hits[slot] += 1 }
    }

    /// The letters of `script`.
    func letters(in script: LanguageTables.Script) -> Int { scriptCounts[script.rawValue] }

    /// The writing system with the most letters; Han, Kana and Hangul weigh three each, as one of
    /// their characters holds about what three letters of an alphabet do. Ties go to the name first
    /// in alphabetical order.
    var dominantScript: LanguageTables.Script? {
        var best: LanguageTables.Script?
        var bestWeight = 0
        for script in LanguageTables.Script.allCases where scriptCounts[script.rawValue] > 0 {
            let weight = weight(script)
            guard let current = best else {
                (best, bestWeight) = (script, weight)
                continue
            }
            if weight > bestWeight || (weight == bestWeight && Self.nameOrder[script.rawValue] < Self.nameOrder[current.rawValue]) {
                (best, bestWeight) = (script, weight)
            }
        }
        return best
    }

    private func weight(_ script: LanguageTables.Script) -> Int {
        switch script {
        case .han, .kana, .hangul: scriptCounts[script.rawValue] * 3
        default: scriptCounts[script.rawValue]
        }
    }

    /// Each writing system's place in the alphabetical order of the names.
    private static let nameOrder: [Int] = {
        let names = LanguageTables.Script.allCases.map { "\($0)" }
        return names.map { name in names.filter { $0 < name }.count }
    }()

    /// The scalar at `index` of valid UTF-8 (the bytes of a String) and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0x7F >> UInt32(width))
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
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
