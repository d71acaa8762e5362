import ClarityRender
import Foundation

/// Finds the templates folder: `--templates`, else the configuration's `report.templates`, else `templates` beside the
/// working directory or next to the installed binary (`../share/clarity-report/templates`).
enum TemplateLocation {
    static func load(option: String?, configuration: LoadedConfiguration) throws -> TemplateSet {
        if let option { return try TemplateSet(directory: option) }
        let configured = configuration.resolve(configuration.configuration.report.templates)
        if FileManager.default.fileExists(atPath: configured) || configuration.path != nil {
            return try TemplateSet(directory: configured)
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = binary.appendingPathComponent("../share/clarity-report/templates").standardized.path
        if FileManager.default.fileExists(atPath: installed) { return try TemplateSet(directory: installed) }
        return try TemplateSet(directory: configured)
    }
}
