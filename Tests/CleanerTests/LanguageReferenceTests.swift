import Foundation
import XCTest

@testable import Cleaner

/// The language identifier reads words by their bytes (no String per word, scripts counted in an
/// array); its answers must be those of the plain version it replaced, which is kept here as the
/// reference: a String per lower-cased word, a dictionary of scripts, String-keyed tables.
final class LanguageReferenceTests: XCTestCase {
    func testRandomWordMixesMatchTheReference() {
        var random = SplitMix64(seed: 2_026_1202)
        let tables = LanguageTables.sharedScripts.values.flatMap { $0.words.values.flatMap { $0 } }
        let others = [
            "Harbour", "DREDGING", "Straße", "STRASSE", "ÜBER", "Über", "İstanbul", "ıi", "KELVIN\u{212A}", "\u{212A}", "ΣΟΦΙΑ", "σοφίας",
            "ǅemal", "ﬁle", "МОСКВА", "Москва", "ЁЖ", "ЇЖАК", "中文", "日本語のテキスト", "한국어", "ไทย", "עברית", "مرحبا", "नमस्ते",
            "e\u{301}té", "AÉROPORT", "12", "x", "longwordlongwordlongword", "ÅÄÖ", "ŁÓDŹ", "ČESKÝ", "İ", "Ⅻ", "ﬀ",
        ]
        let separators = [" ", " ", ", ", ". ", "\n", " - ", "'", "’", "1", "«", "»"]
        let declarations: [String?] = [nil, "en", "de", "fr", "ru", "uk", "ar", "fa", "hi", "zh", "ja", "ko", "el", "eu", "pt", "xx"]
        for round in 0..<1500 {
            var text = ""
            let count = [3, 10, 30, 80, 400, 1500][round % 6]
            for _ in 0..<count {
                var word = random.next() % 3 == 0 ? others[Int(random.next() % UInt64(others.count))] : tables[Int(random.next() % UInt64(tables.count))]
                switch random.next() % 5 {
                case 0: word = word.uppercased()
                case 1: word = word.prefix(1).uppercased() + word.dropFirst()
                default: break
                }
                text += word + separators[Int(random.next() % UInt64(separators.count))]
            }
            let declared = declarations[Int(random.next() % UInt64(declarations.count))]
            XCTAssertEqual(LanguageIdentifier.language(of: text, declared: declared), ReferenceLanguage.language(of: text, declared: declared), text)
            XCTAssertEqual(LanguageIdentifier.identify(text), ReferenceLanguage.identify(ReferenceProfile(text)), text)
        }
    }

    /// Words of ASCII and common letters are looked up by their bytes: the tables' words must be
    /// in NFC, as such a word is, for bytes to compare as Strings do.
    func testFunctionWordsAreInNFC() {
        for (_, entry) in LanguageTables.sharedScripts {
            for word in entry.words.values.joined() {
                XCTAssertEqual(Array(word.utf8), Array(word.precomposedStringWithCanonicalMapping.utf8), word)
            }
        }
    }

    /// The common letters read without a property look-up are letters, alphabetic, and lower-case
    /// as the String does.
    func testCommonLettersAgreeWithTheProperties() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let lower = CommonLetters.lowercase(value) else { continue }
            let category = scalar.properties.generalCategory
            XCTAssertTrue([.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(category), "U+\(String(value, radix: 16))")
            XCTAssertTrue(scalar.properties.isAlphabetic)
            XCTAssertEqual(String(scalar).lowercased().unicodeScalars.map(\.value), [lower], "U+\(String(value, radix: 16))")
            XCTAssertEqual(String(scalar).utf8.count, Unicode.Scalar(lower).map { String($0).utf8.count }, "U+\(String(value, radix: 16))")
        }
    }
}

/// The identifier as it was: a String per word, looked up in String-keyed tables.
enum ReferenceLanguage {
    static func language(of text: String, declared: String?) -> String? {
        let profile = ReferenceProfile(text)
        guard let guess = identify(profile) else {
            // Nothing to go by: the declaration, unless the text plainly is in another writing system.
            guard let declared else { return nil }
            if let script = profile.dominantScript, profile.letters >= LanguageIdentifier.minLetters, !LanguageIdentifier.writes(declared, in: script) { return nil }
            return declared
        }
        if guess.sure || declared == nil || declared == guess.code { return guess.code }
        // An unsure guess yields to a declared language of the same writing system, unless the text
        // has far fewer of that language's function words (a template's `lang="en"` on German text).
        if let declared, let script = profile.dominantScript, LanguageIdentifier.writes(declared, in: script) {
            guard let table = wordTables[script], table.codes.contains(declared) else { return declared }
            let hits = rank(profile.words, in: script)
            let declaredHits = hits.first { $0.code == declared }?.hits ?? 0
            let guessHits = hits.first { $0.code == guess.code }?.hits ?? 0
            return declaredHits * 2 >= guessHits ? declared : guess.code
        }
        return guess.code
    }

    static func identify(_ profile: ReferenceProfile) -> LanguageIdentifier.Guess? {
        guard profile.letters >= LanguageIdentifier.minLetters, let script = profile.dominantScript else { return nil }
        switch script {
        case .han, .kana:
            // Japanese writes Kana between its Han; Chinese none.
            let kana = profile.scriptLetters[.kana, default: 0]
            let han = profile.scriptLetters[.han, default: 0]
            return LanguageIdentifier.Guess(code: kana * 10 >= kana + han ? "ja" : "zh", sure: true)
        default:
            if let code = LanguageTables.singleLanguage[script] { return LanguageIdentifier.Guess(code: code, sure: true) }
        }
        guard let shared = LanguageTables.sharedScripts[script] else { return nil }
        let ranked = rank(profile.words, in: script)
        let total = profile.words.count
        guard let best = ranked.first, total >= LanguageIdentifier.minWords else {
            return shared.fallback.map { LanguageIdentifier.Guess(code: $0, sure: false) }
        }
        let share = Double(best.hits) / Double(total)
        let runnerUp = ranked.count > 1 ? ranked[1].hits : 0
        let lead = runnerUp == 0 ? Double.infinity : Double(best.hits) / Double(runnerUp)
        guard share >= LanguageIdentifier.minShare, lead >= LanguageIdentifier.minLead else {
            return shared.fallback.map { LanguageIdentifier.Guess(code: $0, sure: false) }
        }
        return LanguageIdentifier.Guess(code: best.code, sure: total >= LanguageIdentifier.sureWords && lead >= LanguageIdentifier.sureLead)
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
    private struct WordTable {
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

    private static let wordTables: [LanguageTables.Script: WordTable] = LanguageTables.sharedScripts.mapValues { WordTable($0.words) }
}

struct ReferenceProfile {
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
