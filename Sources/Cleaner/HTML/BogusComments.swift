import Glibc

/// Markup that opens with `<!` but is no comment, doctype or CDATA section: Word's conditional
/// markers (`<![if !supportLists]>`, `<![endif]>`), a template's `<!-Post: 123-!>`. A browser
/// reads each as a comment up to the next `>` and shows nothing; libxml2 keeps it as text, which
/// would put "if supportLists endif" into the article. They are cut from the bytes before parsing.
/// Only a run with no `<` before its `>` is taken, so a stray `<!` in a script cannot swallow
/// the `</script>` after it.
enum BogusComments {
    /// The bytes without such markup, or nil when there is none (the common case: no copy).
    static func removed(from bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            guard let base = input.baseAddress else { return nil }
            var output: [UInt8]? = nil
            var copied = 0
            var index = 0
            let count = input.count
            while index < count, let found = memchr(base + index, 0x3C, count - index) {
                let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = start + 1
                if let after = commentEnd(input, at: start) {
                    // A real comment, skipped whole: `<![endif]-->` closes an IE conditional one.
                    index = after
                    continue
                }
                guard let end = bogusEnd(input, at: start) else { continue }
                if output == nil { output = Array(input[0..<start]) } else { output?.append(contentsOf: input[copied..<start]) }
                copied = end
                index = end
            }
            guard var result = output else { return nil }
            result.append(contentsOf: input[copied..<count])
            return result
        }
    }

    /// After the `-->` of a comment opening at `start` (the end of the page when unclosed), or
    /// nil when none opens there.
    private static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = bytes.count
        guard start + 3 < count, bytes[start + 1] == 0x21, bytes[start + 2] == 0x2D, bytes[start + 3] == 0x2D else { return nil }
        var index = start + 4
        while index + 2 < count {
            if bytes[index] == 0x2D, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x3E { return index + 3 }
            index += 1
        }
        return count
    }

    /// Where the bogus comment opening at `start` ends (after its `>`), or nil when there is none.
    private static func bogusEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = bytes.count
        guard start + 2 < count, bytes[start + 1] == 0x21 else { return nil }  // "<!"
        let third = bytes[start + 2]
        if third == 0x5B, matches(bytes, at: start + 2, "[cdata[") { return nil }
        if third | 0x20 == 0x64, matches(bytes, at: start + 2, "doctype") { return nil }
        if third == 0x3E { return nil }  // "<!>": left as libxml2 reads it
        var index = start + 2
        while index < count {
            switch bytes[index] {
            case 0x3E: return index + 1
            case 0x3C: return nil
            default: index += 1
            }
        }
        return nil
    }

    /// `word` (lower-case ASCII) at `index`, ASCII case ignored.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let letters = word.utf8Start
        for offset in 0..<length {
            let byte = bytes[index + offset]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lowered != letters[offset] { return false }
        }
        return true
    }
}
