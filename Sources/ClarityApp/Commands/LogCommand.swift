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

    @Option(name: .long, help: ArgumentHelp("The ISO week, e.g. 2026-W47 (default: the last complete week in the store).", valueName: "week"))
    var week: String?

    @Option(name: .long, help: ArgumentHelp("The research log's folder.", valueName: "dir"))
    var dir = "reports/research-log"

    @OptionGroup var templateOptions: TemplateOptions

    @Flag(name: .long, help: "Regenerate an entry whose markers are damaged, keeping the old file beside it.")
    var force = false

    func validate() throws {
        if let week, ISOWeek(label: week) == nil {
            throw ValidationError("--week \"\(week)\" is not an ISO week; write it like 2026-W47 (weeks run 01 to 52 or 53).")
        }
    }

    func run() throws {
        let loaded = try global.loadConfiguration()
        let store = try global.openStoreForReading()
        let report = try WeeklyPipeline.model(store: store, week: week.flatMap(ISOWeek.init(label:)), project: loaded.project, settings: loaded.reportSettings, releaseWindow: loaded.releaseWindow)
        let log = ResearchLog(directory: dir, renderer: ResearchLogRenderer(templates: try templateOptions.templateSet(configuration: loaded)), force: force)
        for path in try log.write(report, charts: WeeklyCharts(report), project: loaded.project) {
            Console.out("wrote \(path)")
        }
    }
}
