import ClarityModel
import Testing

@Suite("Derived days in the reports")
struct DerivedDayReportTests {
    let week = ISOWeek(label: "2026-W47")!
    let settings = ReportSettings(minimumSessions: 100, significance: 0.05, topSegments: 3)

    func site(users: Int64?) -> Observation {
        Observation(
            segment: .site, sessions: 1_000, botSessions: 100, distinctUsers: users, pagesPerSession: 2,
            signals: [.rageClick: SignalFigures(sessions: 1_000, percentage: 2)], scrollDepth: 50, totalTime: 100, activeTime: 40)
    }

    @Test("the weekly note names the derived day; its sessions count, and users per day average over the other six days")
    func weekly() throws {
        var days: [Day: Observation] = [:]
        for (index, day) in week.days.enumerated() { days[day] = site(users: index == 2 ? nil : 600 + Int64(index)) }
        let derived = [DerivedDay(day: week.days[2], dimensions: .none, numOfDays: 2)]
        let report = try WeeklyReport.build(
            WeeklyReportInput(
                project: ProjectInfo(name: "Test", site: ""), week: week, siteDays: days,
                currentSegments: [], previousSegments: [], settings: settings, derived: derived))
        #expect(report.coverageNote.contains("7 of 7 days covered this week"))
        #expect(
            report.coverageNote.contains(
                " Wed Nov 18 derived from a 2-day pull (the whole window minus the other days' own pulls; distinct users unknown)."))
        #expect(report.kpis.first { $0.id == "sessions" }?.current == 7_000)
        // (600 + 601 + 603 + 604 + 605 + 606) / 6 days with users.
        #expect(report.kpis.first { $0.id == "avgDailyUsers" }?.current == 3_619.0 / 6)
    }

    @Test("a block inside the week counts in its totals and the note says so; the daily figures keep the gap; a block across the edge is left out")
    func block() throws {
        var days: [Day: Observation] = [:]
        for (index, day) in week.days.enumerated() where index != 1 && index != 2 { days[day] = site(users: 600) }
        let inside = DerivedBlock(
            days: week.days[1]...week.days[2], dimensions: .none, numOfDays: 3,
            site: Observation(segment: .site, sessions: 2_400, signals: [.rageClick: SignalFigures(sessions: 2_400, percentage: 5)]))
        let report = try WeeklyReport.build(
            WeeklyReportInput(
                project: ProjectInfo(name: "Test", site: ""), week: week, siteDays: days,
                currentSegments: [], previousSegments: [], settings: settings, blocks: [inside]))
        #expect(report.kpis.first { $0.id == "sessions" }?.current == 7_400)
        // (5 × 1,000 × 2 % + 2,400 × 5 %) / 7,400 sessions.
        #expect(abs((report.kpis.first { $0.id == "rageClickRate" }?.current ?? 0) - 220.0 / 7_400) < 1e-12)
        #expect(report.daily.map { $0.sessions == nil } == [false, true, true, false, false, false, false])
        #expect(
            report.coverageNote.contains(
                " Tue Nov 17–Wed Nov 18 are known only together, from a 3-day pull: their sum is in the totals, and the daily chart shows the gap."))

        let across = DerivedBlock(
            days: week.days[0].advanced(by: -1)...week.days[0], dimensions: .none, numOfDays: 2,
            site: Observation(segment: .site, sessions: 2_000))
        var partial = days
        partial[week.days[1]] = site(users: 600)
        partial[week.days[2]] = site(users: 600)
        partial[week.days[0]] = nil
        let edge = try WeeklyReport.build(
            WeeklyReportInput(
                project: ProjectInfo(name: "Test", site: ""), week: week, siteDays: partial,
                currentSegments: [], previousSegments: [], settings: settings, blocks: [across]))
        #expect(edge.kpis.first { $0.id == "sessions" }?.current == 6_000)
        #expect(edge.coverageNote.contains("the block crosses the period's edge, so it is left out"))
    }

    @Test("the monthly note names a derived day of the month")
    func monthly() throws {
        let month = Month(year: 2026, month: 11)!
        var days: [Day: Observation] = [:]
        for day in month.days { days[day] = site(users: 600) }
        let derived = [DerivedDay(day: Day(iso: "2026-11-03")!, dimensions: .none, numOfDays: 3)]
        let report = try MonthlyReport.build(
            MonthlyReportInput(
                project: ProjectInfo(name: "Test", site: ""), month: month, siteDays: days,
                currentSegments: [], previousSegments: [], settings: settings, derived: derived))
        #expect(report.coverageNote.contains("Tue Nov 3 derived from a 3-day pull"))
    }
}
