import Foundation
import Testing

@testable import ClarityModel

@Suite("The monthly report model")
struct MonthlyReportTests {
    let february = Month(label: "2026-02")!

    func site(sessions: Int64, rates: [FrustrationSignal: Double] = [.rageClick: 2], users: Int64 = 500) -> Observation {
        Observation(
            segment: .site, sessions: sessions, botSessions: sessions / 10, distinctUsers: users, pagesPerSession: 2,
            signals: rates.mapValues { SignalFigures(sessions: sessions, percentage: $0) }, scrollDepth: 50, totalTime: 100, activeTime: 40)
    }

    /// Site totals for every day of a month.
    func fill(_ month: Month, _ observation: Observation, into days: inout [Day: Observation]) {
        for day in month.days { days[day] = observation }
    }

    func input(_ month: Month? = nil, days: [Day: Observation], current: [SegmentTotals] = [], previous: [SegmentTotals] = []) -> MonthlyReportInput {
        MonthlyReportInput(
            project: ProjectInfo(name: "Test", site: ""), month: month ?? february, siteDays: days, currentSegments: current,
            previousSegments: previous, settings: ReportSettings(minimumSessions: 100, significance: 0.05, topSegments: 3))
    }

    func segment(_ dimension: ClarityModel.Dimension, _ value: String?, sessions: Double, _ signal: FrustrationSignal, rate: Double) -> SegmentTotals
    {
        var totals = Totals()
        totals.days = 28
        totals.sessions = Int64(sessions)
        totals.daysWithSessions = 28
        totals.signals[signal] = SignalTotals(sessions: sessions, withSignal: sessions * rate)
        return SegmentTotals(segment: Segment([.init(dimension, value)]), totals: totals)
    }

    @Test("February is compared with January per day (worked by hand), and counts are judged against earlier months")
    func februaryAgainstJanuary() throws {
        var days: [Day: Observation] = [:]
        // Earlier months per day: 990, 1,010, 1,000: mean 1,000, sample deviation √((100 + 100 + 0) / 2) = 10.
        fill(Month(label: "2025-11")!, site(sessions: 990), into: &days)
        fill(Month(label: "2025-12")!, site(sessions: 1_010), into: &days)
        fill(Month(label: "2026-01")!, site(sessions: 1_000), into: &days)
        // February: 1,100 a day over 28 days is 30,800, less than January's 31,000 in total but 10% more per day; z = 100 / 10 = 10.
        fill(february, site(sessions: 1_100), into: &days)
        let report = try MonthlyReport.build(input(days: days))
        let sessions = report.kpis.first { $0.id == "sessions" }!
        #expect(sessions.current == 30_800)
        #expect(sessions.previous == 31_000)
        #expect(abs(sessions.change! - 0.1) < 1e-12)
        #expect(sessions.comparedPerDay)
        #expect(sessions.verdict == "significant")
        #expect(abs(sessions.pValue! - 1.523971e-23) < 1e-28)
        // History is per day for counts, so the shorter February is no drop.
        #expect(sessions.history == [nil, nil, nil, nil, nil, nil, nil, nil, 990, 1_010, 1_000, 1_100])
        #expect(report.historyLabels.first == "2025-03")
        #expect(report.historyLabels.last == "2026-02")
        #expect(report.historyDaysCovered == [0, 0, 0, 0, 0, 0, 0, 0, 30, 31, 31, 28])
        #expect(report.kpis.map(\.id) == KPI.allCases.map(\.rawValue))
        #expect(report.coverageNote.hasPrefix("28 of 28 days covered in February 2026; 31 of 31 in January 2026."))
        #expect(report.coverageNote.contains("compared as averages per covered day"))
        #expect(!report.coverageNote.contains("partial"))
        #expect(report.wins.map(\.sentence) == ["Sessions rose 10% per covered day, from 1,000 to 1,100 a day (30,800 in total)."])
        #expect(report.issues.isEmpty)
        #expect(report.headline.map(\.kpi.id) == ["sessions", "avgDailyUsers", "activeTime", "rageClickRate", "deadClickRate", "scriptErrorRate"])
    }

    @Test("a leap February with the same daily traffic as January shows no change, though its total is smaller")
    func leapFebruary() throws {
        let leap = Month(label: "2024-02")!
        var days: [Day: Observation] = [:]
        fill(Month(label: "2024-01")!, site(sessions: 1_000), into: &days)
        fill(leap, site(sessions: 1_000), into: &days)
        let report = try MonthlyReport.build(input(leap, days: days))
        let sessions = report.kpis.first { $0.id == "sessions" }!
        #expect(report.period.dayCount == 29)
        #expect(sessions.current == 29_000)
        #expect(sessions.previous == 31_000)
        #expect(sessions.change == 0)
        #expect(sessions.comparedPerDay)
        // Two earlier months cannot measure noise.
        #expect(sessions.verdict == "notEnoughHistory")
        #expect(report.kpis.first { $0.id == "avgDailyUsers" }?.current == 500)
    }

    @Test("a month without site data is a clear error")
    func noData() {
        var days: [Day: Observation] = [:]
        fill(Month(label: "2026-01")!, site(sessions: 1_000), into: &days)
        #expect(throws: ReportError.self) { try MonthlyReport.build(input(days: days)) }
        do {
            _ = try MonthlyReport.build(input(days: days))
        } catch {
            #expect(error.description.hasPrefix("no data for 2026-02: the store has no site totals"))
            #expect(error.description.contains("February 2026"))
            #expect(error.description.contains("clarity-report status"))
            #expect(error.description.contains("--month"))
        }
    }

    @Test("a partial month renders, collapses its missing days into runs and says it is partial")
    func partialMonth() throws {
        var days: [Day: Observation] = [:]
        for day in [1, 2, 5, 6, 8, 9, 10] { days[Day(year: 2026, month: 2, day: day)!] = site(sessions: 1_000) }
        let report = try MonthlyReport.build(input(days: days))
        #expect(report.period.daysCovered == 7)
        #expect(!report.period.isComplete)
        #expect(report.period.missingText == "Feb 3–4, Feb 7, Feb 11–28")
        #expect(
            report.coverageNote
                == "7 of 28 days covered in February 2026 (missing: Feb 3–4, Feb 7, Feb 11–28); 0 of 31 in January 2026 (missing: Jan 1–31). "
                + "The store holds nothing for January 2026, so there is no comparison with the month before. "
                + "The store holds nothing for February 2025, so there is no comparison with a year earlier. Figures for February 2026 are partial.")
        let sessions = report.kpis.first { $0.id == "sessions" }!
        #expect(sessions.current == 7_000)
        #expect(sessions.verdict == "noComparison")
        #expect(report.wins.isEmpty && report.issues.isEmpty)
    }

    @Test("the same month a year earlier is compared when the store has it, and left out when it does not")
    func yearAgo() throws {
        var days: [Day: Observation] = [:]
        fill(Month(label: "2026-01")!, site(sessions: 1_000, rates: [.rageClick: 2]), into: &days)
        fill(february, site(sessions: 1_000, rates: [.rageClick: 2]), into: &days)
        let without = try MonthlyReport.build(input(days: days))
        #expect(without.yearAgo == nil)
        #expect(without.headline.allSatisfy { $0.yearAgo == nil })
        #expect(without.yearAgoPeriod.daysCovered == 0)
        #expect(without.coverageNote.contains("The store holds nothing for February 2025, so there is no comparison with a year earlier."))

        // A year earlier: 800 a day, 3% rage clicks, on 20 of 28 days.
        for day in Month(label: "2025-02")!.days.prefix(20) { days[day] = site(sessions: 800, rates: [.rageClick: 3]) }
        let with = try MonthlyReport.build(input(days: days))
        let entries = try #require(with.yearAgo)
        #expect(entries.map(\.id) == KPI.allCases.map(\.rawValue))
        let sessions = entries.first { $0.id == "sessions" }!
        #expect(sessions.current == 28_000)
        #expect(sessions.previous == 16_000)
        // 1,000 a day against 800 a day: +25%, per day because 28 and 20 days differ; one earlier February is not enough noise.
        #expect(abs(sessions.change! - 0.25) < 1e-12)
        #expect(sessions.comparedPerDay)
        #expect(sessions.verdict == "notEnoughHistory")
        // 2% of 28,000 against 3% of 16,000 passes the two-proportion test (pooled 1,040 / 44,000: z = −0.01 / 0.0015055 = −6.642), but one earlier February cannot
        // tell how rates move from year to year: too little history, no tone.
        let rage = entries.first { $0.id == "rageClickRate" }!
        #expect(rage.verdict == "notEnoughHistory")
        #expect(rage.verdictText == "too little history")
        #expect(abs(rage.evidence.z! + 6.642) < 0.001)
        #expect(rage.evidence.earlierCount == 1)
        #expect(rage.tone == "neutral")
        #expect(with.headline.first { $0.kpi.id == "rageClickRate" }?.yearAgo == rage)
        #expect(with.coverageNote.contains("A year earlier, 20 of 28 days of February 2025 are covered."))
        // Month over month keeps its verdicts; the year-ago month only joins the earlier months' range.
        #expect(with.kpis.map(\.verdict) == without.kpis.map(\.verdict))
        #expect(with.wins.isEmpty)
    }

    @Test(
        "wins and issues: site moves beyond noise first, then segment movers after Benjamini–Hochberg by sessions moved, one per KPI, three at most")
    func winsAndIssues() throws {
        var days: [Day: Observation] = [:]
        // Three earlier months like January, so site rates have a history (with no spread: outside its range is beyond it).
        for label in ["2025-10", "2025-11", "2025-12", "2026-01"] {
            fill(Month(label: label)!, site(sessions: 1_000, rates: [.rageClick: 2, .deadClick: 10, .scriptError: 1]), into: &days)
        }
        fill(february, site(sessions: 1_000, rates: [.rageClick: 3, .deadClick: 8, .scriptError: 1]), into: &days)
        let previous = [
            segment(.browser, "Safari", sessions: 2_000, .rageClick, rate: 0.10),
            segment(.browser, "Firefox", sessions: 2_000, .deadClick, rate: 0.10),
            segment(.url, "/checkout", sessions: 1_000, .quickback, rate: 0.05),
            segment(.browser, "Chrome", sessions: 5_000, .errorClick, rate: 0.02),
            segment(.device, "Mobile", sessions: 1_000, .scriptError, rate: 0.04),
            segment(.url, "/pricing", sessions: 1_000, .deadClick, rate: 0.05),
            segment(.device, "Tablet", sessions: 50, .rageClick, rate: 0.02),
            segment(.url, nil, sessions: 9_000, .rageClick, rate: 0.50),
        ]
        // Six segment × signal tests (Tablet is below the minimum, the aggregate row is no segment, /new has no last month).
        // Two-proportion p, then Benjamini–Hochberg q = min over later ranks of p × 6 / rank, worked by hand:
        let current = [
            segment(.browser, "Safari", sessions: 2_000, .rageClick, rate: 0.04),  // p = 1.03e-13, q = 6.2e-13; −120 sessions
            segment(.browser, "Firefox", sessions: 2_000, .deadClick, rate: 0.06),  // p = 3.12e-6, q = 9.4e-6; −80, dead clicks told site-wide
            segment(.url, "/checkout", sessions: 1_000, .quickback, rate: 0.10),  // p = 2.19e-5, q = 4.4e-5; +50
            segment(.browser, "Chrome", sessions: 5_000, .errorClick, rate: 0.032),  // p = 1.63e-4, q = 2.4e-4; +60
            segment(.device, "Mobile", sessions: 1_000, .scriptError, rate: 0.06),  // p = 0.0402, q = 0.0482 ≤ 0.05; +20: the fourth issue, left out
            segment(.url, "/pricing", sessions: 1_000, .deadClick, rate: 0.055),  // p = 0.616, q = 0.616: within noise
            segment(.device, "Tablet", sessions: 50, .rageClick, rate: 0.60),
            segment(.url, nil, sessions: 9_000, .rageClick, rate: 0.50),
            segment(.url, "/new", sessions: 1_000, .rageClick, rate: 0.50),
        ]
        let report = try MonthlyReport.build(input(days: days, current: current, previous: previous))
        // Site: dead clicks 10% → 8% of 31,000 / 28,000 sessions, p = 2.8e-17; rage clicks 2% → 3%, p = 5.8e-15.
        #expect(
            report.wins.map(\.sentence) == [
                "Dead clicks fell from 10.0% to 8.0% of sessions (−2.0 pt, −20%).",
                "Rage clicks in Safari fell from 10.0% to 4.0% of sessions (−6.0 pt, −60%).",
            ])
        // Segment movers rank by frustrated sessions moved: Chrome's +60 before /checkout's +50.
        #expect(
            report.issues.map(\.sentence) == [
                "Rage clicks rose from 2.0% to 3.0% of sessions (+1.0 pt, +50%).",
                "Error clicks in Chrome rose from 2.0% to 3.2% of sessions (+1.2 pt, +60%).",
                "Quick backs on /checkout rose from 5.0% to 10.0% of sessions (+5.0 pt, +100%).",
            ])
        let safari = report.wins[1]
        #expect(safari.test == "segmentMover" && safari.segment == "Browser = Safari" && safari.tests == 6 && safari.tone == "good")
        #expect(abs(safari.pValue! - 1.035e-13) < 0.001e-13)
        #expect(abs(safari.qValue! - 6.21e-13) < 0.01e-13)
        #expect(abs(safari.addedSessions! + 120) < 1e-9)
        let chrome = report.issues[1]
        #expect(abs(chrome.qValue! - 2.445e-4) < 0.001e-4)
        #expect(report.issues[0].test == "site" && report.issues[0].evidence?.decidedBy == "both")
        #expect(report.frustrationSegments.first?.label == "URL = /new")
    }

    @Test("a win or an issue names the month's release that measured the same move in the same browser as its likely cause")
    func likelyCause() throws {
        var days: [Day: Observation] = [:]
        for label in ["2025-12", "2026-01"] { fill(Month(label: label)!, site(sessions: 1_000), into: &days) }
        fill(february, site(sessions: 1_000), into: &days)
        let previous = [
            segment(.browser, "Safari", sessions: 2_000, .rageClick, rate: 0.10), segment(.url, "/cart", sessions: 2_000, .rageClick, rate: 0.10),
        ]
        let current = [
            segment(.browser, "Safari", sessions: 2_000, .rageClick, rate: 0.04), segment(.url, "/cart", sessions: 2_000, .rageClick, rate: 0.04),
        ]
        func browser(_ sessions: Double, _ rageClicks: Double, _ value: String = "Safari") -> SegmentTotals {
            var totals = Totals()
            totals.days = 7
            totals.sessions = Int64(sessions)
            totals.daysWithSessions = 7
            totals.signals[.rageClick] = SignalTotals(sessions: sessions, withSignal: rageClicks)
            return SegmentTotals(segment: Segment([.init(.browser, value)]), totals: totals)
        }
        // Each release's 7 days before and after; the site's own rates are flat, so no release moved them site-wide.
        func impact(_ version: String, _ day: String, before: Double, after: Double) -> ReleaseImpact {
            let releaseDay = Day(iso: day)!
            let release = Release(version: version, instant: Release.instant(parsing: day)!, source: .manual)
            let window = ReleaseWindow(releaseDay: releaseDay, length: 7, covered: Set(days.keys), asOf: Day(iso: "2026-03-31")!)
            return ReleaseImpact.build(
                ReleaseImpactInput(
                    release: release, window: window, siteDays: days, beforeSegments: [browser(4_000, before)],
                    afterSegments: [browser(4_000, after)],
                    releases: [], settings: JudgementSettings(minimumSessions: 100, significance: 0.05)))
        }
        // 2.7.0: Safari's rage clicks 10% → 4% after it (p far below 0.05); 2.8.0: they rose, the other way; 2.9.0: within noise.
        let releases = [
            impact("2.7.0", "2026-02-04", before: 400, after: 160), impact("2.8.0", "2026-02-11", before: 160, after: 400),
            impact("2.9.0", "2026-02-18", before: 160, after: 170),
        ]
        var monthly = input(days: days, current: current, previous: previous)
        monthly.releases = releases
        let report = try MonthlyReport.build(monthly)
        let safari = try #require(report.wins.first { $0.segment == "Browser = Safari" })
        #expect(safari.cause?.version == "2.7.0")
        #expect(safari.cause?.measuredIn == "Browser = Safari")
        #expect(
            safari.sentence == "Rage clicks in Safari fell from 10.0% to 4.0% of sessions (−6.0 pt, −60%); 2.7.0 (Wed Feb 4) is the likely cause: "
                + "in the 7 days after it shipped, rage clicks in Safari fell from 10.0% to 4.0%.")
        #expect(
            MonthlySummary.sentence(report).contains("rage clicks in Safari fell from 10.0% to 4.0% of sessions (−6.0 pt, −60%) after 2.7.0 shipped"))
        // /cart names no device or browser, so only a site-wide move could explain it, and none of the releases moved the site.
        #expect(
            MonthlyReport.likelyCause(kpi: .rageClickRate, direction: "down", segment: Segment([.init(.url, "/cart")]), releases: releases, site: "")
                == nil)
        // A rise in Safari would point at 2.8.0.
        #expect(
            MonthlyReport.likelyCause(
                kpi: .rageClickRate, direction: "up", segment: Segment([.init(.browser, "Safari")]), releases: releases, site: "")?
                .version == "2.8.0")
    }

    @Test("the weekly trend covers the 13 ISO weeks ending with the month's last week, per covered day")
    func weeklyTrend() throws {
        var days: [Day: Observation] = [:]
        fill(Month(label: "2026-01")!, site(sessions: 1_000), into: &days)
        fill(february, site(sessions: 1_100, rates: [.rageClick: 4]), into: &days)
        let report = try MonthlyReport.build(input(days: days))
        let trend = report.weeklyTrend
        #expect(trend.count == 13)
        #expect(trend.first?.week == "2025-W49")
        #expect(trend.last?.week == "2026-W09")
        #expect(trend.filter(\.overlapsMonth).map(\.week) == ["2026-W05", "2026-W06", "2026-W07", "2026-W08", "2026-W09"])
        // W09 runs Feb 23 – Mar 1; March is not in the store.
        #expect(trend.last?.daysCovered == 6)
        #expect(trend.last?.sessionsPerDay == 1_100)
        // W05 runs Jan 26 – Feb 1: six days of 1,000 and one of 1,100.
        let straddling = trend.first { $0.week == "2026-W05" }!
        #expect(abs(straddling.sessionsPerDay! - 7_100.0 / 7) < 1e-9)
        #expect(abs(straddling.rates["rageClick"]! - (6 * 20 + 44) / 7_100.0) < 1e-12)
        #expect(trend.first?.daysCovered == 0)
        #expect(trend.first?.sessionsPerDay == nil)
    }

    @Test("the default month is the latest whose last day the store covers")
    func defaultMonth() {
        #expect(MonthlyReport.defaultMonth(lastSiteDay: Day(iso: "2026-02-28")!) == february)
        #expect(MonthlyReport.defaultMonth(lastSiteDay: Day(iso: "2026-02-27")!) == Month(label: "2026-01"))
        #expect(MonthlyReport.defaultMonth(lastSiteDay: Day(iso: "2028-02-28")!) == Month(label: "2028-01"))
        #expect(MonthlyReport.defaultMonth(lastSiteDay: Day(iso: "2028-02-29")!) == Month(label: "2028-02"))
        #expect(MonthlyReport.defaultMonth(lastSiteDay: Day(iso: "2026-01-05")!) == Month(label: "2025-12"))
    }

    @Test("the store range reaches back five years for year-over-year noise and forward to the end of the last ISO week")
    func siteDayRange() {
        let range = MonthlyReport.siteDayRange(for: february)
        #expect(range.lowerBound == Day(iso: "2021-02-01"))
        #expect(range.upperBound == Day(iso: "2026-03-01"))
    }

    @Test("the JSON carries the weekly report's KPI fields and leaves out a missing year-ago comparison")
    func json() throws {
        var days: [Day: Observation] = [:]
        fill(february, site(sessions: 1_000), into: &days)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(try MonthlyReport.build(input(days: days)))) as! [String: Any]
        #expect(object["yearAgo"] == nil)
        #expect((object["wins"] as? [Any])?.isEmpty == true)
        let headline = try #require(object["headline"] as? [[String: Any]])
        #expect(headline.count == 6)
        let kpi = try #require(headline.first?["kpi"] as? [String: Any])
        #expect(kpi["id"] as? String == "sessions")
        #expect(kpi["verdict"] as? String == "noComparison")
    }
}
