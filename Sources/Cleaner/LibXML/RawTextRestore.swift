internal import CLibXML

extension HTMLDocument {
    /// Gives the scripts and styles that `RawTextBlanker` emptied their text back, as libxml2
    /// would have parsed it (one CDATA node each), so that the tree is the one the page as it was
    /// gives. The elements are paired with the scan's start tags in page order, by name; false
    /// when the tree does not fit the scan (then the page must be parsed as it was).
    /// Only text is added: the element index stays valid.
    func restoreRawText(_ blanked: RawTextBlanker.Blanked, original: [UInt8]) -> Bool {
        let scripts = elementIndex.elements(packed: Self.scriptName)
        let styles = elementIndex.elements(packed: Self.styleName)
        guard scripts.count >= blanked.scripts.count, styles.count >= blanked.styles.count else { return false }
        // Checked before any change, so that a mismatch leaves the tree as it was.
        for (elements, ranges) in [(scripts, blanked.scripts), (styles, blanked.styles)] {
            for (element, range) in zip(elements, ranges) where range != nil && element.pointee.children != nil {
                return false
            }
        }
        original.withUnsafeBufferPointer { bytes in
            for (elements, ranges) in [(scripts, blanked.scripts), (styles, blanked.styles)] {
                for (element, range) in zip(elements, ranges) {
                    guard let range else { continue }
                    let content = UnsafeBufferPointer(rebasing: bytes[range])
                    // Tab, LF and CR aside, a byte below 0x20 or an 0xEF is rare: most scripts are copied as they are.
                    if RawTextBlanker.mayHoldDisallowed(content) {
                        RawTextBlanker.parsedText(content).withUnsafeBufferPointer { add($0, to: element) }
                    } else {
                        add(content, to: element)
                    }
                }
            }
        }
        return true
    }

    private func add(_ text: UnsafeBufferPointer<UInt8>, to element: xmlNodePtr) {
        guard text.count > 0, let node = xmlNewCDataBlock(pointer, text.baseAddress, Int32(text.count)) else { return }
        if xmlAddChild(element, node) == nil { xmlFreeNode(node) }
    }

    private static let scriptName = PackedName("script")
    private static let styleName = PackedName("style")
}
