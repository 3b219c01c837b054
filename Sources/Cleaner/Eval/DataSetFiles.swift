import FoundationEssentials

/// Reading the files of a data set: document folders, `meta.jsonl`, `snippets.jsonl`.
public enum DataSetFiles {
    /// The ids of the `*.EXT` files in a folder, in the order Python sorts their paths (by scalar values).
    public static func ids(in directory: String, extension ext: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw EvalError("\(directory): cannot read folder")
        }
        let suffix = "." + ext
        // Sorted as file names, suffix included ("a-b.txt" before "a.txt"), like Python's sorted paths.
        return names.filter { $0.hasSuffix(suffix) && $0.count > suffix.count }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            .map { String($0.dropLast(suffix.count)) }
    }

    /// A text file as the reference scorer reads it: UTF-8, invalid bytes replaced; missing is empty.
    public static func text(at path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// One `meta.jsonl` line: the fields the evaluation uses.
    public struct Meta: Decodable, Sendable {
        public var id: String
        public var url: String?
        public var type: String?
    }

    public static func meta(at path: String) throws -> [String: Meta] {
        var entries: [String: Meta] = [:]
        for entry in try jsonLines(at: path, as: Meta.self) { entries[entry.id] = entry }
        return entries
    }

    public static func snippets(at path: String) throws -> [SnippetCheck] {
        try jsonLines(at: path, as: SnippetCheck.self)
    }

    /// Each non-blank line decoded; a bad line is an error naming `PATH:LINE`.
    static func jsonLines<T: Decodable>(at path: String, as type: T.Type) throws -> [T] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvalError("\(path): cannot read file")
        }
        let decoder = JSONDecoder()
        var values: [T] = []
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            do {
                values.append(try decoder.decode(T.self, from: Data(line.utf8)))
            } catch {
                throw EvalError("\(path):\(lineNumber): not a valid entry (\(error))")
            }
        }
        return values
    }
}
