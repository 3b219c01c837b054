/// The scalars PCRE2 matches with a scalar under `(?i)` (UTF and Unicode properties), or more:
/// the scalar's one-scalar lower-, upper- and title-case mappings, followed until no new scalar
/// comes, joined with the classes of `irregular`. A pre-check that compares in this wider sense
/// only ever lets more lines through than PCRE2 would match. `PatternPrefilterTests` checks that
/// every scalar PCRE2 matches with a cased scalar is in its class.
enum CaseEquivalents {
    /// Scalars whose case mappings lead to a letter that maps back to another scalar, so that a
    /// walk from that letter never meets them: the micro sign, dotless i, long s, Greek symbol
    /// forms and final sigma, the Cyrillic rounded and tall forms (U+1C80 to U+1C88), the long s
    /// with dot, the capital sharp s, the Greek prosgegrammeni, the Ohm, Kelvin and Angstrom signs
    /// (Unicode's CaseFolding.txt folds each onto the letter; the list is what a walk of every
    /// scalar's mappings finds missing, also checked by the test).
    static let irregular: [UInt32] = [
        0xB5, 0x131, 0x17F, 0x345, 0x3C2, 0x3D0, 0x3D1, 0x3D5, 0x3D6, 0x3F0, 0x3F1, 0x3F4, 0x3F5,
        0x1C80, 0x1C81, 0x1C82, 0x1C83, 0x1C84, 0x1C85, 0x1C86, 0x1C87, 0x1C88, 0x1E9B, 0x1E9E, 0x1FBE,
        0x2126, 0x212A, 0x212B,
    ]

    /// The scalar's class: itself, its mappings' closure, and every irregular scalar's closure that
    /// meets it. The classes of the built-in rules' literals were walked ahead (`formsAhead`, in
    /// `BuiltinLiterals.swift`): the walks cost about a million instructions at start-up.
    static func forms(of scalar: Unicode.Scalar) -> Set<Unicode.Scalar> {
        let index = formsAhead.lowerBound(of: scalar.value, by: \.scalar)
        if index < formsAhead.count, formsAhead[index].scalar == scalar.value {
            return Set(formsAhead[index].forms.compactMap(Unicode.Scalar.init))
        }
        return walkedForms(of: scalar)
    }

    /// `forms(of:)` as scalar values, without making a set when the class was walked ahead.
    static func formValues(of scalar: Unicode.Scalar) -> [UInt32] {
        let index = formsAhead.lowerBound(of: scalar.value) { $0.scalar }
        if index < formsAhead.count, formsAhead[index].scalar == scalar.value { return formsAhead[index].forms }
        return walkedForms(of: scalar).map(\.value).sorted()
    }

    /// A scalar's class walked ahead (`formsAhead` is sorted by scalar).
    struct Walked: Sendable {
        let scalar: UInt32
        let forms: [UInt32]
    }

    /// `forms(of:)` walked now.
    static func walkedForms(of scalar: Unicode.Scalar) -> Set<Unicode.Scalar> {
        var found = closure(of: scalar)
        for other in irregularClosures where !other.isDisjoint(with: found) { found.formUnion(other) }
        return found
    }

    /// Each irregular scalar's closure, walked once.
    private static let irregularClosures: [Set<Unicode.Scalar>] = irregular.compactMap { Unicode.Scalar($0).map { closure(of: $0) } }

    /// One member that stands for the class: a lower-case ASCII letter for ASCII and for the
    /// two scalars PCRE2 matches with ASCII letters, the Kelvin sign and the long s ("k", "s");
    /// else its lowest non-ASCII scalar (never longer in UTF-8 than a form PCRE2 matches with it;
    /// the dotless i, whose upper case is "I", is no form of "i" to PCRE2 and stays itself).
    static func canonical(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return Unicode.Scalar(RequiredLiterals.lowered(UInt8(scalar.value))) }
        if scalar.value == 0x212A { return "k" }
        if scalar.value == 0x17F { return "s" }
        return forms(of: scalar).filter { !$0.isASCII }.min() ?? scalar
    }

    /// UTF-8 with every scalar replaced by its canonical member.
    static func canonicalBytes(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes.map(RequiredLiterals.lowered) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                result.append(RequiredLiterals.lowered(UInt8(scalar.value)))
            } else {
                result.append(contentsOf: String(canonical(scalar)).utf8)
            }
        }
        return result
    }

    private static func closure(of scalar: Unicode.Scalar) -> Set<Unicode.Scalar> {
        var seen: Set<Unicode.Scalar> = [scalar]
        var pending = [scalar]
        while let next = pending.popLast() {
            for mapping in [next.properties.lowercaseMapping, next.properties.uppercaseMapping, next.properties.titlecaseMapping] {
                let scalars = mapping.unicodeScalars
                guard scalars.count == 1, let mapped = scalars.first, !seen.contains(mapped) else { continue }
                seen.insert(mapped)
                pending.append(mapped)
            }
        }
        return seen
    }
}
