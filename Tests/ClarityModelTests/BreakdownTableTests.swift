import ClarityModel
import Testing

@Suite("Breakdown tables: pages and acquisition")
struct BreakdownTableTests {
    let settings = ReportSettings(minimumSessions: 100, significance: 0.05, topSegments: 1)

    /// A week of one country: `perDay` sessions on each of 7 days, with `rage` percent rage-click sessions.
    func week(_ country: String, perDay: Int64, rage: Double = 2) -> SegmentTotals {
        let segment = Segment([Segment.DimensionValue(.country, country)])
        let day = Observation(
            segment: segment, sessions: perDay, signals: [.rageClick: SignalFigures(sessions: perDay, percentage: rage)],
            scrollDepth: 50, activeTime: 60)
        return SegmentTotals(segment: segment, totals: Totals(days: Array(repeating: day, count: 7)))
    }

    var periods: [[SegmentTotals]] {
        // Per day, newest first: A jumps from about 100 to 140; B stays inside its 48–52 range; C is new this week.
        let a: [Int64] = [140, 100, 102, 98, 101, 99, 100, 103, 97]
        let b: [Int64] = [51, 48, 52, 50, 49, 51, 50, 50, 50]
        return (0..<9).map { index in
            [week("A", perDay: a[index], rage: index == 0 ? 10 : 2), week("B", perDay: b[index])] + (index == 0 ? [week("C", perDay: 20)] : [])
        }
    }

    var site: Totals {
        Totals(days: [Observation(segment: .site, sessions: 10_000, signals: [.rageClick: SignalFigures(sessions: 10_000, percentage: 5)])])
    }

    @Test("rows rank by sessions, the other row keeps the total, and the move beyond the earlier weeks is named rising")
    func table() {
        let table = BreakdownPeriods(periods: periods, site: site, settings: settings, siteURL: "").table(
            id: "countries", title: "Countries", dimensions: [.country])
        // 980 + 357 + 140 sessions.
        #expect(table.totalSessions == 1_477)
        #expect(table.rows.map(\.label) == ["A", "B", "Other (1)"])
        #expect(table.compactRows.map(\.label) == ["A", "Other (2)"])
        #expect(table.rows.reduce(0) { $0 + $1.sessions } == table.totalSessions)
        #expect(table.compactRows.reduce(0) { $0 + $1.sessions } == table.totalSessions)
        #expect(table.compactRows[1].sessions == 497 && table.compactRows[1].change == nil)
        let a = table.rows[0]
        // 140 per day against 100: +40%, above the 8 earlier weeks' 97–103 (mean 100, sd 2.07: z ≈ 19).
        #expect(a.change?.verdict == "significant" && a.changeText == "+40%")
        #expect(a.change?.evidence.insideEarlierRange == false && a.change?.evidence.earlierMin == 97 && a.change?.evidence.earlierMax == 103)
        #expect(abs(a.share! - 980.0 / 1_477) < 1e-12)
        // 10% of sessions with rage clicks against the site's 5%.
        #expect(a.worstSignal == "rageClick" && a.worstSignalText == "Rage clicks 10.0% (site 5.0%)")
        // 51 per day sits inside B's 48–52: within noise.
        #expect(table.rows[1].change?.verdict == "withinNoise")
        #expect(table.rising.map(\.label) == ["A"] && table.falling.isEmpty)
    }

    @Test("a value absent from the 4 periods before with the minimum sessions is new")
    func newValues() {
        let periods = BreakdownPeriods(periods: periods, site: site, settings: settings, siteURL: "")
        let table = periods.table(id: "countries", title: "Countries", dimensions: [.country])
        #expect(periods.newValues(of: table, dimensions: [.country]).map(\.label) == ["C"])
        let fewer = BreakdownPeriods(periods: periods.periods, site: site, settings: ReportSettings(minimumSessions: 141), siteURL: "")
        #expect(fewer.newValues(of: table, dimensions: [.country]).isEmpty)
        let noHistory = BreakdownPeriods(periods: [periods.periods[0]], site: site, settings: settings, siteURL: "")
        #expect(noHistory.newValues(of: table, dimensions: [.country]).isEmpty)
    }
}
