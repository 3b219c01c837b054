import ArgumentParser
import Cleaner

/// The filter's usual command lines (file names, and the filter's long options with their values)
/// read without ArgumentParser (into a `FilterRun`, not a `CleanCommand`), whose parse cost 12 million instructions at start-up: the Swift
/// runtime scanning every protocol conformance of the binary for the options' property wrappers,
/// 5 million of it looking for `--generate-completion-script`. That was a third of cleaning one
/// small page. Anything else (help, version, a short or unknown option, `--`, `-`, an option or
/// flag given twice, a value that is empty, starts with `-` or does not parse, a command line
/// that fails validation) is left to ArgumentParser, which makes the same command or gives the
/// message it always gave. `CommonArgumentsTests` checks both make the same command.
enum CommonArguments {
    /// The filter's options as `--name VALUE` or `--name=VALUE`, and its flags: what this reads.
    /// An option missing here still works, through ArgumentParser.
    enum Name: String, CaseIterable {
        case rules, rulesLenient = "rules-lenient"
        case outputDir = "output-dir", jobs
        case url, input, keep, charset, format, check
        case jsonl, warc, comments, explain
        case noBuiltinRules = "no-builtin-rules"

        var isFlag: Bool {
            switch self {
            case .jsonl, .warc, .comments, .explain, .noBuiltinRules: true
            default: false
            }
        }

        /// Options that may be given more than once, each value added.
        var isRepeatable: Bool {
            switch self {
            case .rules, .rulesLenient, .keep: true
            default: false
            }
        }
    }

    /// Values and flags by name: arrays by the name's place in `allCases`, not a dictionary and a
    /// set keyed by `Name`, whose first use looked up `Name`'s conformances (about 250,000
    /// instructions at start-up).
    private struct Given {
        private var lists = [[String]?](repeating: nil, count: Name.allCases.count)
        private var set = [Bool](repeating: false, count: Name.allCases.count)

        private static func slot(_ name: Name) -> Int {
            Name.allCases.firstIndex(of: name) ?? 0
        }

        subscript(_ name: Name) -> [String]? {
            get { lists[Self.slot(name)] }
            set { lists[Self.slot(name)] = newValue }
        }

        /// Sets flag `name`; false when it was set already.
        mutating func insert(_ name: Name) -> Bool {
            defer { set[Self.slot(name)] = true }
            return !set[Self.slot(name)]
        }

        func contains(_ name: Name) -> Bool { set[Self.slot(name)] }
    }

    /// The command `arguments` make, validated; nil when ArgumentParser is to read them.
    static func parse(_ arguments: [String]) -> FilterRun? {
        var values = Given()
        var flags = Given()
        var files: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                guard !argument.isEmpty else { return nil }
                files.append(argument)
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            let body = argument.dropFirst(2)
            let equals = body.firstIndex(of: "=")
            guard let name = Name(rawValue: String(body[..<(equals ?? body.endIndex)])) else { return nil }
            if name.isFlag {
                guard equals == nil, flags.insert(name) else { return nil }
                continue
            }
            let value: String
            if let equals {
                value = String(body[body.index(after: equals)...])
            } else {
                guard index < arguments.count else { return nil }
                value = arguments[index]
                index += 1
            }
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            guard name.isRepeatable || values[name] == nil else { return nil }
            values[name] = (values[name] ?? []) + [value]
        }
        return command(values: values, flags: flags, files: files)
    }

    /// The command the values make, validated as ArgumentParser would validate `CleanCommand`
    /// (its option groups check nothing of their own).
    private static func command(values: Given, flags: Given, files: [String]) -> FilterRun? {
        var command = FilterRun()
        command.rules.directories = values[.rules] ?? []
        command.rules.lenientDirectories = values[.rulesLenient] ?? []
        command.rules.noBuiltinRules = flags.contains(.noBuiltinRules)
        command.batch.outputDirectory = values[.outputDir]?.last
        command.batch.jsonl = flags.contains(.jsonl)
        command.batch.warc = flags.contains(.warc)
        if let jobs = values[.jobs]?.last {
            guard let count = Int(argument: jobs) else { return nil }
            command.batch.jobs = count
        }
        command.url = values[.url]?.last
        if let input = values[.input]?.last {
            guard let kind = InputKind(argument: input) else { return nil }
            command.input = kind
        }
        for value in values[.keep] ?? [] {
            guard let category = Category(argument: value) else { return nil }
            command.keep.append(category)
        }
        command.charset = values[.charset]?.last
        command.comments = flags.contains(.comments)
        command.explain = flags.contains(.explain)
        if let format = values[.format]?.last {
            guard let choice = FormatChoice(argument: format) else { return nil }
            command.format = choice
        }
        command.check = values[.check]?.last
        command.files = files
        do {
            try command.validate()
        } catch {
            return nil
        }
        return command
    }
}
