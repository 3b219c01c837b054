import Foundation

/// Bytes of a text scrape to a Swift string. Valid UTF-8 (with or without BOM) is taken as is;
/// anything else is read as windows-1252, the usual encoding of pages that are not UTF-8.
enum TextDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var body = bytes
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeRawBufferPointer(rebasing: body[3...])
        }
        if let text = String(validating: body, as: UTF8.self) {
            return text
        }
        if let text = String(data: Data(body), encoding: .windowsCP1252) {
            return text
        }
        return String(decoding: body, as: UTF8.self)
    }
}
