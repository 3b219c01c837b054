/// The host part of an address, without scheme, user, port, path or trailing dot, lower-cased.
/// Also accepts a bare "example.com/path".
enum URLHost {
    static func host(of address: String) -> String? {
        var rest = Substring(address.trimmingWhitespace())
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] } else if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":"), !rest.hasPrefix("[") { rest = rest[..<colon] }
        while rest.hasSuffix(".") { rest = rest.dropLast() }
        let host = rest.lowercased()
        return host.isEmpty ? nil : host
    }
}
