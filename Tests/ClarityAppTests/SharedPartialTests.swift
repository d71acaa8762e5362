import ClarityCharts
import ClarityModel
import ClarityRender
import ClarityTestSupport
import Foundation
import Testing

@testable import ClarityApp

/// The web page and the email share partials: a team's edit of a shared partial reaches both, and nothing else changes.
@Suite("Partials shared by the web page and the email")
struct SharedPartialTests {
    static let envelope = WeeklyEmail.Envelope(
        from: try! EmailAddress(parsing: "ux@lumen-books.example"), to: [try! EmailAddress(parsing: "team@lumen-books.example")],
        subject: "Weekly UX report", viewInBrowserBaseURL: "", date: Instant(iso: "2026-11-23T07:00:00Z")!)

    /// The weekly page and the email's HTML part rendered with a template set.
    static func render(_ templates: TemplateSet, _ report: WeeklyReport, _ charts: WeeklyCharts) throws -> (page: String, email: String) {
        let page = try WeeklyRenderer(templates: templates).html(report, charts: charts)
        let email = try WeeklyEmail(templates: templates).message(report, charts: charts, envelope: Self.envelope).html
        return (page, email)
    }

    @Test("an override folder's edited partials/weekly-title.html changes the title of the page and of the email, and only it")
    func editedSharedPartialReachesBoth() throws {
        let report = try WeeklyPipeline.model(
            store: GoldenReportTests.store, week: GoldenReportTests.week, project: demoProject, settings: ReportSettings())
        let charts = WeeklyCharts(report)
        let builtIn = try Self.render(try TemplateSet(), report, charts)

        let folder = try ScratchFolder("shared-partial")
        let file = "partials/weekly-title.html.mustache"
        let original = try #require(TemplateSet.builtInFiles.first { $0.path == file }?.text)
        let heading = "{{period.title}}</h1>"
        #expect(original.components(separatedBy: heading).count == 2, "the built-in partial has one title heading")
        try FileManager.default.createDirectory(atPath: folder.path("partials"), withIntermediateDirectories: true)
        try original.replacingOccurrences(of: heading, with: "{{period.title}} (edited by the team)</h1>")
            .write(toFile: folder.path(file), atomically: true, encoding: .utf8)
        let templates = try TemplateSet(overrides: TemplateOverrides(folder: folder.url.path, namedBy: "--templates"))
        #expect(templates.origins["partials/weekly-title.html"] == .file(folder.path(file)))
        #expect(templates.origins["weekly.html"] == .builtIn && templates.origins["weekly-email.html"] == .builtIn)
        let edited = try Self.render(templates, report, charts)

        try #require(!report.period.title.contains { "&<>\"'".contains($0) }, "a title that HTML escaping leaves as it is")
        let title = report.period.title + "</h1>"
        let retitled = report.period.title + " (edited by the team)</h1>"
        for (before, after) in [(builtIn.page, edited.page), (builtIn.email, edited.email)] {
            #expect(before.components(separatedBy: title).count == 2)
            #expect(after == before.replacingOccurrences(of: title, with: retitled))
        }
        // The partial keeps the page's classes where the page has them and leaves the email without them.
        #expect(edited.page.contains("<p class=\"muted\" style=\"margin:0;font-size:12px;"))
        #expect(edited.email.contains("<p style=\"margin:0;font-size:12px;") && !edited.email.contains("class=\"muted\""))
    }
}
