/// What every fuzz target checks on top of "no crash, no leak, no hang": the output promise.
public enum OutputCheck {
    /// Traps (a fuzzer finding) when `text` has a control character other than newline and tab.
    /// Swift strings are valid Unicode by construction, so UTF-8 validity is checked by writing them.
    public static func verify(_ text: String) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            if control && scalar != "\n" && scalar != "\t" {
                fatalError("output has control character U+\(String(value, radix: 16))")
            }
        }
        var copy = text
        copy.withUTF8 { bytes in
            if String(validating: bytes, as: UTF8.self) == nil { fatalError("output is not valid UTF-8") }
        }
    }
}
