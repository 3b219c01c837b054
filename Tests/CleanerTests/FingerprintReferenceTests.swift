import XCTest

@testable import Cleaner

/// The fingerprint's token splitting, sampling and bit vote, checked on random texts against
/// trafilatura's definition written plainly (String splits, a vector of 64 sums, the plain
/// BLAKE2b): the fast paths (ASCII bytes, counted bits) must not change a single fingerprint.
final class FingerprintReferenceTests: XCTestCase {
    func testRandomTextsMatchTheDefinition() {
        var random = SplitMix64(seed: 2_026_1203)
        for round in 0..<600 {
            let text = randomText(&random, words: round % 7 == 0 ? Int(random.next() % 8) : Int(random.next() % 220))
            XCTAssertEqual(ContentFingerprint.hex(of: text), ReferenceFingerprint.hex(of: text), text.debugDescription)
        }
    }

    /// Texts with no whitespace-separated token: split at punctuation.
    func testTextsWithoutTokensMatchTheDefinition() {
        var random = SplitMix64(seed: 31)
        let pieces = ["中文", "文本", "测试", "。", "，", "！", "、", "«", "»", "—", "…", "١٢٣", "日本語", "x!", "!", "?", "¿", "«»"]
        for _ in 0..<300 {
            let text = (0..<Int(random.next() % 30)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(ContentFingerprint.hex(of: text), ReferenceFingerprint.hex(of: text), text.debugDescription)
        }
    }

    private func randomText(_ random: inout SplitMix64, words: Int) -> String {
        let vocabulary = [
            "the", "harbour", "council", "dredging", "budget", "a", "of", "tides", "Ünïcödé", "wörds", "café", "naïve", "straße",
            "ĳssel", "½", "²", "x", "42", "2026", "中文", "测试文本", "東京", "ひらがな", "Москва", "пример", "ελληνικά", "عربى",
            "हिन्दी", "ﬁne", "Ⅻ", "𝔘𝔫𝔦", "😀", "e\u{301}", "co-op", "U.S.A.", "it's", "—", "…", "“quoted”", "(paren)", "[x]",
            "!!!", "...", "#tag", "@user", "a_b", "100%", "$5", "é", "İstanbul", "ǅ",
        ]
        let separators = [" ", " ", " ", "\n", "\t", "  ", "\u{A0}", "\u{3000}", "\u{2009}", "\u{1C}", ", ", ". ", " - ", "。", "\u{85}", "\u{1680}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{200B}", "\u{3001}", "\u{1F}"]
        var text = ""
        for _ in 0..<words {
            var word = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            switch random.next() % 6 {
            case 0: word = "\"" + word + "\""
            case 1: word += [".", ",", "!", "?!", ":", ")", "'s", "”"][Int(random.next() % 8)]
            case 2: word = word.uppercased()
            default: break
            }
            text += word + separators[Int(random.next() % UInt64(separators.count))]
        }
        return text
    }
}

/// trafilatura's `content_fingerprint`, as deduplication.py states it: `str.split()`, `strip` of
/// `string.punctuation`, `isalnum`, the sample by length, and a sum of +1/-1 per bit.
enum ReferenceFingerprint {
    static func hex(of content: String) -> String {
        String(simhash(sample(content)), radix: 16)
    }

    static func simhash(_ tokens: [String]) -> UInt64 {
        var vector = [Int](repeating: 0, count: 64)
        for token in tokens {
            let value = PlainBlake2b.hash64(Array(token.utf8))
            for i in 0..<64 { vector[i] += (value >> UInt64(i)) & 1 == 1 ? 1 : -1 }
        }
        var hash: UInt64 = 0
        for i in 0..<64 where vector[i] >= 0 { hash |= 1 << UInt64(i) }
        return hash
    }

    static func sample(_ content: String) -> [String] {
        let punctuation = Set(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.unicodeScalars)
        var tokens: [String] = []
        for piece in split(content, at: isSpace) {
            var scalars = piece[...]
            while let first = scalars.first, punctuation.contains(first) { scalars = scalars.dropFirst() }
            while let last = scalars.last, punctuation.contains(last) { scalars = scalars.dropLast() }
            if isAlphanumeric(scalars) { tokens.append(string(scalars)) }
        }
        if tokens.isEmpty {
            tokens = split(content) { isSpace($0) || isPunctuation($0) }.filter(isAlphanumeric).map(string)
        }
        for longer in stride(from: 4, through: 1, by: -1) {
            let sample = tokens.filter { $0.unicodeScalars.count > longer }
            if sample.count >= 32 { return sample }
        }
        return tokens
    }

    private static func split(_ content: String, at separator: (Unicode.Scalar) -> Bool) -> [[Unicode.Scalar]] {
        var pieces: [[Unicode.Scalar]] = [[]]
        for scalar in content.unicodeScalars {
            if separator(scalar) { pieces.append([]) } else { pieces[pieces.count - 1].append(scalar) }
        }
        return pieces.filter { !$0.isEmpty }
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    /// Python's `str.isspace`.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation:
            true
        default: false
        }
    }

    /// Python's `str.isalnum`: not empty, and every code point a letter or numeric.
    private static func isAlphanumeric(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        !scalars.isEmpty
            && scalars.allSatisfy { scalar in
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
                default: scalar.properties.numericType != nil
                }
            }
    }
}
