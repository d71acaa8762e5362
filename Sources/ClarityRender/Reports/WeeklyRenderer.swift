import ClarityCharts
import ClarityModel

/// Renders the weekly report from its model through the templates: Markdown, and the self-contained HTML page.
public struct WeeklyRenderer: Sendable {
    let templates: TemplateSet
    let markdown = MarkdownRenderer()

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The report as GitHub-flavoured Markdown.
    public func markdown(_ report: WeeklyReport) throws -> String {
        try templates.render("weekly.md", with: try context(report))
    }

    /// The report as one self-contained HTML page: inline styles, inline SVG charts, no script, no external reference.
    /// The phone charts' drawing width: shown about 350 px wide on a 390 px screen, their 10–11 px text reads at 12 px or more.
    static let phoneChartWidth = 280

    public func html(_ report: WeeklyReport, charts: WeeklyCharts) throws -> String {
        var context = try context(report)
        context["charts"] = [
            "sessions": charts.sessions.svg, "frustration": charts.frustration.svg,
            "devices": charts.devices.svg, "browsers": charts.browsers.svg, "segments": charts.segments.svg,
        ]
        let phone = WeeklyCharts(report, width: Self.phoneChartWidth)
        context["phoneCharts"] = [
            "sessions": phone.sessions.svg, "frustration": phone.frustration.svg,
            "devices": phone.devices.svg, "browsers": phone.browsers.svg, "segments": phone.segments.svg,
        ]
        context["sections"] = try sections(context)
        // The partials the page shares with the email add the page's classes (media queries, dark mode) when `web` is set.
        context["web"] = true
        if var kpis = context["kpis"] as? [[String: Any]] {
            for index in kpis.indices {
                let id = kpis[index]["id"] as? String ?? ""
                kpis[index]["sparkline"] = charts.sparklines[id]?.svg ?? ""
                kpis[index]["toneColor"] = Self.color(tone: kpis[index]["tone"] as? String)
            }
            context["kpis"] = kpis
        }
        return try templates.render("weekly.html", with: context)
    }

    /// The report's Markdown sections as styled HTML, for the web page and (with `columns`, tables cut to that many
    /// columns) the email.
    func sections(_ context: [String: Any], columns: Int? = nil) throws -> [String: String] {
        [
            "changes": try section("partials/weekly-changes.md", context, columns: columns),
            "segments": try section("partials/weekly-segments.md", context, columns: columns),
            "releases": try section("partials/weekly-releases.md", context, columns: columns),
            "devices": try section("partials/weekly-comparison.md", context["devicesTable"] ?? [:], columns: columns),
            "browsers": try section("partials/weekly-comparison.md", context["browsersTable"] ?? [:], columns: columns),
            "pages": AudienceContext.breakable(try section("partials/pages.md", context, columns: columns)),
            "acquisition": AudienceContext.breakable(try section("partials/acquisition.md", context, columns: columns)),
        ]
    }

    /// Renders a Markdown partial, turns it into HTML with cmark-gfm, and styles its tags inline.
    func section(_ name: String, _ context: Any, columns: Int? = nil) throws -> String {
        let html = markdown.html(from: try templates.render(name, with: context))
        return InlineStyles.apply(columns.map { TableColumns.keepingFirst($0, of: html) } ?? html)
    }

    /// Okabe–Ito blue for good news, vermillion for bad, grey otherwise.
    static func color(tone: String?) -> String {
        switch tone {
        case "good": return ChartPalette.goodNews
        case "bad": return ChartPalette.badNews
        default: return ChartPalette.neutralNews
        }
    }

    func context(_ report: WeeklyReport) throws -> [String: Any] {
        var context = try TemplateContext.dictionary(report)
        context["hasFrustrationSegments"] = !report.frustrationSegments.isEmpty
        context["previousColumn"] = "Last week"
        context["hasReleases"] = !report.releases.isEmpty
        TemplateContext.annotate(&context, "releases", with: report.releases) { ["hasMovedKPIs": !$0.movedKPIs.isEmpty] }
        let devices = Self.keyedByID(context["devices"])
        let browsers = Self.keyedByID(context["browsers"])
        context["devices"] = devices
        context["browsers"] = browsers
        context["devicesTable"] = ["heading": "Device", "rows": devices, "hasRows": !devices.isEmpty, "settings": context["settings"] ?? [:]]
        context["browsersTable"] = ["heading": "Browser", "rows": browsers, "hasRows": !browsers.isEmpty, "settings": context["settings"] ?? [:]]
        AudienceContext.prepare(&context, previousLabel: "week before")
        return context
    }

    /// Device or browser rows with each row's KPIs also reachable by id (`kpi.rageClickRate`).
    static func keyedByID(_ rows: Any?) -> [[String: Any]] {
        (rows as? [[String: Any]] ?? []).map { row -> [String: Any] in
            var row = row
            var byID: [String: Any] = [:]
            for kpi in row["kpis"] as? [[String: Any]] ?? [] {
                if let id = kpi["id"] as? String { byID[id] = kpi }
            }
            row["kpi"] = byID
            return row
        }
    }
}
