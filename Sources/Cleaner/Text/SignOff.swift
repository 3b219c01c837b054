/// A post's sign-off right after its last sentence: "Sincerely," over "Melissa", "Ciao," and
/// "Love n hugs," over "Cheryl", "Gruß Heiko". It is the writer's, not the container's, so
/// `TrailingTitles` keeps it while the links after it go. A closing greeting ends in a comma, which
/// no title does; one without the comma opens with a word of greeting and is a name long at most.
enum SignOff {
    /// Words that open a closing greeting on one line with the name ("Cheers Bob", "Gruß Heiko",
    /// "Best regards"). Only words that rarely open a headline: "Thanks" and "Best" do.
    static let greetings: Set<String> = [
        "regards", "cheers", "greetings", "sincerely", "ciao",
        "gruß", "gruss", "grüße", "grüsse", "grüßen", "mfg", "lg",
        "cordialement", "amicalement", "amitiés", "salutations", "bises",
        "saludos", "atentamente", "abrazos", "saluti", "abraços", "atenciosamente",
        "groeten", "groet", "pozdrawiam", "hilsen", "hälsningar", "mvh",
    ]
    /// A greeting line with the name on it: at most this many words ("Viele Grüße, Heiko Maier").
    static let maxGreetingWords = 4
    /// The name under a closing greeting: at most this many words ("Susan W. Schofield").
    static let maxNameWords = 4
    /// A greeting word is among the first this many words ("Liebe Grüße", "Kind regards").
    static let greetingWordReach = 2

    /// How many of `lines` (the lines after the last sentence, in order) sign the post off.
    static func count(_ lines: [String]) -> Int {
        guard let first = lines.first else { return 0 }
        // Closing greetings that end in a comma, then the name under them.
        var closing = 0
        while closing < lines.count, endsInComma(lines[closing]) { closing += 1 }
        if closing > 0 {
            guard closing < lines.count else { return closing }
            let name = lines[closing]
            let words = words(of: name)
            return words.count <= maxNameWords && !endsInComma(name) ? closing + 1 : closing
        }
        // A greeting and a name on one line.
        let words = words(of: first)
        guard words.count <= maxGreetingWords else { return 0 }
        return words.prefix(greetingWordReach).contains { greetings.contains($0.lowercased()) } ? 1 : 0
    }

    static func endsInComma(_ line: String) -> Bool {
        line.last { !$0.isWhitespace } == ","
    }

    /// The line's words, punctuation around each trimmed.
    static func words(of line: String) -> [Substring] {
        line.split(whereSeparator: \.isWhitespace).compactMap { word in
            guard let first = word.firstIndex(where: isWordCharacter),
                  let last = word.lastIndex(where: isWordCharacter) else { return nil }
            return word[first...last]
        }
    }
}

private func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
}
