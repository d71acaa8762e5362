import ArgumentParser
import ClarityModel
import ClarityRender
import Foundation

/// `clarity-report log`: the research log's weekly entry.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Write or update the research log's entry for a week, its charts and the index.",
        discussion: """
            Writes DIR/2026-W47.md (GitHub-flavoured Markdown), its charts as SVG files in DIR/charts/, and DIR/README.md, the \
            index of entries newest first. Regenerating an entry rewrites only the blocks between its clarity-report:begin and \
            clarity-report:end comments; every byte written outside them is kept. If the markers are damaged the command refuses; \
            --force regenerates the entry and keeps the old file beside it as .orig.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var period: WeekOptions

    @Option(name: .long, help: ArgumentHelp("The research log's folder.", valueName: "dir"))
    var dir = "reports/research-log"

    @OptionGroup var templateOptions: TemplateOptions

    @Flag(name: .long, help: "Regenerate an entry whose markers are damaged, keeping the old file beside it.")
    var force = false

    func run() throws {
        let (loaded, _, report) = try period.load(global)
        let log = ResearchLog(
            directory: dir, renderer: ResearchLogRenderer(templates: try templateOptions.templateSet(configuration: loaded)), force: force)
        for path in try log.write(report, charts: WeeklyCharts(report), project: loaded.project) {
            Console.out("wrote \(path)")
        }
    }
}
