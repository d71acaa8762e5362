import ArgumentParser
import ClarityModel
import ClarityStore
import Foundation

/// Options every command takes, before or after the subcommand's name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The metric store file (default: $CLARITY_REPORT_STORE, else ./clarity.sqlite).", valueName: "path"))
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The configuration file (default: $CLARITY_REPORT_CONFIG, else ./clarity-report.toml when it exists).", valueName: "path"))
    var config: String?

    /// The store path this run uses.
    var storePath: String {
        if let store { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CLARITY_REPORT_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "clarity.sqlite"
    }

    /// Opens the store for a command that writes to it (ingest, fetch, release changes).
    func openStore() throws -> MetricStore {
        try MetricStore(path: storePath)
    }

    /// Opens the store for a command that only reads it (reports, status): a read-only file or folder works, and
    /// the store's bytes stay as they were.
    func openStoreForReading() throws -> MetricStore {
        try MetricStore(path: storePath, access: .readOnly)
    }

    /// The configuration file this run reads, and whether the user named it (a named file must exist).
    var configPath: (path: String, named: Bool) {
        if let config { return (config, true) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CLARITY_REPORT_CONFIG"], !fromEnvironment.isEmpty {
            return (fromEnvironment, true)
        }
        return (TOMLDocument.defaultFileName, false)
    }

    /// The effective configuration: the file's settings over the defaults.
    func loadConfiguration() throws -> LoadedConfiguration {
        let (path, named) = configPath
        guard FileManager.default.fileExists(atPath: path) else {
            if named {
                throw ValidationError(
                    "the configuration file \(path) does not exist; create it (`clarity-report config > \(path)` writes the defaults) or drop --config."
                )
            }
            return LoadedConfiguration(configuration: ReportConfiguration(), path: nil)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read the configuration file \(path) as UTF-8 text.")
        }
        return LoadedConfiguration(configuration: try ReportConfiguration(parsing: text, fileName: path), path: path)
    }
}

/// The configuration in force and the file it came from (nil: built-in defaults).
struct LoadedConfiguration {
    let configuration: ReportConfiguration
    let path: String?

    /// Resolves a path setting relative to the configuration file's folder.
    func resolve(_ setting: String) -> String {
        guard let path, !setting.hasPrefix("/") else { return setting }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? setting : (folder as NSString).appendingPathComponent(setting)
    }

    var project: ProjectInfo { ProjectInfo(name: configuration.project.name, site: configuration.project.site) }

    var releaseWindow: Int { configuration.report.releaseWindowDays }

    var reportSettings: ReportSettings {
        ReportSettings(
            minimumSessions: configuration.report.minimumSessions, significance: configuration.report.significance,
            topSegments: configuration.report.topSegments, urls: configuration.report.urls)
    }
}
