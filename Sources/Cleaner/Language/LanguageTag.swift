/// A page's declared language (`<html lang="de-AT">`, `content-language: en_US`, `og:locale`) as
/// an ISO 639-1 code: the primary subtag, lower case; nil for `und`, `x-...` and what is not a code.
enum LanguageTag {
    /// Codes that were renamed, and Norwegian's written forms, which the identifier does not tell apart.
    private static let aliases: [String: String] = ["iw": "he", "in": "id", "ji": "yi", "nb": "no", "nn": "no"]

    static func code(of tag: String?) -> String? {
        guard let tag else { return nil }
        // A list ("de, en") declares its first language first.
        let first = tag.split(whereSeparator: { $0 == "," || $0 == ";" }).first ?? ""
        let primary = first.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        guard primary.count == 2, primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let code = primary.lowercased()
        return aliases[code] ?? code
    }
}
