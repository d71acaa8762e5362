import ClarityModel
import Foundation
import Testing

@Suite("The before/after model of a release")
struct ReleaseImpactTests {
    /// Wednesday, November 11, 2026: the release day D of most tests.
    let releaseDay = Day(iso: "2026-11-11")!

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func days(_ first: String, _ last: String) -> [Day] { Array(day(first)...day(last)) }

    func release(_ version: String, _ date: String) -> Release {
        Release(version: version, instant: Release.instant(parsing: date)!, source: .manual)
    }

    func site(sessions: Int64, rage: Double = 2) -> Observation {
        Observation(segment: .site, sessions: sessions, signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage)])
    }

    func impact(
        _ siteDays: [Day: Observation], length: Int = 7, asOf: String = "2026-11-30", before: [SegmentTotals] = [], after: [SegmentTotals] = [],
        releases: [Release] = [], version: String = "2.6.0"
    ) -> ReleaseImpact {
        let window = ReleaseWindow(releaseDay: releaseDay, length: length, covered: Set(siteDays.keys), asOf: day(asOf))
        let input = ReleaseImpactInput(
            release: release(version, releaseDay.iso), window: window, siteDays: siteDays, beforeSegments: before,
            afterSegments: after, releases: releases, settings: JudgementSettings(minimumSessions: 100, significance: 0.05))
        return ReleaseImpact.build(input)
    }

    @Test("the window is D−7…D−1 against D+1…D+7, and the release day itself is left out")
    func windowArithmetic() throws {
        var siteDays: [Day: Observation] = [:]
        for day in days("2026-11-04", "2026-11-10") { siteDays[day] = site(sessions: 1_000, rage: 2) }
        for day in days("2026-11-12", "2026-11-18") { siteDays[day] = site(sessions: 1_000, rage: 3) }
        siteDays[releaseDay] = site(sessions: 50_000, rage: 50)
        let window = ReleaseWindow(releaseDay: releaseDay, covered: Set(siteDays.keys), asOf: day("2026-11-30"))
        // D − 7 = Nov 4 … D − 1 = Nov 10; D + 1 = Nov 12 … D + 7 = Nov 18.
        #expect(window.beforeDays == days("2026-11-04", "2026-11-10"))
        #expect(window.afterDays == days("2026-11-12", "2026-11-18"))
        #expect(window.keptBefore == window.beforeDays)
        #expect(window.keptAfter == window.afterDays)
        #expect(window.isComplete)
        #expect(window.daysSoFar == 7)
        // Weekdays in the order they follow a Wednesday release: Thu … Wed.
        #expect(window.comparedWeekdays == [4, 5, 6, 7, 1, 2, 3])

        let result = impact(siteDays)
        #expect(result.dayText == "Wed Nov 11, 2026")
        #expect(result.beforeTitle == "Nov 4 – Nov 10, 2026")
        #expect(result.afterTitle == "Nov 12 – Nov 18, 2026")
        #expect(result.coverageText == "7 of 7 weekdays compared.")
        #expect(result.progressText == "7 of 7 days")
        // Sessions: 7 × 1,000 on each side; the release day's 50,000 counts on neither.
        let sessions = result.kpis.first { $0.id == "sessions" }!
        #expect(sessions.before == 7_000)
        #expect(sessions.after == 7_000)
        #expect(sessions.changeText == "±0.0%")
        #expect(sessions.test == "welch")
        // Identical daily values on both sides: no spread, equal means, p = 1.
        #expect(sessions.verdict == .withinNoise)
        // Rage clicks: 7 × 20 = 140 of 7,000 (2.0%) before, 7 × 30 = 210 of 7,000 (3.0%) after; pooled 350 / 14,000 = 0.025,
        // z = 0.01 / √(0.025 × 0.975 × 2 / 7,000) = 0.01 / 0.0026390 = 3.7893, two-sided p = 0.000151.
        let rage = result.kpis.first { $0.id == "rageClickRate" }!
        #expect(rage.before == 0.02)
        #expect(abs(rage.after! - 0.03) < 1e-12)
        #expect(abs(rage.pValue! - 0.000151) < 0.000001)
        #expect(rage.verdict == .significant)
        #expect(rage.test == "twoProportion")
        #expect(rage.tone == "bad")
        #expect(result.kpis.map(\.id) == KPI.allCases.map(\.rawValue))
        #expect(result.findings == ["Rage clicks rose from 2.0% to 3.0% of sessions (+1.0 pt, +50%, needs attention)."])

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(json.contains(#""release":{"day":"2026-11-11","note":"","releasedAt":"2026-11-11T00:00:00Z","source":"manual","version":"2.6.0"}"#))
        #expect(json.contains(#""verdict":"significant","verdictText":"beyond noise""#))
        #expect(json.contains(#""keptBefore":["2026-11-04","2026-11-05","#))
    }

    @Test("a day missing on one side takes its weekday out of both sides")
    func missingWeekday() {
        var siteDays: [Day: Observation] = [:]
        for day in days("2026-11-04", "2026-11-18") where day != releaseDay && day != self.day("2026-11-09") {
            siteDays[day] = site(sessions: 1_000)
        }
        // A busy Monday after the release: compared with nothing before, it would pass for growth.
        siteDays[day("2026-11-16")] = site(sessions: 5_000)
        let result = impact(siteDays)
        #expect(
            result.keptBefore == [day("2026-11-04"), day("2026-11-05"), day("2026-11-06"), day("2026-11-07"), day("2026-11-08"), day("2026-11-10")])
        #expect(
            result.keptAfter == [day("2026-11-12"), day("2026-11-13"), day("2026-11-14"), day("2026-11-15"), day("2026-11-17"), day("2026-11-18")])
        #expect(result.missingDays == [day("2026-11-09")])
        #expect(result.leftOutWeekdays == ["Mon"])
        #expect(result.coverageText == "6 of 7 weekdays compared; Mon left out: no data on Mon Nov 9.")
        // 6 × 1,000 on each side; with Monday Nov 16 kept, the after side would read 6,000 + 5,000 = 11,000 (+83%).
        let sessions = result.kpis.first { $0.id == "sessions" }!
        #expect(sessions.before == 6_000)
        #expect(sessions.after == 6_000)
        #expect(sessions.change == 0)
    }

    @Test("with only one day left on a side, counts and means get no verdict: too few days")
    func tooFewDays() {
        // Only the two Wednesdays (Nov 4 and Nov 18) have data: every other weekday is left out.
        let siteDays = [day("2026-11-04"): site(sessions: 1_000), day("2026-11-18"): site(sessions: 1_200)]
        let result = impact(siteDays)
        #expect(
            result.coverageText == "1 of 7 weekdays compared; Thu, Fri, Sat, Sun, Mon, Tue left out: no data on Thu Nov 5, Fri Nov 6, Sat Nov 7, "
                + "Sun Nov 8, Mon Nov 9, Tue Nov 10, Thu Nov 12, Fri Nov 13, Sat Nov 14, Sun Nov 15, Mon Nov 16, Tue Nov 17.")
        let sessions = result.kpis.first { $0.id == "sessions" }!
        #expect(sessions.before == 1_000)
        #expect(sessions.after == 1_200)
        #expect(sessions.verdict == .tooFewDays)
        #expect(sessions.pValue == nil)
        #expect(result.findings == ["No figure moved beyond noise between the days before and after the release."])

        let nothing = impact([:])
        #expect(nothing.coverageText.hasPrefix("0 of 7 weekdays compared; Wed, Thu, Fri, Sat, Sun, Mon, Tue left out: no data on Wed Nov 4, "))
        #expect(nothing.kpis.allSatisfy { $0.verdict == .noComparison })
        #expect(nothing.findings == ["No weekday has site data on both sides of the release, so nothing can be compared."])
    }

    @Test("Welch's t-test on daily values, worked by hand")
    func welch() {
        // ν = 2: p = 1 − t / √(2 + t²). [1, 3] against [5, 7]: means 2 and 6, variances 2 and 2,
        // t = 4 / √(2/2 + 2/2) = 2.8284, ν = (1 + 1)² / (1² / 1 + 1² / 1) = 2, p = 1 − √8 / √10 = 0.105573.
        #expect(abs(Statistics.welchPValue([1, 3], [5, 7])! - 0.105573) < 0.000001)
        // ν = 1: p = 1 − (2/π) atan|t|. [10, 10] against [11, 13]: variances 0 and 2, t = 2 / √(0 + 1) = 2,
        // ν = 1² / (1² / 1) = 1, p = 1 − 0.63662 × 1.107149 = 0.295167.
        #expect(abs(Statistics.welchPValue([10, 10], [11, 13])! - 0.295167) < 0.000001)
        // Two-sided critical values from a Student t table: t(0.975; 12) = 2.179, t(0.995; 12) = 3.055, t(0.975; 4) = 2.776, t(0.975; 1) = 12.706.
        #expect(abs(Statistics.studentTwoSidedPValue(t: 2.179, degreesOfFreedom: 12) - 0.05) < 0.0002)
        #expect(abs(Statistics.studentTwoSidedPValue(t: 3.055, degreesOfFreedom: 12) - 0.01) < 0.0002)
        #expect(abs(Statistics.studentTwoSidedPValue(t: 2.776, degreesOfFreedom: 4) - 0.05) < 0.0002)
        #expect(abs(Statistics.studentTwoSidedPValue(t: 12.706, degreesOfFreedom: 1) - 0.05) < 0.0002)
        #expect(Statistics.welchPValue([1], [2, 3]) == nil)
        #expect(Statistics.welchPValue([4, 4], [4, 4]) == 1)
        #expect(Statistics.welchPValue([4, 4], [5, 5]) == 0)

        // A window of 2 around Wed Nov 11: Mon 9 and Tue 10 against Thu 12 and Fri 13.
        // Sessions 1,000 and 1,200 against 1,300 and 1,500: means 1,100 and 1,400, variances 20,000 each,
        // t = 300 / √(10,000 + 10,000) = 2.12132, ν = 2, p = 1 − 2.12132 / √6.5 = 0.167950: within noise.
        let siteDays = [
            day("2026-11-09"): site(sessions: 1_000), day("2026-11-10"): site(sessions: 1_200),
            day("2026-11-12"): site(sessions: 1_300), day("2026-11-13"): site(sessions: 1_500),
        ]
        let result = impact(siteDays, length: 2)
        #expect(result.coverageText == "4 of 4 weekdays compared.")
        let sessions = result.kpis.first { $0.id == "sessions" }!
        #expect(abs(sessions.pValue! - 0.167950) < 0.000001)
        #expect(sessions.verdict == .withinNoise)
        // 2,800 / 2,200 − 1 = 0.2727.
        #expect(abs(sessions.change! - 0.272727) < 0.000001)
        #expect(sessions.changeText == "+27%")
    }

    @Test("while the after-window runs it says n of 7 days so far and gives no verdict")
    func windowStillRunning() {
        var siteDays: [Day: Observation] = [:]
        for day in days("2026-11-04", "2026-11-10") { siteDays[day] = site(sessions: 1_000, rage: 2) }
        for day in days("2026-11-12", "2026-11-14") { siteDays[day] = site(sessions: 1_000, rage: 6) }
        let result = impact(siteDays, asOf: "2026-11-14")
        // Thu 12, Fri 13 and Sat 14 have happened: 3 of 7; Sun … Wed have not, so their weekdays wait on both sides.
        #expect(!result.isComplete)
        #expect(result.daysSoFar == 3)
        #expect(result.progressText == "3 of 7 days so far")
        #expect(result.keptBefore == days("2026-11-05", "2026-11-07"))
        #expect(result.keptAfter == days("2026-11-12", "2026-11-14"))
        #expect(result.missingDays.isEmpty)
        #expect(result.coverageText == "3 of 7 days so far, through Sat Nov 14; 3 of 7 weekdays compared so far (Thu, Fri, Sat).")
        // The figures so far are there: 3 × 20 = 60 of 3,000 (2.0%) before, 3 × 60 = 180 of 3,000 (6.0%) after...
        let rage = result.kpis.first { $0.id == "rageClickRate" }!
        #expect(rage.beforeText == "2.0%")
        #expect(rage.afterText == "6.0%")
        // ...but no verdict, however large the move.
        for entry in result.kpis {
            #expect(entry.verdict == .pending)
            #expect(entry.verdictText == "3 of 7 days so far")
            #expect(entry.pValue == nil)
            #expect(entry.tone == "neutral")
        }
        // One provisional line says what already moved: 60 of 3,000 against 180 of 3,000, pooled 4%,
        // z = 0.04 / √(0.04 × 0.96 × 2 / 3,000) = 7.91; the sessions' daily values are equal, so they did not move.
        let early =
            "Early signal, provisional until Wed Nov 18 (3 of 7 days so far): Rage clicks rose from 2.0% to 6.0% of sessions (+4.0 pt, +200%, needs attention)."
        #expect(result.earlySignal == early)
        #expect(
            result.findings == [
                "Only 3 of 7 days so far after 2.6.0: figures so far are shown; verdicts wait until the window is complete on Wed Nov 18.", early,
            ])
        for day in days("2026-11-12", "2026-11-14") { siteDays[day] = site(sessions: 1_000, rage: 2) }
        #expect(
            impact(siteDays, asOf: "2026-11-14").earlySignal
                == "Early signal, provisional until Wed Nov 18 (3 of 7 days so far): nothing has moved beyond noise so far.")

        let releaseDayOnly = impact(siteDays, asOf: "2026-11-11")
        #expect(releaseDayOnly.earlySignal.isEmpty)
        #expect(releaseDayOnly.progressText == "0 of 7 days so far")
        #expect(releaseDayOnly.keptBefore.isEmpty)
        #expect(releaseDayOnly.coverageText == "0 of 7 days so far; 0 of 7 weekdays compared so far.")
    }

    @Test("another release within the window is flagged: the effect cannot be pinned on either")
    func overlappingReleases() {
        var siteDays: [Day: Observation] = [:]
        for day in days("2026-11-04", "2026-11-18") { siteDays[day] = site(sessions: 1_000) }
        let releases = [
            release("2.6.0", "2026-11-11"),
            release("2.5.9", "2026-11-01"),  // D − 10: outside
            release("2.6.1", "2026-11-15T09:00Z"),  // D + 4: inside
            release("2.6.2", "2026-11-18T23:00Z"),  // D + 7, the window's last day: inside
            release("2.7.0", "2026-11-19"),  // D + 8: outside
        ]
        let result = impact(siteDays, releases: releases)
        #expect(result.overlapping.map(\.version) == ["2.6.1", "2.6.2"])
        #expect(
            result.overlapText
                == "Releases 2.6.1 (Sun Nov 15) and 2.6.2 (Wed Nov 18) also went live inside this window: the effect cannot be pinned on any one of them."
        )
        #expect(result.findings.first == result.overlapText)

        let one = impact(siteDays, releases: [release("2.6.0", "2026-11-11"), release("2.5.9", "2026-11-04")])  // D − 7: inside
        #expect(one.overlapText == "Release 2.5.9 (Wed Nov 4) also went live inside this window: the effect cannot be pinned on either.")
        #expect(impact(siteDays, releases: [release("2.6.0", "2026-11-11")]).overlapText.isEmpty)
    }

    @Test("frustration rates per device and browser show where a change happened: dead clicks rose on Safari only")
    func perBrowserRates() {
        var siteDays: [Day: Observation] = [:]
        for day in days("2026-11-04", "2026-11-18") { siteDays[day] = Observation(segment: .site, sessions: 2_000) }
        func segment(_ values: [Segment.DimensionValue], sessions: Double, deadClicks: Double) -> SegmentTotals {
            var totals = Totals()
            totals.days = 7
            totals.sessions = Int64(sessions)
            totals.daysWithSessions = 7
            totals.signals[.deadClick] = SignalTotals(sessions: sessions, withSignal: deadClicks)
            return SegmentTotals(segment: Segment(values), totals: totals)
        }
        func browser(_ value: String?, _ sessions: Double, _ deadClicks: Double) -> SegmentTotals {
            segment([.init(.browser, value)], sessions: sessions, deadClicks: deadClicks)
        }
        func device(_ value: String, _ sessions: Double, _ deadClicks: Double) -> SegmentTotals {
            segment([.init(.device, value)], sessions: sessions, deadClicks: deadClicks)
        }
        let before = [
            browser("Chrome", 10_000, 100), browser("Safari", 4_000, 40), browser("Edge", 2_000, 20), browser("Firefox", 50, 1),
            browser(nil, 16_050, 161),
            device("Mobile", 5_000, 50), device("PC", 5_000, 50),
            segment([.init(.device, "Mobile"), .init(.browser, "Safari")], sessions: 3_000, deadClicks: 30),
        ]
        let after = [
            browser("Chrome", 10_000, 105), browser("Safari", 4_000, 100), browser("Edge", 2_000, 36), browser("Firefox", 50, 20),
            browser(nil, 16_050, 261),
            device("Mobile", 5_000, 100), device("PC", 5_000, 100),
            segment([.init(.device, "Mobile"), .init(.browser, "Safari")], sessions: 3_000, deadClicks: 90),
        ]
        let result = impact(siteDays, before: before, after: after)
        // The aggregate row and the Device+Browser segment are not browsers; order by sessions on both sides.
        #expect(result.browsers.map(\.value) == ["Chrome", "Safari", "Edge", "Firefox"])
        #expect(result.devices.map(\.value) == ["Mobile", "PC"])
        func deadClicks(_ entry: ReleaseSegmentImpact) -> ReleaseKPIEntry { entry.rates.first { $0.id == "deadClickRate" }! }
        #expect(result.browsers[0].rates.map(\.id) == FrustrationSignal.allCases.map { KPI.rate(of: $0).rawValue })
        // Safari: 40 of 4,000 (1.0%) before, 100 of 4,000 (2.5%) after; pooled 140 / 8,000 = 0.0175,
        // z = 0.015 / √(0.0175 × 0.9825 × 2 / 4,000) = 0.015 / 0.0029320 = 5.1159, p = 3.1e-7.
        let safari = deadClicks(result.browsers[1])
        #expect(safari.before == 0.01)
        #expect(safari.after == 0.025)
        // Points first, relative second.
        #expect(safari.changeText == "+1.5 pt (+150%)")
        #expect(abs(safari.pValue! - 3.12e-7) < 0.01e-7)
        #expect(safari.verdict == .significant)
        // Chrome: 100 of 10,000 (1.0%) before, 105 of 10,000 (1.05%) after; pooled 205 / 20,000 = 0.01025,
        // z = 0.0005 / √(0.01025 × 0.98975 × 2 / 10,000) = 0.0005 / 0.0014244 = 0.3510, p = 0.7256.
        let chrome = deadClicks(result.browsers[0])
        #expect(abs(chrome.pValue! - 0.7256) < 0.0001)
        #expect(chrome.verdict == .withinNoise)
        // Edge: 20 of 2,000 (1.0%) before, 36 of 2,000 (1.8%) after; pooled 56 / 4,000 = 0.014,
        // z = 0.008 / √(0.014 × 0.986 × 2 / 2,000) = 0.008 / 0.0037154 = 2.1532, p = 0.0313: below 0.05 on its own, but
        // Holm over the 3 judged browser tests asks the smallest p (Safari) to beat 0.05 / 3 = 0.0167 (it does) and the
        // next (Edge) to beat 0.05 / 2 = 0.025, which 0.0313 does not; Chrome then stays within noise too.
        let edge = deadClicks(result.browsers[2])
        #expect(abs(edge.pValue! - 0.0313) < 0.0001)
        #expect(edge.verdict == .withinNoise)
        #expect(edge.tone == "neutral")
        // Firefox: 50 sessions on a side, below the minimum of 100, however far its rate moved (2% to 40%).
        #expect(deadClicks(result.browsers[3]).verdict == .tooFewSessions)
        #expect(result.browsers[1].beforeSessionsText == "4,000")
        // Mobile and PC: 50 of 5,000 (1.0%) to 100 of 5,000 (2.0%) each; pooled 0.015,
        // z = 0.01 / √(0.015 × 0.985 × 2 / 5,000) = 4.1135, p = 0.000039.
        #expect(abs(deadClicks(result.devices[0]).pValue! - 0.000039) < 0.000001)
        #expect(
            result.findings == [
                "Dead clicks rose on every device with enough sessions (Mobile 1.0% to 2.0%, PC 1.0% to 2.0%).",
                "Dead clicks rose on Safari only (1.0% to 2.5% of sessions); Chrome and Edge stayed within noise.",
            ])
    }

    @Test("the release table shows the figures that moved and folds the rest into one line, by the days so far while the window runs")
    func foldsUnmovedFigures() {
        var siteDays: [Day: Observation] = [:]
        // 7,000 sessions on each side; rage clicks 2% → 4%: z = 0.02 / √(0.03 × 0.97 × 2 / 7,000) = 6.94, far beyond noise.
        for day in days("2026-11-04", "2026-11-10") { siteDays[day] = site(sessions: 1_000, rage: 2) }
        for day in days("2026-11-12", "2026-11-18") { siteDays[day] = site(sessions: 1_000, rage: 4) }
        let complete = impact(siteDays)
        #expect(complete.isComplete)
        #expect(complete.movedKPIs.map(\.id) == ["rageClickRate"])
        #expect(complete.unmovedText.hasPrefix("Within noise: Sessions"))
        // Figures the site response here does not carry (pages per session, the other signals) cannot be judged.
        #expect(complete.unmovedText.contains("Not judged (too few sessions or days, or no figures): "))
        #expect(complete.unmovedText.contains("Dead clicks"))
        #expect(!complete.unmovedText.contains("Rage clicks"))
        // Four days after the release: no verdicts yet, but the table already shows what moved in the days so far.
        let running = impact(siteDays, asOf: "2026-11-15")
        #expect(!running.isComplete)
        #expect(running.kpis.allSatisfy { $0.verdict == .pending })
        #expect(running.movedKPIs.map(\.id) == ["rageClickRate"])
        #expect(running.unmovedText.hasPrefix("Not beyond noise so far: Sessions"))
    }

    @Test("Holm's correction, worked by hand")
    func holm() {
        // Sorted: 0.005 < 0.05/4 = 0.0125 yes; 0.01 < 0.05/3 = 0.0167 yes; 0.03 < 0.05/2 = 0.025 no, so it and 0.04 stay within noise.
        #expect(Statistics.holmSignificant([0.01, 0.04, 0.03, 0.005], significance: 0.05) == [true, false, false, true])
        // The step-down stops at the first failure even when a later p would pass its own threshold: 0.03 ≥ 0.025, then 0.04 < 0.05.
        #expect(Statistics.holmSignificant([0.03, 0.04], significance: 0.05) == [false, false])
        #expect(Statistics.holmSignificant([], significance: 0.05) == [])
    }

    @Test("a release date without a time means 00:00 UTC that day")
    func releaseDates() {
        #expect(Release.instant(parsing: "2026-11-09") == Instant(iso: "2026-11-09T00:00:00Z"))
        #expect(Release.instant(parsing: "2026-11-09T14:30Z") == Instant(iso: "2026-11-09T14:30:00Z"))
        #expect(Release.instant(parsing: "2026-11-09T23:30Z")?.day == Day(iso: "2026-11-09"))
        #expect(Release.instant(parsing: "2026-02-30") == nil)
        #expect(Release.instant(parsing: "next tuesday") == nil)
    }
}
