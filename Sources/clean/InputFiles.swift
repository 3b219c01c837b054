import Cleaner
import FoundationEssentials

/// One document of a batch: where it is read from and the name of its output, relative to the output directory.
struct InputFile: Sendable {
    let path: String
    /// `a/b` for `DIR/a/b.html` (the extension, and `.gz`, go; `.txt`, `.json` or `.md` is added on output).
    let outputName: String
}

/// The documents named on the command line: files as given, directories walked in name order (so
/// that runs are repeatable), one directory listing in memory at a time however large the tree.
struct InputFiles {
    /// Files a directory walk picks up: pages and text scrapes, plain or gzipped.
    static let extensions = [".html", ".htm", ".txt"]

    let arguments: [String]
    /// Never walked: the output directory, when it sits inside an input directory.
    let excluded: String?
    /// The output files' extension (`txt`, `json`, `md`), for the messages that name them.
    var outputExtension = "txt"

    /// Calls `visit` for each document; `problem` for what cannot be used (a missing argument, two
    /// inputs that would write the same output file), and goes on.
    func forEach(_ visit: (InputFile) -> Void, problem: (String) -> Void) {
        let excludedPath = excluded.map(Self.canonical)
        // Several arguments can name the same output; one directory cannot (siblings are checked).
        var claimed = arguments.count > 1 ? Set<String>() : nil
        func claim(_ file: InputFile) {
            if claimed != nil {
                guard claimed?.insert(file.outputName).inserted == true else {
                    problem("\(file.path): another input already writes \(file.outputName).\(outputExtension); skipped")
                    return
                }
            }
            visit(file)
        }
        for argument in arguments {
            guard FilePaths.exists(argument) else {
                problem("\(argument): no such file or directory")
                continue
            }
            if FilePaths.isDirectory(argument) {
                walk(argument, prefix: "", excluded: excludedPath, visit: claim, problem: problem)
            } else {
                let name = FilePaths.lastComponent(argument)
                claim(InputFile(path: argument, outputName: Self.stem(name) ?? name))
            }
        }
    }

    private func walk(_ directory: String, prefix: String, excluded: String?, visit: (InputFile) -> Void, problem: (String) -> Void) {
        if let excluded, Self.canonical(directory) == excluded { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            problem("\(directory): cannot list directory")
            return
        }
        // Output names taken in this directory: a file's `stem.txt`, a subdirectory's own name.
        var outputs: [String: String] = [:]
        var subdirectories: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = FilePaths.join(directory, name)
            guard FilePaths.exists(path) else { continue }
            let isDirectory = FilePaths.isDirectory(path)
            if isDirectory && Self.isSymbolicLink(path) { continue }  // no loops through links
            let output: String
            if isDirectory {
                output = name
            } else {
                guard let stem = Self.stem(name) else { continue }
                output = stem + ".txt"
            }
            if let other = outputs[output] {
                problem("\(path): \(other) already writes \(prefix)\(output); skipped")
                continue
            }
            outputs[output] = path
            if isDirectory {
                subdirectories.append(name)
            } else {
                visit(InputFile(path: path, outputName: prefix + String(output.dropLast(4))))
            }
        }
        outputs = [:]
        for name in subdirectories {
            walk(FilePaths.join(directory, name), prefix: prefix + name + "/", excluded: excluded, visit: visit, problem: problem)
        }
    }

    /// `page` for `page.html`, `page.HTM.gz`, `page.txt`; nil for other files.
    static func stem(_ name: String) -> String? {
        var base = Substring(name)
        if base.lowercased().hasSuffix(".gz") { base = base.dropLast(3) }
        let lower = base.lowercased()
        for suffix in extensions where lower.hasSuffix(suffix) && lower.count > suffix.count {
            return String(base.dropLast(suffix.count))
        }
        return nil
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}

/// The inputs of a filter run: each FILE, `-` for standard input (as Unix filters read it), and
/// standard input alone when no FILE is given.
enum InputSources {
    static func of(_ files: [String]) -> [String?] {
        files.isEmpty ? [nil] : files.map { $0 == "-" ? nil : $0 }
    }
}

/// Reads one document, decompressing it when it is gzipped (by its first bytes, whatever its name:
/// `clean page.html.gz` and `curl URL | clean` without `--compressed` give the page, not gzip's bytes).
enum DocumentReader {
    /// A gzipped page may not expand past this: a few kilobytes can inflate to gigabytes.
    static let maxDecompressed = 256 << 20

    /// The document in the file at `path`, or on standard input when `path` is nil.
    static func read(_ path: String?) throws(StreamError) -> [UInt8] {
        let name = path ?? "standard input"
        // Read straight into the array the cleaner takes, rather than into `Data` and copied out
        // (the same instructions for a 9 kB scrape: about 22,000).
        let bytes: [UInt8]
        do {
            bytes = try path.map { path throws(FileIO.Failure) in try FileIO.read(path: path) } ?? FileIO.readAll(0)
        } catch {
            throw StreamError("\(name): cannot read (\(error))")
        }
        guard Gzip.isGzip(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes, limit: maxDecompressed)
        } catch {
            throw StreamError("\(name): \(error)")
        }
    }
}
