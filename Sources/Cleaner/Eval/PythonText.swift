/// The text semantics of the reference scorer (`score.py`), which runs on Python: `str.lower()`,
/// `re`'s `\w` and `str.split()`. Swift's own `lowercased()`, `Character.isLetter` and String
/// equality differ from them (String compares canonically equivalent text as equal, `\w` in
/// Python takes no combining marks), so the scorer works on Unicode scalars with these rules.
public enum PythonText {
    /// `str.lower()`: each scalar's full lowercase mapping (İ becomes i + U+0307), and capital
    /// sigma becomes final sigma at the end of a word (Unicode's Final_Sigma context).
    public static func lowercased(_ text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        var lower: [Unicode.Scalar] = []
        lower.reserveCapacity(scalars.count)
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar.isASCII {
                lower.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar)
            } else if scalar == capitalSigma {
                lower.append(isFinalSigma(scalars, at: index) ? finalSigma : smallSigma)
            } else if scalar.properties.changesWhenLowercased {
                lower.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                lower.append(scalar)
            }
        }
        return lower
    }

    /// `\w` of Python's `re` on str: alphanumeric by `str.isalnum()` (letters Lu Ll Lt Lm Lo and
    /// every scalar with a numeric value) or `_`. Combining marks are not word characters there.
    public static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// `str.isspace()`, what `str.split()` splits on: Unicode White_Space plus the ASCII
    /// separators U+001C-U+001F (bidirectional class B or S), which Python counts as space.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    private static let capitalSigma: Unicode.Scalar = "\u{03A3}"
    private static let smallSigma: Unicode.Scalar = "\u{03C3}"
    private static let finalSigma: Unicode.Scalar = "\u{03C2}"

    /// Python's rule: a cased letter before (case-ignorables skipped) and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return after == scalars.count || !scalars[after].properties.isCased
    }
}
