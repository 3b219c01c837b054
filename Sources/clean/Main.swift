import ArgumentParser
import Glibc

/// Entry point. `clean FILE...` is the filter; a first argument naming a command runs that command
/// instead (`clean eval DATASET`). The filter is the root so that `clean page.html` and
/// `clean --help` stay about cleaning.
@main
enum Main {
    /// Commands besides the filter, by the word that selects them. Each is a ParsableCommand of its
    /// own file. Not a dictionary: its first use looked up `String`'s conformances at start-up.
    enum Subcommand: String, CaseIterable {
        case eval, rules, bench

        var type: any ParsableCommand.Type {
            switch self {
            case .eval: EvalCommand.self
            case .rules: RulesCommand.self
            case .bench: BenchCommand.self
            }
        }
    }

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let command = Subcommand(rawValue: first) {
            run(command.type, Array(arguments.dropFirst()))
        } else if let filter = CommonArguments.parse(arguments) {
            run(filter)
        } else {
            run(CleanCommand.self, arguments)
        }
    }

    /// Runs the filter as `CommonArguments` read it, without making a `CleanCommand`: the exits
    /// are those of `run(_:as:)`.
    static func run(_ filter: FilterRun) -> Never {
        do {
            try filter.run()
            Glibc.exit(0)
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            exit(CleanCommand.self, error)
        }
    }

    /// Runs one command. A usage error exits with status 2, like a rule error (ArgumentParser's own
    /// default is 64): 0 ok, 1 some inputs failed, 2 the run could not start.
    static func run(_ type: any ParsableCommand.Type, _ arguments: [String]) -> Never {
        do {
            run(try type.parseAsRoot(arguments), as: type)
        } catch {
            exit(type, error)
        }
    }

    /// Runs a command already parsed (by ArgumentParser or `CommonArguments`) of root command `type`.
    static func run(_ command: any ParsableCommand, as type: any ParsableCommand.Type) -> Never {
        var command = command
        do {
            try command.run()
            type.exit()
        } catch let code as ExitCode {
            // A status the command chose, with nothing to print: ArgumentParser's exit path would
            // first build its message for the error (~9 million instructions, on every batch run).
            Glibc.exit(code.rawValue)
        } catch {
            exit(type, error)
        }
    }

    private static func exit(_ type: any ParsableCommand.Type, _ error: any Error) -> Never {
        guard type.exitCode(for: error) == .validationFailure else { type.exit(withError: error) }
        Diagnostics.write(type.fullMessage(for: error) + "\n")
        type.exit(withError: ExitCode(2))
    }
}
