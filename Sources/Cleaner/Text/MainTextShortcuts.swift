import Glibc

/// Answers of `MainText`'s definitions read without the walks they cost: each gives what the
/// definition it stands for gives (`MainTextShortcutsTests` compares them on varied lines).
extension MainText {
    /// The first test of `isWrappedProse` on a block's kept lines (`kept` of them, at least
    /// three), asked before they are gathered: most blocks of three lines or more are menus and
    /// lists, whose lines do not go on in lower case.
    /// The walk stops once the lines left cannot change the answer: a menu's last lines are not
    /// read once too few are left to go on in lower case.
    static func carriesOn(_ lines: [Line], kept: Int) -> Bool {
        var carriedOn = 0
        // The kept lines after the first not yet read.
        var left = kept - 1
        var first = true
        for index in lines.indices where lines[index].isKept {
            if first {
                first = false
                continue
            }
            if carriedOn * 3 >= kept - 1 { return true }
            if (carriedOn + left) * 3 < kept - 1 { return false }
            left -= 1
            if startsLowercase(lines[index].text) { carriedOn += 1 }
        }
        return carriedOn * 3 >= kept - 1
    }

    /// Whether the bytes of `line` before its last `lastLength` (the colon that ends it) hold the
    /// scalar of one of `listIntroducers`. A `Character` is a colon only when it is that scalar
    /// alone, so a line without one has no colon inside; nil when the bytes are not contiguous.
    /// In UTF-8 a scalar's bytes start only where that scalar does: a match of them is the scalar.
    static func hasColonScalar(_ line: String, before lastLength: Int) -> Bool? {
        line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let end = bytes.count - lastLength
            guard let base = bytes.baseAddress, end > 0 else { return false }
            let before = UnsafeBufferPointer(start: base, count: end)
            return listIntroducerForms.contains { form in form.withUnsafeBufferPointer { ByteSearch.contains(before, $0) } }
        }
    }
}
