import ClarityModel
import Testing

@Suite("The weekly report model")
struct WeeklyReportTests {
    let week = ISOWeek(label: "2026-W47")!

    func site(sessions: Int64, rage: Double, users: Int64 = 500) -> Observation {
        Observation(
            segment: .site, sessions: sessions, botSessions: sessions / 10, distinctUsers: users, pagesPerSession: 2,
            signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage)], scrollDepth: 50, totalTime: 100, activeTime: 40)
    }

    func input(days: [Day: Observation], current: [SegmentTotals] = [], previous: [SegmentTotals] = [], minimum: Int = 100) -> WeeklyReportInput {
        WeeklyReportInput(
            project: ProjectInfo(name: "Test", site: ""), week: week, siteDays: days, currentSegments: current, previousSegments: previous,
            settings: ReportSettings(minimumSessions: minimum, significance: 0.05, topSegments: 3))
    }

    @Test("a week without site data is a clear error")
    func noData() {
        #expect(throws: ReportError.self) { try WeeklyReport.build(input(days: [:])) }
        do {
            _ = try WeeklyReport.build(input(days: [:]))
        } catch {
            #expect(error.description.contains("no data for 2026-W47"))
            #expect(error.description.contains("clarity-report status"))
        }
    }

    @Test("sessions are summed; with uneven coverage the change compares per-day averages and the note says so")
    func unevenCoverage() throws {
        var days: [Day: Observation] = [:]
        for day in week.days { days[day] = site(sessions: 1_000, rage: 2) }
        for day in week.previous.days.prefix(5) { days[day] = site(sessions: 1_000, rage: 2) }
        let report = try WeeklyReport.build(input(days: days))
        let sessions = report.kpis.first { $0.id == "sessions" }!
        #expect(sessions.current == 7_000)
        #expect(sessions.previous == 5_000)
        #expect(sessions.change == 0)
        #expect(sessions.comparedPerDay)
        #expect(report.previousPeriod.daysCovered == 5)
        #expect(report.previousPeriod.missingText == "Sat Nov 14, Sun Nov 15")
        #expect(report.coverageNote.contains("compared as averages per covered day"))
        // The sparklines' 8 weeks end with this one: last week had 5 days, the six before none.
        #expect(report.historyLabels.last == "2026-W47")
        #expect(report.historyDaysCovered == [0, 0, 0, 0, 0, 0, 5, 7])
        let users = report.kpis.first { $0.id == "avgDailyUsers" }!
        #expect(users.current == 500)
    }

    @Test("a partial week renders and says it is partial")
    func partialWeek() throws {
        var days: [Day: Observation] = [:]
        for day in week.days.prefix(3) { days[day] = site(sessions: 1_000, rage: 2) }
        let report = try WeeklyReport.build(input(days: days))
        #expect(report.period.daysCovered == 3)
        #expect(report.coverageNote.contains("Figures for this week are partial."))
        #expect(report.kpis.first { $0.id == "sessions" }?.verdict == "noComparison")
    }

    @Test("a rate change beyond the two-proportion test and outside the earlier weeks' range is beyond noise (worked by hand)")
    func twoProportion() throws {
        // 10% of 1,000 vs 15% of 1,000: pooled p = 0.125, z = 0.05 / sqrt(0.125 × 0.875 × 2 / 1000) = 3.3806, p = 0.000723.
        let p = Statistics.twoProportionPValue(successes1: 150, trials1: 1_000, successes2: 100, trials2: 1_000)!
        #expect(abs(p - 0.000723) < 0.000005)
        var days: [Day: Observation] = [:]
        for day in week.days { days[day] = site(sessions: 1_000, rage: 3) }
        // The 8 earlier weeks all ran at 2%: 3% lies outside their range, which with no spread decides alone.
        for offset in 1...8 { for day in week.days { days[day.advanced(by: -7 * offset)] = site(sessions: 1_000, rage: 2) } }
        let report = try WeeklyReport.build(input(days: days))
        let rage = report.kpis.first { $0.id == "rageClickRate" }!
        #expect(rage.evidence.decidedBy == "both")
        #expect(rage.evidence.earlierCount == 8)
        #expect(rage.evidence.earlierMin == 0.02 && rage.evidence.earlierMax == 0.02)
        #expect(rage.evidence.insideEarlierRange == false)
        #expect(rage.current == 0.03)
        #expect(abs(rage.change! - 0.5) < 1e-12)
        #expect(rage.verdict == "significant")
        #expect(rage.tone == "bad")
        #expect(rage.arrow == "▲")
        let first = try #require(report.changes.first)
        #expect(first.text == "Rage clicks rose from 2.0% to 3.0% of sessions (+1.0 pt, +50%, needs attention).")
        #expect(first.evidenceText == "two-proportion z = 3.79, p < 0.001; earlier weeks 2.0%–2.0%")
        #expect(
            first.nextStep == "Recordings → Filters: Rage clicks. Watch where the repeated clicks land and what the page failed to do before them.")
        // z = 0.01 / √(0.025 × 0.975 × 2 / 7,000) = 3.79; 7,000 sessions × 1 pt: 70 more frustrated sessions.
        #expect(abs(first.addedSessions! - 70) < 1e-9)
        #expect(report.headline == "Rage clicks rose from 2.0% to 3.0% of sessions (+1.0 pt).")
    }

    @Test("a move inside the earlier weeks' range is within noise, however sure the two-proportion test is (worked by hand)")
    func insideEarlierRange() throws {
        var days: [Day: Observation] = [:]
        // Earlier weeks alternate 2.4% and 2.0% (W46 at 2.0%); this week 2.4% of 70,000 sessions against 2.0% of 70,000.
        for day in week.days { days[day] = site(sessions: 10_000, rage: 2.4) }
        for offset in 1...8 { for day in week.days { days[day.advanced(by: -7 * offset)] = site(sessions: 10_000, rage: offset % 2 == 1 ? 2 : 2.4) } }
        let report = try WeeklyReport.build(input(days: days))
        let rage = report.kpis.first { $0.id == "rageClickRate" }!
        // Pooled 2.2%: z = 0.004 / √(0.022 × 0.978 × 2 / 70,000) = 0.004 / 0.00078405 = 5.102, p = 3.4e-7.
        #expect(abs(rage.evidence.z! - 5.102) < 0.001)
        #expect(rage.evidence.pValue! < 1e-6)
        #expect(rage.evidence.insideEarlierRange == true)
        #expect(rage.evidence.decidedBy == "history")
        #expect(rage.verdict == "withinNoise")
        #expect(rage.tone == "neutral")
        #expect(!report.changes.contains { $0.text.contains("Rage clicks") })
        #expect(report.headline == "No figure moved beyond normal week-to-week noise, and no segment's rate moved beyond noise.")
    }

    @Test("with fewer than 3 earlier weeks a rate gets no verdict: too little history")
    func tooLittleHistory() throws {
        var days: [Day: Observation] = [:]
        for day in week.days { days[day] = site(sessions: 1_000, rage: 3) }
        for offset in 1...2 { for day in week.days { days[day.advanced(by: -7 * offset)] = site(sessions: 1_000, rage: 2) } }
        let rage = try WeeklyReport.build(input(days: days)).kpis.first { $0.id == "rageClickRate" }!
        #expect(rage.verdict == "notEnoughHistory")
        #expect(rage.verdictText == "too little history")
        #expect(rage.evidence.earlierCount == 2)
        #expect(rage.evidence.pValue! < 0.001)
        #expect(rage.tone == "neutral")
    }

    @Test("the history test needs a value outside the earlier range and beyond their spread (worked by hand)")
    func historyTest() {
        // Earlier 1, 2, 3, 4: mean 2.5, sample deviation √(5 / 3) = 1.29099.
        let earlier = [1.0, 2, 3, 4]
        let settings = JudgementSettings(minimumSessions: 0, significance: 0.05)
        func judged(_ value: Double) -> KPIComparison {
            var now = Totals()
            var before = Totals()
            (now.days, now.daysWithSessions, now.sessions) = (1, 1, Int64(value * 1_000))
            (before.days, before.daysWithSessions, before.sessions) = (1, 1, 4_000)
            return KPIComparison(kpi: .sessions, current: now, previous: before, history: [], earlier: earlier.map { $0 * 1_000 }, settings: settings)
        }
        // 6: z = 3.5 / 1.29099 = 2.711, p = 0.0067, outside the range: beyond noise.
        #expect(abs(judged(6).evidence.historyZ! - 2.711) < 0.001)
        #expect(judged(6).verdict == .significant)
        // 4.5: outside the range, but z = 1.549, p = 0.121: within noise.
        #expect(abs(judged(4.5).evidence.historyPValue! - 0.1213) < 0.001)
        #expect(judged(4.5).verdict == .withinNoise)
        // 4: the earlier maximum itself is inside the range.
        #expect(judged(4).evidence.insideEarlierRange == true)
        #expect(judged(4).verdict == .withinNoise)
    }

    @Test("below the minimum sample the verdict is too few sessions, never significant")
    func tooFewSessions() throws {
        var days: [Day: Observation] = [:]
        for day in week.days { days[day] = site(sessions: 10, rage: 90) }
        for day in week.previous.days { days[day] = site(sessions: 10, rage: 1) }
        let report = try WeeklyReport.build(input(days: days, minimum: 100))
        #expect(report.kpis.first { $0.id == "rageClickRate" }?.verdict == "tooFewSessions")
        #expect(report.kpis.first { $0.id == "sessions" }?.verdict == "tooFewSessions")
        #expect(!report.kpis.contains { $0.verdict == "significant" })
    }

    @Test("segments rank by excess frustrated sessions over the site's rate, leaving out aggregates and small segments")
    func segmentRanking() throws {
        var days: [Day: Observation] = [:]
        for day in week.days { days[day] = site(sessions: 1_000, rage: 2) }
        func segment(_ dimension: Dimension, _ value: String?, sessions: Double, rate: Double) -> SegmentTotals {
            var totals = Totals()
            totals.days = 7
            totals.sessions = Int64(sessions)
            totals.daysWithSessions = 7
            totals.signals[.rageClick] = SignalTotals(sessions: sessions, withSignal: sessions * rate)
            return SegmentTotals(segment: Segment([.init(dimension, value)]), totals: totals)
        }
        let current = [
            segment(.browser, "Safari", sessions: 2_000, rate: 0.05),  // excess 2000 × (0.05 − 0.02) = 60
            segment(.url, "/checkout", sessions: 400, rate: 0.20),  // excess 400 × 0.18 = 72
            segment(.url, nil, sessions: 7_000, rate: 0.5),  // aggregate row: never a segment
            segment(.device, "Tablet", sessions: 50, rate: 0.9),  // below the minimum
            segment(.browser, "Chrome", sessions: 4_000, rate: 0.01),  // below the site rate
        ]
        let previous = [segment(.url, "/checkout", sessions: 400, rate: 0.03)]
        let report = try WeeklyReport.build(input(days: days, current: current, previous: previous))
        #expect(report.frustrationSegments.map(\.label) == ["URL = /checkout", "Browser = Safari"])
        let top = report.frustrationSegments[0]
        #expect(abs(top.excess - 72) < 1e-9)
        #expect(top.siteRate == 0.02)
        #expect(top.previousRate == 0.03)
        #expect(top.ratioText == "10.0×")
    }
}
