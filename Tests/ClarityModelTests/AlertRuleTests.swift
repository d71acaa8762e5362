import ClarityModel
import Testing

/// The daily alert rule on hand-built series whose medians, spreads and z are worked out in the comments.
@Suite struct AlertRuleTests {
    static let day = Day(iso: "2026-11-18")!  // a Wednesday
    static let safari = Segment([.init(.browser, "Safari")])
    static let project = ProjectInfo(name: "Shop", site: "https://shop.example")

    /// A day's totals: sessions, and the rage-click share (a fraction) over the same sessions.
    static func totals(_ segment: Segment, sessions: Int64, rage: Double) -> Totals {
        Totals(days: [
            Observation(
                segment: segment, sessions: sessions,
                signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage * 100)])
        ])
    }

    /// The site: 100,000 sessions and 2.0% rage clicks every day for 70 days before the day (so no weekday rhythm).
    static func flatSite(sessions: (Day) -> Int64 = { _ in 100_000 }, rage: (Day) -> Double = { _ in 0.02 }) -> [Day: Totals] {
        var site: [Day: Totals] = [:]
        for back in 0...70 {
            let day = Self.day.advanced(by: -back)
            site[day] = totals(.site, sessions: sessions(day), rage: rage(day))
        }
        return site
    }

    /// Safari on the day and the 28 days before, from a rate per day; its Browser breakdown covered on each of them.
    static func input(
        site: [Day: Totals], safari: [Day: (sessions: Int64, rage: Double)], covered: (Day) -> Bool = { _ in true },
        releases: [Release] = [], now: Instant? = nil
    ) -> AlertInput {
        var days: [Day: AlertDay] = [:]
        var history: [Segment: [Day: Totals]] = [:]
        for back in 0...41 {
            let day = Self.day.advanced(by: -back)
            var segments: [Segment: Totals] = [:]
            if let site = site[day] { segments[.site] = site }
            var sets: Set<DimensionSet> = site[day] == nil ? [] : [.none]
            if covered(day), let figures = safari[day] {
                let observed = totals(Self.safari, sessions: figures.sessions, rage: figures.rage)
                segments[Self.safari] = observed
                history[Self.safari, default: [:]][day] = observed
                sets.insert(DimensionSet([.browser]))
            }
            if back <= 28 { days[day] = AlertDay(covered: sets, segments: segments) }
        }
        return AlertInput(
            project: project, day: day, days: days, site: site, history: history, releases: releases,
            settings: AlertSettings(
                minimumSessions: 100, significance: 0.01, baselineDays: 28, site: "https://shop.example",
                weeklyPageBaseURL: "https://reports.example/ux"),
            now: now)
    }

    /// Safari's 28 baseline days: 14 at 2.0%, 7 at 1.9% and 7 at 2.1%, 10,000 sessions each; then the day's own value.
    static func safariSeries(today: Double, shifted: Set<Int> = []) -> [Day: (sessions: Int64, rage: Double)] {
        var series: [Day: (sessions: Int64, rage: Double)] = [Self.day: (10_000, today)]
        for back in 1...41 {
            let base = back % 4 == 1 ? 0.019 : back % 4 == 3 ? 0.021 : 0.020
            series[Self.day.advanced(by: -back)] = (10_000, shifted.contains(back) ? today : base)
        }
        return series
    }

    @Test func aSpikeIsAnAnomalyWithItsEvidence() throws {
        // Baseline: 14 × 2.0%, 7 × 1.9%, 7 × 2.1% → median 2.0%; deviations 14 × 0 and 14 × 0.1 pt → MAD 0.05 pt,
        // spread 1.4826 × 0.0005 = 0.000741. The binomial floor √(0.02 × 0.98 / 10,000) = 0.0014 is larger, so
        // z = (0.030 − 0.020) / 0.0014 = 7.142857. Usual range: sorted[2] = 1.9% and sorted[25] = 2.1%.
        let report = AlertReport.build(Self.input(site: Self.flatSite(), safari: Self.safariSeries(today: 0.03)))
        #expect(report.tests == 3)  // site sessions, site rage clicks, Safari rage clicks
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.text == "Rage clicks in Safari: 3.0% on Wed Nov 18, usual for a Wednesday 1.9%–2.1%")
        #expect(abs(finding.score.median - 0.020) < 1e-12)
        #expect(abs(finding.score.spread - 1.4826 * 0.0005) < 1e-9)
        #expect(abs(finding.score.scale - 0.0014) < 1e-12)
        #expect(abs(finding.score.z - 7.142857) < 1e-5)
        #expect(finding.score.baselineDays.count == 28)
        #expect(finding.qValue <= 0.01 && finding.qValue >= finding.score.pValue)
        #expect(finding.since == Self.day && finding.sinceText == "new on Wed Nov 18")
        #expect(finding.recordingFilter == "Recordings → Filters: Rage clicks; Browser is Safari.")
        #expect(finding.weeklyPageURL == "https://reports.example/ux/weekly-2026-W47.html")
        #expect(finding.key == "rageClickRate|" + Self.safari.key)
    }

    @Test func aMoveInsideTheNoiseIsNoAnomaly() {
        // 2.4%: z = 0.004 / 0.0014 = 2.86, under 3, however small its p-value.
        let report = AlertReport.build(Self.input(site: Self.flatSite(), safari: Self.safariSeries(today: 0.024)))
        #expect(report.findings.isEmpty)
        #expect(report.headline == "No new anomaly on Wed Nov 18, 2026.")
    }

    @Test func aLevelShiftSaysSinceWhenAndTheRelease() throws {
        // 3.0% from Mon Nov 16. For Wed Nov 18 the baseline holds 6 × 1.9%, 13 × 2.0%, 7 × 2.1% and the two shifted days:
        // median 2.0%, MAD 0.1 pt, spread 0.00148, z = 0.01 / 0.00148 = 6.7; Tue and Mon have fewer shifted days in
        // theirs and z ≥ 6.7 too; Sun Nov 15 (2.1%) has z < 3, so the run starts on Monday, the day after the release.
        let release = Release(version: "2.6.0", instant: Instant(seconds: Self.day.advanced(by: -3).startSecond + 50_400), source: .manual)
        let report = AlertReport.build(
            Self.input(site: Self.flatSite(), safari: Self.safariSeries(today: 0.03, shifted: [1, 2]), releases: [release]))
        let finding = try #require(report.findings.first)
        #expect(abs(finding.score.z - 0.01 / (1.4826 * 0.001)) < 1e-6)
        #expect(finding.since == Day(iso: "2026-11-16"))
        #expect(finding.sinceText == "since Mon Nov 16 (3 days)")
        #expect(finding.releases == ["2.6.0"])
        #expect(finding.releaseText == "the day after 2.6.0 shipped")
    }

    @Test func aWeekdayRhythmIsNoAnomaly() {
        // Site and Safari at 3.0% on weekends, 2.0% on weekdays. For a Saturday the site's factors are
        // f(Sat) = 3.0 / 2.0 = 1.5 and f(weekday) = 1 (the overall median is 2.0%), so each weekday's 2.0% becomes 3.0%:
        // the baseline is all 3.0% and Saturday's 3.0% has z = 0. Without the factors the median would be 2.0% and
        // z = 0.01 / √(0.02 × 0.98 / 10,000) = 7.1.
        let saturday = Day(iso: "2026-11-21")!
        let weekendRate: (Day) -> Double = { $0.isWeekend ? 0.03 : 0.02 }
        var input = Self.input(site: [:], safari: [:])
        input.day = saturday
        var site: [Day: Totals] = [:]
        var days: [Day: AlertDay] = [:]
        for back in 0...70 {
            let day = saturday.advanced(by: -back)
            site[day] = Self.totals(.site, sessions: 100_000, rage: weekendRate(day))
            let safari = Self.totals(Self.safari, sessions: 10_000, rage: weekendRate(day))
            if back <= 28 { days[day] = AlertDay(covered: [.none, DimensionSet([.browser])], segments: [.site: site[day]!, Self.safari: safari]) }
        }
        input.site = site
        input.days = days
        let report = AlertReport.build(input)
        #expect(report.tests == 3)
        #expect(report.findings.isEmpty)
        let factors = WeekdayFactors.site(.rate(.rageClick), days: (1...56).map { saturday.advanced(by: -$0) }) { site[$0] }
        #expect(factors.factor(6) == 1.5 && factors.factor(7) == 1.5 && factors.factor(3) == 1)
    }

    @Test func aSessionDropAgainstTheSameWeekday() throws {
        // Wednesdays: 8 earlier ones at 9,900, 10,000 ×6, 10,100 → median 10,000, MAD 0, floor √10,000 = 100;
        // the other weekdays hold 50,000 and are not read. 5,000 sessions: z = −5,000 / 100 = −50, two-sided.
        let site = Self.flatSite(sessions: { day in
            if day == Self.day { return 5_000 }
            guard day.weekday == 3 else { return 50_000 }
            let week = day.distance(to: Self.day) / 7
            return week == 1 ? 9_900 : week == 8 ? 10_100 : 10_000
        })
        let report = AlertReport.build(Self.input(site: site, safari: [:]))
        let finding = try #require(report.findings.first)
        #expect(finding.text == "Sessions on the whole site: 5,000 on Wed Nov 18, usual for a Wednesday 9,900–10,100")
        #expect(finding.score.z == -50)
        #expect(finding.direction == "falls")
        #expect(finding.recordingFilter == nil)
    }

    @Test func aTinySegmentIsNotTested() {
        // 60 sessions with 50% rage clicks: under the 100-session minimum, so not tested and never an anomaly.
        var series = Self.safariSeries(today: 0.5)
        series[Self.day] = (60, 0.5)
        let report = AlertReport.build(Self.input(site: Self.flatSite(), safari: series))
        #expect(report.tests == 2)
        #expect(report.findings.isEmpty)
    }

    @Test func aMissingDayIsReportedNotScored() throws {
        // The Browser breakdown was pulled on the 7 days before but not on the day: missing, recoverable until
        // 12:00 UTC three days after it; nothing about Safari is tested.
        let now = Instant(seconds: Self.day.advanced(by: 1).startSecond + 3_600)
        let report = AlertReport.build(
            Self.input(
                site: Self.flatSite(), safari: Self.safariSeries(today: 0.03),
                covered: { $0 != Self.day }, now: now))
        #expect(report.findings.isEmpty)
        #expect(report.tests == 2)
        let missing = try #require(report.missing.first)
        #expect(report.missing.count == 1)
        #expect(missing.dimensions == "Browser")
        #expect(missing.recoverableUntil == "2026-11-21T12:00:00Z")
        // Later, the API no longer reaches it.
        let late = AlertReport.build(
            Self.input(
                site: Self.flatSite(), safari: Self.safariSeries(today: 0.03), covered: { $0 != Self.day },
                now: Instant(seconds: Self.day.advanced(by: 4).startSecond)))
        #expect(late.missing.first?.recoverableUntil == nil)
        #expect(late.missing.first?.text.hasSuffix("no longer recoverable from the API") == true)
    }

    @Test func aMissingBaselineDayIsSkippedNotZero() throws {
        // Safari missing on 5 baseline days: 23 remain, the median is still 2.0% and the spike still found.
        let gaps: Set<Day> = Set((1...5).map { Self.day.advanced(by: -$0 * 3) })
        let report = AlertReport.build(Self.input(site: Self.flatSite(), safari: Self.safariSeries(today: 0.03), covered: { !gaps.contains($0) }))
        let finding = try #require(report.findings.first)
        #expect(finding.score.baselineDays.count == 23)
        #expect(abs(finding.score.median - 0.020) < 1e-12)
    }

    @Test func studentTailMatchesTables() {
        // t = 2.228 is the two-sided 5% point with 10 degrees of freedom: upper tail 0.025.
        #expect(abs(Statistics.studentTUpperTail(2.228, degrees: 10) - 0.025) < 1e-4)
        #expect(abs(Statistics.studentTUpperTail(-2.228, degrees: 10) - 0.975) < 1e-4)
        #expect(Statistics.studentTUpperTail(0, degrees: 5) == 0.5)
    }
}

/// What the weekly report says of the daily alerts.
@Suite struct WeeklyAlertsTests {
    @Test func ongoingAndEndedAnomaliesOfTheWeek() throws {
        let week = ISOWeek(label: "2026-W47")!  // Mon Nov 16 – Sun Nov 22
        func record(_ text: String, _ first: String, ended: String?) -> AlertRecord {
            AlertRecord(
                key: text, metric: "rageClickRate", text: text, firstDay: Day(iso: first)!, lastDay: Day(iso: first)!,
                endedDay: ended.flatMap(Day.init(iso:)))
        }
        let alerts = try #require(
            WeeklyAlerts.build(
                [
                    record("ended in the week", "2026-11-10", ended: "2026-11-19"),
                    record("still open", "2026-11-18", ended: nil),
                    record("ended after the week", "2026-11-20", ended: "2026-11-24"),
                    record("ended on the Monday", "2026-11-02", ended: "2026-11-16"),
                    record("ended the week before", "2026-11-02", ended: "2026-11-15"),
                    record("begins after the week", "2026-11-23", ended: nil),
                ], week: week))
        #expect(alerts.items.map(\.text) == ["still open", "ended after the week", "ended on the Monday", "ended in the week"])
        #expect(
            alerts.items.map(\.statusText) == [
                "still ongoing (since Wed Nov 18)", "still ongoing (since Fri Nov 20)",
                "back to normal on Mon Nov 16 (from Mon Nov 2)", "back to normal on Thu Nov 19 (from Tue Nov 10)",
            ])
        #expect(WeeklyAlerts.build([record("old", "2026-11-02", ended: "2026-11-10")], week: week) == nil)
    }
}
