/// ftr's `find_string` / `replace_string`: literal replacements in the page's bytes before parsing
/// (so they can mend markup the parser would otherwise misread). Byte-level, so any
/// ASCII-compatible encoding of the page survives untouched around the replacements.
enum RawReplacements {
    static func apply(_ replacements: [RuleSet.Replacement], to bytes: [UInt8]) -> [UInt8] {
        var current = bytes
        for replacement in replacements {
            current = replace(Array(replacement.find.utf8), with: Array(replacement.replace.utf8), in: current)
        }
        return current
    }

    static func replace(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        guard let first = needle.first, haystack.count >= needle.count else { return haystack }
        var output: [UInt8] = []
        output.reserveCapacity(haystack.count)
        var index = 0
        let last = haystack.count - needle.count
        while index < haystack.count {
            if index <= last, haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: replacement)
                index += needle.count
            } else {
                output.append(haystack[index])
                index += 1
            }
        }
        return output
    }
}
