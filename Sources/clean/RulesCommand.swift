import ArgumentParser

/// `clean rules ...`: commands about rule files rather than documents.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean rules",
        abstract: "Work with rule files.",
        subcommands: [RulesCheckCommand.self]
    )
}
