/// Whitespace rules shared by both input paths: runs of spaces and tabs collapse to one space,
/// control characters go (output is always clean UTF-8 text), lines are trimmed.
enum TextNormalizer {
    static func normalizeLine<S: StringProtocol>(_ line: S) -> String {
        var output = ""
        output.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
            {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.unicodeScalars.append(" ")
                pendingSpace = false
            }
            output.unicodeScalars.append(scalar)
        }
        return output
    }
}

extension TextNormalizer {
    /// Preformatted text keeps its spacing; only control characters and trailing spaces go.
    static func normalizePreformatted<S: StringProtocol>(_ line: S) -> String {
        var output = ""
        for scalar in line.unicodeScalars {
            if scalar == "\t" || !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)) {
                output.unicodeScalars.append(scalar)
            }
        }
        while let last = output.last, last.isWhitespace { output.removeLast() }
        return output
    }
}
