import ClarityDemo
import ClarityModel
import ClarityRender
import ClarityStore
import ClarityTestSupport
import Foundation
import Testing

@testable import ClarityApp

/// Every section of every report, rendered end to end from one demo fixture and compared whole with golden files.
///
/// Re-record on purpose with `CLARITY_RECORD_GOLDENS=1 swift test --filter GoldenReportTests`, then review the diff.
@Suite("Golden reports", .serialized)
struct GoldenReportTests {
    static let week = ISOWeek(label: "2026-W47")!
    /// September: a month with wins, issues (one with its likely cause) and a release, so every section is drawn.
    static let month = Month(label: "2026-09")!

    /// The demo from September 28 (the history the October summary and week 47's sparklines need) to the end, with its releases.
    static let store: MetricStore = {
        let store = try! demoStore(days: Day(iso: "2026-07-27")!...week.lastDay)
        for release in DemoSite().releases {
            try! store.addRelease(
                Release(version: release.version, instant: Instant(seconds: release.day.startSecond + 14 * 3600), note: release.note, source: .manual)
            )
        }
        return store
    }()

    static func compare(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFolder(besideFile: #filePath).check(actual, name, sourceLocation: sourceLocation)
    }

    @Test("the weekly report: JSON model, Markdown, HTML, email and every chart")
    func weekly() throws {
        let templates = try TemplateSet(directory: repositoryTemplates)
        let report = try WeeklyPipeline.model(store: Self.store, week: Self.week, project: demoProject, settings: ReportSettings())
        #expect(!report.releases.isEmpty && !report.frustrationSegments.isEmpty && !report.devices.isEmpty && !report.browsers.isEmpty)
        let charts = WeeklyCharts(report)
        let renderer = WeeklyRenderer(templates: templates)
        try Self.compare(try TemplateContext.json(report), "weekly.json")
        try Self.compare(try renderer.markdown(report), "weekly.md")
        try Self.compare(try renderer.html(report, charts: charts), "weekly.html")
        for (name, svg) in [
            ("sessions", charts.sessions.svg), ("frustration", charts.frustration.svg), ("segments", charts.segments.svg),
            ("devices", charts.devices.svg), ("browsers", charts.browsers.svg), ("sparkline-rage", charts.sparklines["rageClickRate"]!.svg),
        ] {
            try Self.compare(svg + "\n", "weekly-chart-\(name).svg")
        }
        let envelope = WeeklyEmail.Envelope(
            from: try EmailAddress(parsing: "ux@lumen-books.example"), to: [try EmailAddress(parsing: "team@lumen-books.example")],
            subject: "Weekly UX report", viewInBrowserBaseURL: "https://reports.example", date: Instant(iso: "2026-11-23T07:00:00Z")!)
        let message = try WeeklyEmail(templates: templates).message(report, charts: charts, envelope: envelope)
        try Self.compare(message.html, "weekly-email.html")
        try Self.compare(message.plainText, "weekly-email.txt")
    }

    @Test("the research log entry")
    func researchLog() throws {
        let report = try WeeklyPipeline.model(store: Self.store, week: Self.week, project: demoProject, settings: ReportSettings())
        try Self.compare(try ResearchLogRenderer(templates: try TemplateSet(directory: repositoryTemplates)).entry(report), "research-log-entry.md")
    }

    @Test("the monthly summary: JSON model, Markdown and HTML")
    func monthly() throws {
        let report = try MonthlyPipeline.model(store: Self.store, month: Self.month, project: demoProject, settings: ReportSettings())
        #expect(!report.releases.isEmpty && !report.wins.isEmpty && !report.issues.isEmpty)
        let renderer = MonthlyRenderer(templates: try TemplateSet(directory: repositoryTemplates))
        try Self.compare(try TemplateContext.json(report), "monthly.json")
        try Self.compare(try renderer.markdown(report), "monthly.md")
        try Self.compare(try renderer.html(report, charts: MonthlyCharts(report)), "monthly.html")
    }
}
