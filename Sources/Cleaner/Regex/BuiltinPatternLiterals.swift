/// `RequiredLiterals` of the built-in rules' patterns, read ahead: reading a pattern's
/// multilingual alternations costs hundreds of thousands of instructions, which a run over one
/// small page paid on its main thread for every pattern it matched on enough text (14.6 million
/// for a text scrape). The readings are made by `PatternReader` when the built-in rules are
/// embedded (`scripts/embed-rules` runs `BuiltinLiteralsTests` to write `BuiltinLiterals.swift`),
/// and the same test fails when they differ from what `RequiredLiterals.of` reads now, so they
/// cannot go stale. A pattern not in the table (a user's rule) is read as before (`LazyRequiredLiterals`).
enum BuiltinPatternLiterals {
    /// What `RequiredLiterals.of(source, caseInsensitive: false)` gives: its arguments, or none.
    enum Reading: Sendable {
        case none
        case literals([RequiredLiterals.Literal], needsDigit: Bool, suffixes: [RequiredLiterals.Literal], maxCharacters: Int?)

        var requiredLiterals: RequiredLiterals? {
            switch self {
            case .none: nil
            case let .literals(literals, needsDigit, suffixes, maxCharacters):
                RequiredLiterals(literals, needsDigit: needsDigit, suffixes: suffixes, maxCharacters: maxCharacters)
            }
        }
    }

    /// The reading of `source` made ahead, or nil when it is not a built-in pattern. Case-sensitive
    /// sources only (the built-in rules' options are inline, as `(?i:...)`).
    static func reading(of source: String, caseInsensitive: Bool) -> Reading? {
        caseInsensitive ? nil : table[source]
    }

    /// A literal written as its text (the generated table's form).
    static func literal(_ text: String, _ caseless: Bool) -> RequiredLiterals.Literal {
        RequiredLiterals.Literal(bytes: Array(text.utf8), caseless: caseless)
    }
}
