import ArgumentParser
import ClarityDemo
import ClarityModel
import ClarityRender
import ClarityStore
import Foundation

/// `clarity-report demo`: builds the demo store from a synthetic site and writes the example reports.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the demo store from a deterministic synthetic site and write the example reports.",
        discussion: """
            Writes 27 weeks of API-shaped responses (2026-W21 to 2026-W47) into DIR/responses, ingests them through the same \
            code as `ingest` into a fresh store (DIR/clarity.sqlite unless --store is given), then writes the example reports.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Folder for the demo's responses and store.", valueName: "dir"))
    var out = "demo"

    @Option(name: .long, help: ArgumentHelp("Folder for the example reports.", valueName: "dir"))
    var reports = "reports"

    @OptionGroup var templateOptions: TemplateOptions

    func run() throws {
        let site = DemoSite()
        let storePath = global.store ?? (out as NSString).appendingPathComponent("clarity.sqlite")
        let responsesDirectory = (out as NSString).appendingPathComponent("responses")
        let steps = 3

        Console.out("[1/\(steps)] Writing the demo site's responses to \(responsesDirectory)")
        let responses = site.responses()
        try? FileManager.default.removeItem(atPath: responsesDirectory)
        var paths: [String] = []
        for response in responses {
            let path = (responsesDirectory as NSString).appendingPathComponent(response.fileName)
            try OutputFile.write(response.bytes, to: path)
            paths.append(path)
        }

        Console.out("[2/\(steps)] Ingesting \(paths.count) responses into a fresh store at \(storePath)")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        let store = try MetricStore(path: storePath)
        var problems: [String] = []
        let summary = IngestRun(store: store, options: IngestOptions(), now: SystemClock.now)
            .ingest(paths: paths, progress: { _ in }, problem: { problems.append($0) })
        for problem in problems { Console.error(problem) }
        for release in site.releases {
            try store.addRelease(
                Release(
                    version: release.version, instant: Instant(seconds: release.day.startSecond + 14 * 3600),
                    note: release.note, source: .manual))
        }
        Console.out("      \(summary.line)")
        guard summary.failed == 0 else { throw ExitCode(1) }

        Console.out("[3/\(steps)] Writing the example reports to \(reports)")
        let configuration = LoadedConfiguration(
            configuration: ReportConfiguration(
                project: .init(name: site.name, site: site.site),
                email: .init(
                    to: ["Product team <product-team@lumen-books.example>"], from: "Lumen Books UX reports <ux-reports@lumen-books.example>",
                    viewInBrowserBaseURL: "https://reports.lumen-books.example/ux")),
            path: nil)
        let written = try DemoReports(
            store: store, configuration: configuration,
            templates: try templateOptions.templateSet(configuration: configuration),
            folder: reports
        ).write()
        for path in written { Console.out("      \(path)") }
        Console.out("Done.")
    }
}

/// The example reports the demo writes: every report of the demo's last complete week and month.
struct DemoReports {
    let store: MetricStore
    let configuration: LoadedConfiguration
    let templates: TemplateSet
    let folder: String

    func write() throws -> [String] {
        var written: [String] = []
        func put(_ text: String, _ name: String) throws {
            let path = (folder as NSString).appendingPathComponent(name)
            try OutputFile.write(text, to: path)
            written.append(path)
        }
        let status = try store.status()
        try put(
            StatusText.text(status, capped: try status.span.map { try store.cappedBreakdowns(in: $0) } ?? [], storePath: "the demo store") + "\n",
            "status.txt")
        let weekly = try WeeklyPipeline.model(
            store: store, week: nil, project: configuration.project, settings: configuration.reportSettings,
            releaseWindow: configuration.releaseWindow)
        let renderer = WeeklyRenderer(templates: templates)
        let label = weekly.period.label
        try put(try TemplateContext.json(weekly), "weekly-\(label).json")
        try put(try renderer.markdown(weekly), "weekly-\(label).md")
        let charts = WeeklyCharts(weekly)
        try put(try renderer.html(weekly, charts: charts), WeeklyEmail.webFileName(weekly))
        let envelope = try EmailEnvelope.make(
            configuration: configuration.configuration, report: weekly, to: [], from: nil, subject: nil,
            date: try store.latestPull() ?? Instant(seconds: 0))
        try put(try WeeklyEmail(templates: templates).message(weekly, charts: charts, envelope: envelope).encoded(), "weekly-\(label).eml")

        let log = ResearchLog(
            directory: (folder as NSString).appendingPathComponent("research-log"), renderer: ResearchLogRenderer(templates: templates), force: false)
        let lastWeek = ISOWeek(label: label)!
        for offset in (0..<4).reversed() {
            let week = ISOWeek(containing: lastWeek.firstDay.advanced(by: -7 * offset))
            let report =
                offset == 0
                ? weekly
                : try WeeklyPipeline.model(
                    store: store, week: week, project: configuration.project,
                    settings: configuration.reportSettings, releaseWindow: configuration.releaseWindow)
            written += try log.write(report, charts: offset == 0 ? charts : WeeklyCharts(report), project: configuration.project)
        }

        let monthly = try MonthlyPipeline.model(
            store: store, month: nil, project: configuration.project, settings: configuration.reportSettings,
            releaseWindow: configuration.releaseWindow)
        let monthlyRenderer = MonthlyRenderer(templates: templates)
        try put(try TemplateContext.json(monthly), "monthly-\(monthly.period.label).json")
        try put(try monthlyRenderer.markdown(monthly), "monthly-\(monthly.period.label).md")
        let monthlyCharts = MonthlyCharts(monthly)
        try put(try monthlyRenderer.html(monthly, charts: monthlyCharts), "monthly-\(monthly.period.label).html")
        let pdf = (folder as NSString).appendingPathComponent("monthly-\(monthly.period.label).pdf")
        let pdfBytes = try MonthlyPDF().render(monthly, charts: monthlyCharts)
        try OutputFile.write(pdfBytes, to: pdf)
        written.append(pdf)
        let monthlyEnvelope = try EmailEnvelope.make(
            configuration: configuration.configuration, report: monthly, to: [], from: nil, subject: nil,
            date: try store.latestPull() ?? Instant(seconds: 0))
        try put(
            try MonthlyEmail(templates: templates).message(monthly, pdf: pdfBytes, envelope: monthlyEnvelope).encoded(),
            "monthly-\(monthly.period.label).eml")
        return written
    }
}
