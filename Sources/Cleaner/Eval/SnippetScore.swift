import FoundationEssentials

/// One line of `snippets.jsonl`: passages that must (`with`) and must not (`without`) be in a page's output.
public struct SnippetCheck: Codable, Sendable {
    public var id: String
    public var with: [String]
    public var without: [String]

    public init(id: String, with: [String] = [], without: [String] = []) {
        self.id = id
        self.with = with
        self.without = without
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        with = try container.decodeIfPresent([String].self, forKey: .with) ?? []
        without = try container.decodeIfPresent([String].self, forKey: .without) ?? []
    }
}

/// Snippet counts over a set: a `with` passage found is a TP, missing a FN; a `without` passage
/// found is a FP, missing a TN. F = 2TP / (2TP + FP + FN).
public struct SnippetScore: Codable, Sendable, Equatable {
    public var tp = 0
    public var fn = 0
    public var fp = 0
    public var tn = 0

    public init() {}

    public var p: Double { tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0 }
    public var r: Double { tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0 }
    public var f: Double { tp + fp + fn > 0 ? Double(2 * tp) / Double(2 * tp + fp + fn) : 0 }

    /// Adds one page's checks against its output text.
    public mutating func add(_ check: SnippetCheck, output: String) {
        let text = Self.normalized(output)
        for passage in check.with {
            if Self.contains(text, Self.normalized(passage)) { tp += 1 } else { fn += 1 }
        }
        for passage in check.without {
            if Self.contains(text, Self.normalized(passage)) { fp += 1 } else { tn += 1 }
        }
    }

    /// Python's `" ".join(s.lower().split())`, as UTF-8 bytes: searching bytes of valid UTF-8
    /// finds exactly the scalar substrings (String search would match canonical equivalents).
    static func normalized(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var pendingSpace = false
        for scalar in PythonText.lowercased(text) {
            if PythonText.isSpace(scalar) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(contentsOf: scalar.utf8)
        }
        return bytes
    }

    static func contains(_ text: [UInt8], _ passage: [UInt8]) -> Bool {
        guard let first = passage.first else { return true }
        guard passage.count <= text.count else { return false }
        var start = 0
        let last = text.count - passage.count
        while start <= last {
            guard let hit = text[start...last].firstIndex(of: first) else { return false }
            if text[hit..<(hit + passage.count)].elementsEqual(passage) { return true }
            start = hit + 1
        }
        return false
    }

    private enum CodingKeys: String, CodingKey { case tp, fn, fp, tn, p, r, f }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tp = try container.decode(Int.self, forKey: .tp)
        fn = try container.decode(Int.self, forKey: .fn)
        fp = try container.decode(Int.self, forKey: .fp)
        tn = try container.decode(Int.self, forKey: .tn)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tp, forKey: .tp)
        try container.encode(fn, forKey: .fn)
        try container.encode(fp, forKey: .fp)
        try container.encode(tn, forKey: .tn)
        try container.encode(p, forKey: .p)
        try container.encode(r, forKey: .r)
        try container.encode(f, forKey: .f)
    }
}
