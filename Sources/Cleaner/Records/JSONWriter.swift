/// Writes one JSON object into a byte buffer: always valid UTF-8 JSON (Swift strings are valid
/// UTF-8; control characters, quotes and backslashes are escaped), without Foundation's detour
/// through dictionaries, so that a record costs a copy of its text and no more.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Closes the object and adds the line's "\n".
    public mutating func finishLine() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(0x0A)
        return bytes
    }

    public mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        startMember(key)
        Self.appendString(value, to: &bytes)
    }

    /// `value`, or `null` when it is nil (where `add(_:_:)` leaves the key out).
    public mutating func add(_ key: String, orNull value: String?) {
        startMember(key)
        if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    public mutating func add(_ key: String, _ value: Int) {
        startMember(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func add(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        startMember(key)
        Self.append(value, to: &bytes)
    }

    private mutating func startMember(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        Self.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    static func append(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): appendString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                append(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                append(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &output) }
    }

    static func appendString(_ text: [UInt8], to output: inout [UInt8]) {
        text.withUnsafeBufferPointer { appendString($0, to: &output) }
    }

    /// `text` must be valid UTF-8 (a `String`'s bytes, or bytes `JSONParser` validated). Runs
    /// that need no escape are found a word at a time and appended whole.
    static func appendString(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var index = 0
        while true {
            let special = JSONBytes.firstToEscape(text, from: index)
            if special > index { output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<special])) }
            guard special < text.count else { break }
            let byte = text[special]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            default:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
            index = special + 1
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
