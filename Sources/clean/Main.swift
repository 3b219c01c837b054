import ArgumentParser

/// Entry point. `clean FILE...` is the filter; a first argument naming a command runs that command
/// instead (`clean eval DATASET`). The filter is the root so that `clean page.html` and
/// `clean --help` stay about cleaning.
@main
enum Main {
    /// Commands besides the filter, by the word that selects them. Each is a ParsableCommand of its own file.
    static let commands: [String: any ParsableCommand.Type] = [
        "eval": EvalCommand.self,
        "rules": RulesCommand.self,
        "bench": BenchCommand.self,
    ]

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let command = commands[first] {
            command.main(Array(arguments.dropFirst()))
        } else {
            CleanCommand.main(arguments)
        }
    }
}
