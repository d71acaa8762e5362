import ClarityCharts
import ClarityModel
import ClarityStore
import Foundation
import Testing

@testable import ClarityApp
@testable import ClarityRender

/// One thing clarity-report writes from the store, and the untrusted text a reader must still find in it.
///
/// Add an entry to `ReportOutputs.all` for every new output (research log entry and index, weekly email, monthly
/// summary…): the hostile-text tests then check it against the whole payload corpus.
struct ReportOutput: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable {
        /// A web page: tags and attributes from our templates, cmark-gfm and the charts only.
        case html
        /// Markdown: rendered as permissively as GitHub-flavoured Markdown can be, it may form no link (bar the `mailto:` links
        /// GFM makes of e-mail addresses), image or raw HTML.
        case markdown
        /// JSON: the same structure as for plain text, every string kept exactly.
        case json
        /// A standalone SVG chart, read as XML.
        case svg
        /// An RFC 5322 message: our headers only; its HTML part checked as `.html`, its text part for the text.
        case email
    }

    let name: String
    let kind: Kind
    let render: @Sendable (MetricStore) throws -> String
    /// The untrusted strings the output shows, from the report's model: device and browser names, segment labels.
    let shows: @Sendable (MetricStore) throws -> [String]

    var testDescription: String { name }
}

/// Every output the hostile-text tests check.
enum ReportOutputs {
    /// The site text the pages and acquisition tables show: page, title, referrer, channel, source, campaign and country labels.
    static func audienceLabels(_ pages: PagesSection, _ acquisition: AcquisitionSection, compact: Bool) -> [String] {
        let tables =
            [
                pages.table, acquisition.channels, acquisition.sourceMedium, acquisition.campaigns,
                acquisition.countries,
            ] + (compact ? [] : [pages.titles, acquisition.referrers])
        return tables.flatMap { compact ? $0.compactRows : $0.rows }.filter { !$0.isOther }.map(\.label)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func all(valueCount: Int) -> [ReportOutput] {
        let directory = repository.appendingPathComponent("templates").path
        let renderer: @Sendable () throws -> WeeklyRenderer = { WeeklyRenderer(templates: try TemplateSet(directory: directory)) }
        let settings = HostileStore.settings(valueCount: valueCount)
        let weekly: @Sendable (MetricStore) throws -> WeeklyReport = { store in
            try RenderCache.shared.value("weekly model", of: store) {
                try WeeklyPipeline.model(store: store, week: HostileStore.week, project: HostileStore.project, settings: settings)
            }
        }
        let page: @Sendable (MetricStore) throws -> String = { store in
            try RenderCache.shared.value("weekly page", of: store) {
                let report = try weekly(store)
                return try renderer().html(report, charts: WeeklyCharts(report))
            }
        }
        let monthly: @Sendable (MetricStore) throws -> MonthlyReport = { store in
            try RenderCache.shared.value("monthly model", of: store) {
                try MonthlyPipeline.model(
                    store: store, month: Month(containing: HostileStore.week.lastDay), project: HostileStore.project, settings: settings)
            }
        }
        let monthlyShows: @Sendable (MetricStore) throws -> [String] = { store in
            let report = try monthly(store)
            // The executive summary names segments by their values alone (`name`).
            return report.frustrationSegments.map(\.name) + audienceLabels(report.pages, report.acquisition, compact: false)
        }
        let weeklyShows: @Sendable (MetricStore) throws -> [String] = { store in
            let report = try weekly(store)
            return report.devices.map(\.value) + report.browsers.map(\.value) + report.frustrationSegments.map(\.label)
                + audienceLabels(report.pages, report.acquisition, compact: false)
        }
        var outputs = [
            ReportOutput(name: "weekly --format json", kind: .json, render: { try TemplateContext.json(try weekly($0)) }, shows: weeklyShows),
            ReportOutput(
                name: "weekly --format md", kind: .markdown, render: { try renderer().markdown(try weekly($0)) },
                shows: weeklyShows),
            ReportOutput(name: "weekly --format html", kind: .html, render: page, shows: weeklyShows),
            ReportOutput(
                name: "weekly --format eml", kind: .email,
                render: { store in
                    try RenderCache.shared.value("weekly email", of: store) {
                        let report = try weekly(store)
                        let envelope = WeeklyEmail.Envelope(
                            from: try EmailAddress("reports@shop.example", displayName: "Clarity reports"),
                            to: [try EmailAddress("team@shop.example")],
                            subject: "\(HostileStore.project.name): weekly UX report, \(report.period.label)",
                            viewInBrowserBaseURL: "https://reports.shop.example",
                            date: Instant(iso: "2026-11-23T07:00:00Z")!)
                        return try WeeklyEmail(templates: try TemplateSet(directory: directory)).message(
                            report, charts: WeeklyCharts(report), envelope: envelope
                        ).encoded()
                    }
                },
                shows: { store in
                    let report = try weekly(store)
                    return report.devices.map(\.value) + audienceLabels(report.pages, report.acquisition, compact: true)
                }),
            ReportOutput(
                name: "log: research-log entry", kind: .markdown,
                render: { store in
                    try ResearchLogRenderer(templates: try TemplateSet(directory: directory)).entry(try weekly(store))
                }, shows: weeklyShows),
            ReportOutput(
                name: "log: research-log index", kind: .markdown,
                render: { store in
                    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-log-\(UUID().uuidString)").path
                    let report = try weekly(store)
                    let log = ResearchLog(
                        directory: folder, renderer: ResearchLogRenderer(templates: try TemplateSet(directory: directory)), force: false)
                    _ = try log.write(report, charts: WeeklyCharts(report), project: HostileStore.project)
                    return String(decoding: FileManager.default.contents(atPath: folder + "/README.md") ?? Data(), as: UTF8.self)
                }, shows: { _ in [] }),
            ReportOutput(name: "monthly --format json", kind: .json, render: { try TemplateContext.json(try monthly($0)) }, shows: monthlyShows),
            ReportOutput(
                name: "monthly --format md", kind: .markdown,
                render: { store in
                    try MonthlyRenderer(templates: try TemplateSet(directory: directory)).markdown(try monthly(store))
                }, shows: monthlyShows),
            ReportOutput(
                name: "monthly --format html", kind: .html,
                render: { store in
                    let report = try monthly(store)
                    return try MonthlyRenderer(templates: try TemplateSet(directory: directory)).html(report, charts: MonthlyCharts(report))
                }, shows: monthlyShows),
            ReportOutput(
                name: "monthly --format eml", kind: .email,
                render: { store in
                    let report = try monthly(store)
                    let envelope = WeeklyEmail.Envelope(
                        from: try EmailAddress("reports@shop.example", displayName: "Clarity reports"), to: [try EmailAddress("ceo@shop.example")],
                        subject: "\(HostileStore.project.name): executive summary, \(report.period.title)", viewInBrowserBaseURL: "",
                        date: Instant(iso: "2026-12-01T07:00:00Z")!)
                    let pdf = try MonthlyPDF().render(report, charts: MonthlyCharts(report))
                    return try MonthlyEmail(templates: try TemplateSet(directory: directory)).message(report, pdf: pdf, envelope: envelope).encoded()
                }, shows: { _ in [] }),
        ]
        let charts: [(String, @Sendable (WeeklyCharts) -> String, @Sendable (WeeklyReport) -> [String])] = [
            ("sessions", { $0.sessions.svg }, { _ in [] }),
            ("frustration", { $0.frustration.svg }, { _ in [] }),
            ("devices", { $0.devices.svg }, { $0.devices.prefix(8).map(\.value) }),
            ("browsers", { $0.browsers.svg }, { $0.browsers.prefix(8).map(\.value) }),
            ("segments", { $0.segments.svg }, { $0.frustrationSegments.map { "\($0.signalLabel): \($0.label)" } }),
            ("sparkline of rage clicks", { $0.sparklines["rageClickRate"]?.svg ?? "" }, { _ in [] }),
        ]
        for (name, svg, shown) in charts {
            outputs.append(
                ReportOutput(
                    name: "weekly chart: \(name)", kind: .svg,
                    render: { svg(WeeklyCharts(try weekly($0))) }, shows: { shown(try weekly($0)) }))
        }
        return outputs
    }
}

/// What several outputs share, built once per store: the weekly model and the weekly page.
final class RenderCache: @unchecked Sendable {
    static let shared = RenderCache()
    private let lock = NSLock()
    private var values: [String: any Sendable] = [:]

    func value<T: Sendable>(_ name: String, of store: MetricStore, building: () throws -> T) throws -> T {
        let key = "\(name) \(ObjectIdentifier(store).hashValue)"
        if let value = lock.withLock({ values[key] }) as? T { return value }
        let value = try building()
        lock.withLock { values[key] = value }
        return value
    }
}
