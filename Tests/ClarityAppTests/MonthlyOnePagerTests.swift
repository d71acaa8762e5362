import ClarityCharts
import ClarityModel
import ClarityRender
import Testing

/// The monthly summary as an executive reads it: plain verdicts, the year-earlier figures only when the store has them.
@Suite("Monthly one-pager")
struct MonthlyOnePagerTests {
    let february = Month(label: "2026-02")!

    /// Site totals for every day of `month`: `sessions` a day with `rage` % rage clicks.
    func days(_ month: Month, sessions: Int64, rage: Double, into days: inout [Day: Observation]) {
        for day in month.days {
            days[day] = Observation(
                segment: .site, sessions: sessions, distinctUsers: sessions / 2,
                signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage)])
        }
    }

    func report(withYearAgo: Bool) throws -> MonthlyReport {
        var site: [Day: Observation] = [:]
        for label in ["2025-10", "2025-11", "2025-12", "2026-01"] { days(Month(label: label)!, sessions: 1_000, rage: 2, into: &site) }
        days(february, sessions: 1_000, rage: 2, into: &site)
        if withYearAgo { days(Month(label: "2025-02")!, sessions: 800, rage: 3, into: &site) }
        return try MonthlyReport.build(
            MonthlyReportInput(
                project: ProjectInfo(name: "Test", site: ""), month: february, siteDays: site,
                currentSegments: [], previousSegments: [], settings: ReportSettings()))
    }

    @Test("the year-earlier column and card line appear only when the store holds that month; verdicts read in plain words")
    func yearAgoOnlyWhenPresent() throws {
        let renderer = MonthlyRenderer(templates: try TemplateSet())
        let without = try report(withYearAgo: false)
        let with = try report(withYearAgo: true)
        let markdownWithout = try renderer.markdown(without)
        let markdownWith = try renderer.markdown(with)
        #expect(!markdownWithout.contains("A year earlier |"))
        #expect(markdownWithout.contains("| Users per day | 500 | – ±0.0% | usual variation |\n"))
        #expect(markdownWith.contains("| Verdict | A year earlier |"))
        // February 2025: 800 sessions a day, 3% rage clicks.
        #expect(markdownWith.contains("| 3.0% ("))
        #expect(markdownWithout.contains("| usual variation |"))
        #expect(!markdownWithout.contains("within noise") && !markdownWithout.contains("beyond noise"))
        let htmlWithout = try renderer.html(without, charts: MonthlyCharts(without))
        let htmlWith = try renderer.html(with, charts: MonthlyCharts(with))
        #expect(!htmlWithout.contains("· a year earlier"))
        #expect(htmlWith.contains("usual variation · a year earlier 22,400"))
    }
}
