import ClarityCharts
import ClarityModel

/// Renders the executive monthly summary from its model: Markdown, and an HTML page made for the screen and for print.
public struct MonthlyRenderer: Sendable {
    let templates: TemplateSet
    let markdown = MarkdownRenderer()

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func markdown(_ report: MonthlyReport) throws -> String {
        try templates.render("monthly.md", with: try context(report))
    }

    public func html(_ report: MonthlyReport, charts: MonthlyCharts) throws -> String {
        var context = try context(report)
        context["charts"] = ["sessions": charts.sessions.svg, "frustration": charts.frustration.svg, "segments": charts.segments.svg]
        // The same charts drawn for phones, as the weekly page has them: a 600 px chart scaled to a phone has 7 px text.
        let phone = MonthlyCharts(report, width: WeeklyRenderer.phoneChartWidth)
        context["phoneCharts"] = ["sessions": phone.sessions.svg, "frustration": phone.frustration.svg, "segments": phone.segments.svg]
        context["sections"] = [
            "segments": InlineStyles.apply(markdown.html(from: try templates.render("partials/weekly-segments.md", with: context))),
            "releases": InlineStyles.apply(markdown.html(from: try templates.render("partials/monthly-releases.md", with: context))),
            "pages": AudienceContext.breakable(InlineStyles.apply(markdown.html(from: try templates.render("partials/pages.md", with: context)))),
            "acquisition": AudienceContext.breakable(
                InlineStyles.apply(markdown.html(from: try templates.render("partials/acquisition.md", with: context)))),
        ]
        if var headline = context["headline"] as? [[String: Any]] {
            for index in headline.indices {
                guard var kpi = headline[index]["kpi"] as? [String: Any], let id = kpi["id"] as? String else { continue }
                kpi["sparkline"] = charts.sparklines[id]?.svg ?? ""
                headline[index]["kpi"] = kpi
            }
            context["headline"] = headline
            context["headlineRows"] = stride(from: 0, to: headline.count, by: 3).map { start in
                ["cards": Array(headline[start..<min(start + 3, headline.count)])]
            }
        }
        return try templates.render("monthly.html", with: context)
    }

    func context(_ report: MonthlyReport) throws -> [String: Any] {
        var context = try TemplateContext.dictionary(report)
        context["summary"] = MonthlySummary.sentence(report)
        context["hasFrustrationSegments"] = !report.frustrationSegments.isEmpty
        context["previousColumn"] = "Last month"
        // The executive summary names segments by their values ("Safari · Mobile"), not as an analyst's filter.
        context["plainNames"] = true
        context["hasReleases"] = !report.releases.isEmpty
        context["hasWins"] = !report.wins.isEmpty
        context["hasIssues"] = !report.issues.isEmpty
        // The one-pager shows the year-earlier figures only when the store holds that month.
        context["hasYearAgo"] = report.yearAgo != nil
        TemplateContext.annotate(&context, "headline", with: report.headline) { entry in
            ["plainVerdict": MonthlySummary.plain(entry.kpi.verdictText)]
        }
        if var headline = context["headline"] as? [[String: Any]] {
            for (index, entry) in report.headline.enumerated() where index < headline.count {
                if var kpi = headline[index]["kpi"] as? [String: Any] {
                    kpi["toneColor"] = WeeklyRenderer.color(tone: entry.kpi.tone)
                    headline[index]["kpi"] = kpi
                }
            }
            context["headline"] = headline
        }
        TemplateContext.annotate(&context, "kpis", with: report.kpis) { ["plainVerdict": MonthlySummary.plain($0.verdictText)] }
        TemplateContext.annotate(&context, "releases", with: report.releases) { ["effect": MonthlySummary.releaseEffect($0)] }
        AudienceContext.prepare(&context, previousLabel: "month before")
        return context
    }
}
