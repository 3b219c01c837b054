import ArgumentParser
import Cleaner
import FoundationEssentials

/// `clean [FILE...]`: the filter itself. Other commands (`clean eval`, ...) are dispatched by `Main`.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Strip boilerplate from raw web scrapes: HTML pages or plain-text scrapes in, the article's text out.",
        discussion: """
            With no FILE, reads standard input and writes standard output, so it fits in a pipeline:
              cat page.html | clean --url https://example.com/story > story.txt

            Rules: Rules/global.txt applies to every document, Rules/<host>.txt to one site \
            (ftr-site-config format plus line directives; see the README). --rules DIR adds \
            rule files that take precedence over the built-in ones.

            Encodings: a byte order mark, --charset, then the page's <meta charset> or http-equiv; \
            without any (or with one the bytes do not fit) the encoding is detected. Output is \
            always UTF-8, with no control characters but newline and tab.

            Limits: an input larger than \(InputLimits.maxBytes >> 20) MiB is not cleaned (reported, exit 1).

            Exit status: 0 all inputs cleaned; 1 some input could not be read or cleaned (each is \
            reported on standard error with its name, the others are still cleaned) or a golden \
            case failed; 2 usage error, or rule-file error (reported as PATH:LINE: message).

            Other commands (each has --help): \(Main.Subcommand.allCases.map(\.rawValue).sorted().joined(separator: ", ")).
            """,
        version: "0.1.0"
    )

    @OptionGroup var rules: RuleOptions

    @OptionGroup var batch: BatchOptions

    @Option(name: .long, help: "The page's address: chooses the site's rule file (default: the page's canonical link or og:url).")
    var url: String?

    @Option(name: .long, help: ArgumentHelp("Read input as html or text (default: auto, sniffed from the bytes).", valueName: "kind"))
    var input: InputKind = .auto

    @Option(name: .long, help: ArgumentHelp("Keep what rules of this category would remove (repeatable): \(Category.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "category"))
    var keep: [Category] = []

    @Option(name: .long, help: ArgumentHelp("The inputs' encoding, as an HTTP header would declare it (e.g. shift_jis); it takes precedence over the page's own declaration.", valueName: "label"))
    var charset: String?

    @Flag(name: .long, help: "Keep readers' comment sections of HTML pages (found by class, id or schema.org), after the article; by default they are removed, unless they dwarf the post (a discussion page).")
    var comments = false

    @Flag(name: .long, help: "List every block, kept or removed, with the rule that removed it (file:line directive) and its category.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("text (default), json (one object per document: the text and the page's metadata under trafilatura's field names) or markdown. With --explain: text, or html: one self-contained page to open in a browser, removed blocks struck through on their category's colour.", valueName: "format"))
    var format: FormatChoice = .text

    @Option(name: .long, help: ArgumentHelp("Run the golden cases in DIR (each case/input.html|txt + expected.txt); print a diff for each failure.", valueName: "dir"))
    var check: String?

    @Argument(help: "Files to clean; - is standard input (the default, with no file).")
    var files: [String] = []

    /// The command as plain values, what a run reads.
    var filterRun: FilterRun {
        FilterRun(rules: rules.sources, batch: batch.settings, url: url, input: input, keep: keep, charset: charset, comments: comments, explain: explain, format: format, check: check, files: files)
    }

    func validate() throws {
        try filterRun.validate()
    }

    mutating func run() throws {
        try filterRun.run()
    }
}

/// `--format`: text, json or markdown for the cleaned output; text or html for `--explain`.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case markdown
    case html

    /// The cleaned output's format (nil for html, which only `--explain` writes).
    var output: OutputFormat? { OutputFormat(rawValue: rawValue) }

    func validate(explain: Bool, records: Bool) throws {
        if explain {
            guard self == .text || self == .html else { throw ValidationError("--explain writes --format text or html, not \(rawValue).") }
            return
        }
        if self == .html { throw ValidationError("--format html goes with --explain; the cleaned output is text, json or markdown.") }
        if records, self == .json {
            throw ValidationError("--jsonl and --warc write JSON records already: --format text or markdown chooses their text field.")
        }
    }
}

extension InputKind: ExpressibleByArgument {}
extension Category: ExpressibleByArgument {}
