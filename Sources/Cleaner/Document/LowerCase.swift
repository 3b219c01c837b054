/// `String.lowercased()`, with fewer look-ups: the standard library maps each scalar of a text
/// that is not all ASCII through its `lowercaseMapping`, a `String` made for each (about 500
/// instructions a scalar). A scalar whose Changes_When_Lowercased is false maps to itself, so
/// only the others are looked up (checked against `lowercaseMapping` for every scalar by the tests).
enum LowerCase {
    static func of(_ text: String) -> String {
        if let ascii = ASCIIText.lowercased(text) { return ascii }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(ASCIIText.lowercased(UInt8(scalar.value)))
                continue
            }
            let properties = scalar.properties
            if properties.changesWhenLowercased {
                bytes.append(contentsOf: properties.lowercaseMapping.utf8)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
