/// Encoding labels as pages, HTTP headers and JSON Lines records write them, mapped to the name
/// glibc's iconv knows. The mapping follows the WHATWG Encoding Standard, which is what browsers do
/// and so what page authors test against: `iso-8859-1` and `us-ascii` mean windows-1252, `gb2312`
/// means GBK, `shift_jis` means windows-31j, `euc-kr` means windows-949; each is a superset of the
/// label's own standard, so text in the narrower one decodes the same.
enum CharsetLabel {
    static let utf8 = "UTF-8"

    /// The iconv name for `label`, or nil when the label is unknown (then the encoding is detected).
    static func iconvName(for label: String) -> String? {
        var name = label.trimmingWhitespace().lowercased()
        name = String(name.filter { $0 != "\"" && $0 != "'" })
        guard !name.isEmpty, name.count <= 40 else { return nil }
        if let known = aliases[name] { return known }
        if name.hasPrefix("x-") { name.removeFirst(2) }
        if let known = aliases[name] { return known }
        // windows-125x, cp125x, x-cp125x.
        for prefix in ["windows-", "cp", "ms-", "windows"] where name.hasPrefix(prefix) {
            if let number = Int(name.dropFirst(prefix.count)), (1250...1258).contains(number) || number == 874 {
                return "WINDOWS-\(number)"
            }
        }
        // iso-8859-N, iso8859-N, iso_8859-N, iso88591, latinN.
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859", "iso-ir-"] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count).prefix { $0.isNumber }
            if let number = Int(rest) { return isoPart(number) }
        }
        if name.hasPrefix("latin") || (name.hasPrefix("l") && name.count <= 3) {
            if let number = Int(name.drop { !$0.isNumber }), let part = latinParts[number] { return isoPart(part) }
        }
        return nil
    }

    /// ISO-8859 parts as browsers read them: part 1 (Latin-1) as its superset windows-1252, part 9
    /// (Latin-5) as windows-1254, part 11 (Thai) as windows-874.
    private static func isoPart(_ number: Int) -> String? {
        switch number {
        case 1: "WINDOWS-1252"
        case 9: "WINDOWS-1254"
        case 11: "WINDOWS-874"
        case 2...8, 10, 13...16: "ISO-8859-\(number)"
        default: nil
        }
    }

    /// latinN to the ISO-8859 part it names.
    private static let latinParts: [Int: Int] = [1: 1, 2: 2, 3: 3, 4: 4, 5: 9, 6: 10, 7: 13, 8: 14, 9: 15, 10: 16]

    /// Labels that are not a pattern of the above.
    private static let aliases: [String: String] = [
        "utf-8": utf8, "utf8": utf8, "unicode-1-1-utf-8": utf8, "unicode11utf8": utf8, "unicode20utf8": utf8,
        "us-ascii": "WINDOWS-1252", "ascii": "WINDOWS-1252", "ansi_x3.4-1968": "WINDOWS-1252", "iso-ir-100": "WINDOWS-1252",
        "l1": "WINDOWS-1252", "cp819": "WINDOWS-1252", "ibm819": "WINDOWS-1252", "csisolatin1": "WINDOWS-1252",
        "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "ms_kanji": "CP932", "csshiftjis": "CP932",
        "windows-31j": "CP932", "ms932": "CP932", "cp932": "CP932",
        "euc-jp": "EUC-JP", "eucjp": "EUC-JP", "cseucpkdfmtjapanese": "EUC-JP", "ujis": "EUC-JP",
        "iso-2022-jp": "ISO-2022-JP", "csiso2022jp": "ISO-2022-JP",
        "gb2312": "GB18030", "gbk": "GB18030", "gb18030": "GB18030", "gb_2312-80": "GB18030", "gb_2312": "GB18030",
        "chinese": "GB18030", "csgb2312": "GB18030", "iso-ir-58": "GB18030", "cp936": "GB18030", "ms936": "GB18030",
        "windows-936": "GB18030", "euc-cn": "GB18030", "euccn": "GB18030",
        "big5": "BIG5-HKSCS", "big5-hkscs": "BIG5-HKSCS", "cn-big5": "BIG5-HKSCS", "csbig5": "BIG5-HKSCS", "cp950": "BIG5-HKSCS",
        "euc-kr": "CP949", "euckr": "CP949", "ks_c_5601-1987": "CP949", "ks_c_5601-1989": "CP949", "ksc5601": "CP949",
        "ksc_5601": "CP949", "korean": "CP949", "windows-949": "CP949", "cp949": "CP949", "uhc": "CP949", "csksc56011987": "CP949",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "koi8": "KOI8-R", "koi": "KOI8-R", "cskoi8r": "KOI8-R",
        "koi8-u": "KOI8-U", "koi8-ru": "KOI8-U",
        "ibm866": "IBM866", "cp866": "IBM866", "866": "IBM866", "csibm866": "IBM866",
        "tis-620": "WINDOWS-874", "dos-874": "WINDOWS-874",
        "macintosh": "MACINTOSH", "mac": "MACINTOSH", "csmacintosh": "MACINTOSH",
        "utf-16": "UTF-16LE", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "unicodefffe": "UTF-16BE", "unicode": "UTF-16LE",
    ]

    /// The charset parameter of a Content-Type value: `text/html; charset="Shift_JIS"` gives `Shift_JIS`.
    static func parameter(inContentType value: String) -> String? {
        let lowered = value.lowercased()
        guard let range = lowered.firstRange(of: "charset") else { return nil }
        var rest = lowered[range.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
        let label = rest.prefix { !($0 == ";" || $0 == "\"" || $0 == "'" || $0 == " " || $0 == "," || $0 == ">" || $0 == "\t") }
        return label.isEmpty ? nil : String(label)
    }
}
