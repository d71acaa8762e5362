import ArgumentParser
import ClarityRender
import Foundation

/// `clarity-report templates`: the built-in report templates and the overrides in force.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Export the built-in report templates, or show which template file each report uses.",
        discussion: """
            The report templates are built into clarity-report. A folder named by --templates or by report.templates \
            overrides them file by file: a *.mustache file there replaces the built-in one of the same path, and every \
            template the folder lacks stays built in. `templates export DIR` writes the built-in set for a team to edit.
            """,
        subcommands: [Export.self, List.self])

    /// `templates export DIR`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in templates into a folder, to edit and use with --templates or report.templates.")

        @Argument(help: ArgumentHelp("The folder to write the templates into (created when missing).", valueName: "dir"))
        var directory: String

        @Flag(name: .long, help: "Replace template files the folder already has.")
        var force = false

        func run() throws {
            let files = TemplateSet.builtInFiles.map { (path: (directory as NSString).appendingPathComponent($0.path), text: $0.text) }
            let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
            if !force, !existing.isEmpty {
                throw ValidationError(
                    """
                    \(directory) already holds \(existing.count) of the built-in template files (\(existing.joined(separator: ", "))); \
                    nothing was written. Export into an empty folder, or add --force to replace them with the built-in ones.
                    """)
            }
            for file in files {
                try OutputFile.write(file.text, to: file.path)
                Console.out("wrote \(file.path)")
            }
        }
    }

    /// `templates list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Show which template file each report uses: built-in, or which file of the override folder.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var templateOptions: TemplateOptions

        func run() throws {
            let loaded = try global.loadConfiguration()
            let overrides = templateOptions.overrides(configuration: loaded)
            let set = try TemplateSet(overrides: overrides)
            Console.out(
                overrides.map { "Overrides: \($0.folder) (named by \($0.namedBy)); templates it lacks are built in." }
                    ?? "Overrides: none (no --templates, no report.templates); every template is built in.")
            let uses = TemplateUse.reports.map { (use: $0.output, name: $0.template) }
            let partials = set.names.filter { name in !uses.contains { $0.name == name } }.map { (use: "partial", name: $0) }
            let rows = (uses + partials).map { row in
                [row.use, row.name + ".mustache", set.origins[row.name]?.description ?? "missing"]
            }
            let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                Console.out(
                    row[0].padding(toLength: widths[0] + 2, withPad: " ", startingAt: 0)
                        + row[1].padding(toLength: widths[1] + 2, withPad: " ", startingAt: 0) + row[2])
            }
        }
    }
}
