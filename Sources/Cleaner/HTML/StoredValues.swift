/// Attribute values that `RawTextBlanker` replaces with a short token before the parse and that
/// `HTMLDocument.restoreValues` puts back in the tree after it. libxml2 reads an attribute value
/// one character at a time at about a hundred instructions each; class names are most of what
/// is left of a page's attributes once the unread ones are taken out, and the tree needs them
/// only as stored strings.
enum StoredValues {
    /// Attributes libxml2's parser only stores: not `id` or `name` (it files those in the
    /// document's ID table) nor a `<meta>`'s `http-equiv`, `content` or `charset` (it reads
    /// those for the page's encoding).
    static let names: [PackedName] = ["class", "style", "rel", "role", "itemprop", "itemtype", "property", "datetime"].map(PackedName.init)

    /// The byte a token starts with (DEL): a page that holds one anywhere gets no tokens.
    static let tokenStart: UInt8 = 0x7F

    /// The token's number is written in base 62, most significant digit first: "0"-"9", "A"-"Z", "a"-"z".
    private static let base = 62

    @inline(__always)
    private static func digit(_ value: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: value < 10 ? 0x30 + value : value < 36 ? 0x41 - 10 + value : 0x61 - 36 + value)
    }

    /// True for a value libxml2 keeps byte for byte: printable ASCII without a character
    /// reference (no "&").
    /// Eight bytes at a time where it can, with the "has a zero byte" test (see `RawTextBlanker.suspectFlags`).
    static func isPlain(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = value.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs = ones &* 0x80
            while index + 8 <= value.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte below 0x20, a byte of 0x7F or more (its top bit set, or set by adding 1), an "&".
                let below = (word &- ones &* 0x20) & ~word
                let above = word | (word &+ ones)
                let ampersand = word ^ (ones &* 0x26)
                if (below | above | ((ampersand &- ones) & ~ampersand)) & highs != 0 { return false }
                index += 8
            }
        }
        while index < value.count {
            let byte = value[index]
            if byte &- 0x20 > 0x5E || byte == 0x26 { return false }
            index += 1
        }
        return true
    }

    /// The length of the token numbered `number`.
    @inline(__always)
    static func tokenLength(_ number: Int) -> Int {
        if number < base { return 2 }
        var length = 3
        var rest = number / (base * base)
        while rest > 0 {
            length += 1
            rest /= base
        }
        return length
    }

    static func appendToken(_ number: Int, to output: inout [UInt8]) {
        output.append(tokenStart)
        var power = 1
        while power <= number / base { power *= base }
        while power > 0 {
            output.append(digit(number / power % base))
            power /= base
        }
    }

    /// The number of the token `value` (NUL-terminated) is; nil when it is not a token.
    static func number(_ value: UnsafePointer<UInt8>) -> Int? {
        guard value[0] == tokenStart else { return nil }
        var number = 0
        var index = 1
        while value[index] != 0 {
            guard let digit = digitValue(value[index]) else { return nil }
            number = number * base + digit
            index += 1
        }
        return index > 1 ? number : nil
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x5A: Int(byte - 0x41) + 10
        case 0x61...0x7A: Int(byte - 0x61) + 36
        default: nil
        }
    }
}
