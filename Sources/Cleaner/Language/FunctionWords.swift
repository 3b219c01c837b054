/// The function words of every writing system that several languages share
/// (`LanguageTables.sharedScripts`), looked up by their lower-cased UTF-8 bytes: the text profile
/// counts each language's words as it reads them, with no String made per word. A word with a
/// letter outside ASCII and `CommonLetters` (a combining accent, a Devanagari sign) is looked up
/// as a String instead, whose equality is Unicode's canonical equivalence: "e\u{301}té" is "été".
/// Built once, from the tables, at first use.
struct FunctionWords: Sendable {
    /// Each shared writing system's languages, sorted by code; a language's place in all of them
    /// (its slot) indexes the hit counts of a profile.
    let codes: [String]
    /// The slots of each writing system's languages, by `Script.rawValue`.
    let scriptSlots: [Range<Int>]

    /// Open addressing over a power of two of places, at most half full: a place holds a word and
    /// the range of its slots in `slots`, or an empty key.
    private let keys: [WordKey]
    private let ranges: [Range<Int>]
    private let slots: [Int]
    private let shift: UInt64
    /// The same words as Strings, with their slots.
    private let byString: [String: [Int]]

    static let shared = FunctionWords(LanguageTables.sharedScripts.mapValues(\.words))

    init(_ scripts: [LanguageTables.Script: [String: [String]]]) {
        var codes: [String] = []
        var scriptSlots = Array(repeating: 0..<0, count: LanguageTables.Script.allCases.count)
        var languagesOfWord: [String: [Int]] = [:]
        for script in LanguageTables.Script.allCases {
            guard let words = scripts[script] else { continue }
            let first = codes.count
            for code in words.keys.sorted() {
                // A word listed twice for a language counts once.
                for word in Set(words[code] ?? []) { languagesOfWord[word, default: []].append(codes.count) }
                codes.append(code)
            }
            scriptSlots[script.rawValue] = first..<codes.count
        }
        var places = 16
        while places < languagesOfWord.count * 2 { places *= 2 }
        var keys = Array(repeating: WordKey(), count: places)
        var ranges = Array(repeating: 0..<0, count: places)
        var slots: [Int] = []
        let shift = UInt64(64 - places.trailingZeroBitCount)
        // Any order: a look-up finds a word wherever its probe put it.
        for (word, languages) in languagesOfWord {
            guard let key = WordKey(word.utf8) else { continue }
            var place = key.place(shift: shift)
            while !keys[place].isEmpty { place = (place + 1) & (places - 1) }
            keys[place] = key
            ranges[place] = slots.count..<slots.count + languages.count
            slots.append(contentsOf: languages)
        }
        self.codes = codes
        self.scriptSlots = scriptSlots
        self.keys = keys
        self.ranges = ranges
        self.slots = slots
        self.shift = shift
        self.byString = languagesOfWord
    }

    /// The slots of the languages whose function word `word` (lower case) is; empty when none.
    func languages(of word: String) -> ArraySlice<Int> {
        byString[word]?[...] ?? []
    }

    /// The slots of the languages whose function word `key` is (the bytes of a lower-case word of
    /// ASCII and `CommonLetters` only: in NFC, as the tables are); empty when none.
    @inline(__always)
    func languages(of key: WordKey) -> ArraySlice<Int> {
        var place = key.place(shift: shift)
        while true {
            let found = keys[place]
            if found == key { return slots[ranges[place]] }
            if found.isEmpty { return [] }
            place = (place + 1) & (keys.count - 1)
        }
    }
}

/// A word of at most `capacity` UTF-8 bytes packed into three words, for an exact compare and a
/// cheap hash. The empty key marks a free place.
struct WordKey: Equatable, Sendable {
    static let capacity = 24
    private var a: UInt64 = 0
    private var b: UInt64 = 0
    private var c: UInt64 = 0
    private(set) var count = 0

    init() {}

    /// Nil when `bytes` are longer than `capacity`.
    init?<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            guard count < Self.capacity else { return nil }
            append(byte)
        }
    }

    var isEmpty: Bool { count == 0 }

    /// Appends `byte`; the caller keeps `count` below `capacity`.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        let shift = UInt64(count & 7) &* 8
        switch count >> 3 {
        case 0: a |= UInt64(byte) &<< shift
        case 1: b |= UInt64(byte) &<< shift
        default: c |= UInt64(byte) &<< shift
        }
        count += 1
    }

    /// The bytes, in order.
    var bytes: [UInt8] {
        (0..<count).map { index in
            let word = index < 8 ? a : index < 16 ? b : c
            return UInt8(truncatingIfNeeded: word &>> (UInt64(index & 7) &* 8))
        }
    }

    @inline(__always)
    func place(shift: UInt64) -> Int {
        var hash = a &* 0x9E37_79B9_7F4A_7C15 ^ b &* 0xC2B2_AE3D_27D4_EB4F ^ c &* 0x1656_67B1_9E37_79F9 ^ UInt64(count)
        hash ^= hash &>> 31
        return Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }
}
