internal import CLibXML

extension HTMLDocument {
    /// Puts back the attribute values `RawTextBlanker` gave tokens in place of (`StoredValues`):
    /// each attribute whose one text child is a token gets the original bytes. False when a
    /// token names no value (then the page must be parsed as it was).
    /// Only attribute text changes: the element index stays valid.
    func restoreValues(_ blanked: RawTextBlanker.Blanked, original: [UInt8]) -> Bool {
        guard !blanked.values.isEmpty else { return true }
        return original.withUnsafeBufferPointer { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            for element in elementIndex.all {
                var attribute = element.pointee.properties
                while let current = attribute {
                    attribute = current.pointee.next
                    guard let text = current.pointee.children, text.pointee.type == XML_TEXT_NODE,
                        let content = text.pointee.content, content[0] == StoredValues.tokenStart
                    else { continue }
                    guard let number = StoredValues.number(content), number < blanked.values.count else { return false }
                    let range = blanked.values[number]
                    xmlNodeSetContentLen(text, base + range.lowerBound, Int32(range.count))
                }
            }
            return true
        }
    }
}
