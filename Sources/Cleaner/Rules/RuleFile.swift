import FoundationEssentials

/// One rule file's text with its name (`global`, `example.com`, `.example.com`) and the path
/// its messages name. Read from the built-in set or from a directory's `*.txt` files.
public struct RuleFile: Sendable {
    public let name: String
    public let path: String
    public let text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }

    /// The rules compiled into the binary, named as the repository's `Rules/` files.
    public static var builtin: [RuleFile] {
        BuiltinRules.files.map { RuleFile(name: $0.name, path: "Rules/\($0.name).txt", text: $0.text) }
    }

    /// Every rule file of `directory`, sorted by name.
    public static func all(in directory: String) throws -> [RuleFile] {
        guard let listing = DirectoryListing.ruleFiles(in: directory) else {
            throw RuleError(file: directory, line: 0, message: "cannot read rules directory")
        }
        return try listing.sortedNames().map { fileName in
            let path = FilePaths.join(directory, fileName)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuleError(file: path, line: 0, message: "cannot read rule file")
            }
            return RuleFile(name: String(fileName.dropLast(4)), path: path, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// Rule files are named by host (a dot inside) or `global.txt`; LICENSE.txt and README.txt
    /// beside them are not rules.
    /// Read as bytes: a collection such as ftr-site-config has thousands of names.
    static func isRuleFileName(_ name: String) -> Bool {
        Array(name.utf8).withUnsafeBufferPointer { isRuleFileName($0) }
    }

    private static let globalBytes: [UInt8] = Array(RuleLibrary.globalName.utf8)

    static func isRuleFileName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 4, bytes[count - 4] == UInt8(ascii: "."), bytes[count - 3] == UInt8(ascii: "t"),
              bytes[count - 2] == UInt8(ascii: "x"), bytes[count - 1] == UInt8(ascii: "t")
        else { return false }
        let base = UnsafeBufferPointer(rebasing: bytes[0..<(count - 4)])
        // Its length first: a walk of the String's view cost 100 instructions a name of a 2,000-file listing.
        if base.count == 6, base.elementsEqual(Self.globalBytes) { return true }
        // A dot after the first byte: `example.com`, `.example.com`, not `.txt` or `README`.
        var index = 1
        while index < base.count {
            if base[index] == UInt8(ascii: ".") { return true }
            index += 1
        }
        return false
    }
}
