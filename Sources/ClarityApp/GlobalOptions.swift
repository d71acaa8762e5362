import ArgumentParser
import ClarityStore
import Foundation

/// Options every command takes, before or after the subcommand's name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The metric store file (default: $CLARITY_REPORT_STORE, else ./clarity.sqlite).", valueName: "path"))
    var store: String?

    /// The store path this run uses.
    var storePath: String {
        if let store { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CLARITY_REPORT_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "clarity.sqlite"
    }

    func openStore() throws -> MetricStore {
        try MetricStore(path: storePath)
    }
}
