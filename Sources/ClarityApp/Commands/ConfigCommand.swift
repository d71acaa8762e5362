import ArgumentParser
import ClarityModel

/// `clarity-report config`: the configuration in force.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration as TOML: the file's settings over the defaults.",
        discussion: "Redirect it into clarity-report.toml to start a configuration file with every setting spelled out.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded = try global.loadConfiguration()
        Console.out(
            "# Effective configuration: \(loaded.path.map { "\($0) over the defaults" } ?? "built-in defaults (no clarity-report.toml found)")")
        Console.out(loaded.configuration.tomlText, terminator: "")
    }
}
