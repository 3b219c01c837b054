/// Elements a reader never sees: `hidden`, `aria-hidden="true"`, inline `display:none` or
/// `visibility:hidden`. Their text is not part of the article.
enum HiddenElements {
    static func isHidden(_ node: Node) -> Bool {
        guard node.hasAttributes else { return false }
        if node.hasAttribute("hidden") { return true }
        if node.withAttribute("aria-hidden", { ASCIIText.equalsIgnoringCase($0, "true") }) == true { return true }
        return node.withAttribute("style", hidesByStyle) ?? false
    }

    /// The style's text, lower-cased and without whitespace, says `display:none` or `visibility:hidden`.
    private static func hidesByStyle(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard style.allSatisfy({ $0 < 0x80 }) else {
            // Non-ASCII text: Unicode lower-casing and whitespace, as the rule is written.
            let compact = String(decoding: style, as: UTF8.self).lowercased().filter { !$0.isWhitespace }
            return compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for byte in style where !ASCIIText.isWhitespace(byte) {
            compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return compact.withUnsafeBufferPointer { text in
            hiddenStyles.contains { $0.withUnsafeBufferPointer { ByteSearch.contains(text, $0) } }
        }
    }

    private static let hiddenStyles = [Array("display:none".utf8), Array("visibility:hidden".utf8)]
}
