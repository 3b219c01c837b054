/// ftr's `find_string` / `replace_string`: literal replacements in the page's (UTF-8) bytes before
/// parsing, so they can mend markup the parser would otherwise misread.
enum RawReplacements {
    /// How far replacements may grow a page: real ones mend a tag here and there, while a hostile
    /// file (`replace_string(a): aaaaaaaaaa` ten times) would grow it ten billion times. A replacement
    /// that would pass this size is not made, nor any after it.
    static func limit(for count: Int) -> Int { max(count * 4, 1 << 20) }

    static func apply(_ replacements: [RuleSet.Replacement], to bytes: [UInt8]) -> [UInt8] {
        var current = bytes
        let limit = Self.limit(for: bytes.count)
        for replacement in replacements {
            guard let replaced = replace(Array(replacement.find.utf8), with: Array(replacement.replace.utf8), in: current, limit: limit) else { break }
            current = replaced
        }
        return current
    }

    /// nil when the output would be longer than `limit`.
    static func replace(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8], limit: Int = .max) -> [UInt8]? {
        guard let first = needle.first, haystack.count >= needle.count else { return haystack }
        var output: [UInt8] = []
        output.reserveCapacity(haystack.count)
        var index = 0
        let last = haystack.count - needle.count
        while index < haystack.count {
            if index <= last, haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: replacement)
                if output.count > limit { return nil }
                index += needle.count
            } else {
                output.append(haystack[index])
                index += 1
            }
        }
        return output
    }
}
