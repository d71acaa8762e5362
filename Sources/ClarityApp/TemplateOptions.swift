import ArgumentParser
import ClarityRender

/// The `--templates` option of every command that renders a report, and the template set it selects.
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of template overrides: each *.mustache file replaces the built-in one of the same path, the rest stay built in "
                + "(default: the configuration's report.templates, else none).",
            valueName: "dir"))
    var templates: String?

    /// The override folder in force: `--templates`, else the configuration's `report.templates`; nil when neither names one.
    func overrides(configuration: LoadedConfiguration) -> TemplateOverrides? {
        if let templates { return TemplateOverrides(folder: templates, namedBy: "--templates") }
        let setting = configuration.configuration.report.templates
        guard !setting.isEmpty else { return nil }
        return TemplateOverrides(
            folder: configuration.resolve(setting),
            namedBy: "report.templates in \(configuration.path ?? "the configuration")")
    }

    /// The built-in templates with the override folder's files in their place.
    func templateSet(configuration: LoadedConfiguration) throws -> TemplateSet {
        try TemplateSet(overrides: overrides(configuration: configuration))
    }
}
