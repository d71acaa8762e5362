import Testing

@testable import ClarityModel

@Suite("Segment movers, their multiple-comparison control and their onset")
struct SegmentMoverTests {
    let week = ISOWeek(label: "2026-W47")!

    func site(sessions: Int64, rage: Double) -> Observation {
        Observation(
            segment: .site, sessions: sessions, botSessions: 0, distinctUsers: 100, pagesPerSession: 2,
            signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage)], scrollDepth: 50, totalTime: 100, activeTime: 40)
    }

    func segment(_ values: [(ClarityModel.Dimension, String)], sessions: Double, _ signal: FrustrationSignal = .rageClick, rate: Double)
        -> SegmentTotals
    {
        var totals = Totals()
        (totals.days, totals.daysWithSessions, totals.sessions) = (7, 7, Int64(sessions))
        totals.signals[signal] = SignalTotals(sessions: sessions, withSignal: sessions * rate)
        return SegmentTotals(segment: Segment(values.map { .init($0.0, $0.1) }), totals: totals)
    }

    @Test("Benjamini–Hochberg q-values, worked by hand, keep more discoveries than Holm at the same level")
    func benjaminiHochberg() {
        // Sorted: 0.005, 0.01, 0.03, 0.04, 0.5; p × 5 / rank: 0.025, 0.025, 0.05, 0.05, 0.5; running minimum from the top.
        let q = Statistics.benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5])
        let expected = [0.025, 0.05, 0.05, 0.025, 0.5]
        #expect(zip(q, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(q.filter { $0 <= 0.05 }.count == 4)
        // Holm stops at 0.03 > 0.05 / 3.
        #expect(Statistics.holmSignificant([0.01, 0.04, 0.03, 0.005, 0.5], significance: 0.05).filter { $0 }.count == 2)
        #expect(Statistics.benjaminiHochberg([]).isEmpty)
    }

    @Test("movers are the segments whose own rate moved, by added sessions, folded into the narrowest segment that carries them")
    func movers() throws {
        var days: [Day: Observation] = [:]
        for day in week.days + week.previous.days { days[day] = site(sessions: 10_000, rage: 2) }
        let previous = [
            segment([(.browser, "Safari"), (.url, "/checkout")], sessions: 800, rate: 0.01),
            segment([(.url, "/checkout")], sessions: 2_500, rate: 0.02),
            segment([(.browser, "Chrome")], sessions: 10_000, rate: 0.020),
            segment([(.browser, "Firefox")], sessions: 2_000, .deadClick, rate: 0.10),
            segment([(.device, "Tablet")], sessions: 50, rate: 0.01),
        ]
        let current = [
            segment([(.browser, "Safari"), (.url, "/checkout")], sessions: 800, rate: 0.25),  // added 800 × 0.24 = 192
            segment([(.url, "/checkout")], sessions: 2_500, rate: 0.09),  // added 2,500 × 0.07 = 175
            segment([(.browser, "Chrome")], sessions: 10_000, rate: 0.021),  // z = 0.50: no move
            segment([(.browser, "Firefox")], sessions: 2_000, .deadClick, rate: 0.05),  // added 2,000 × −0.05 = −100
            segment([(.device, "Tablet")], sessions: 50, rate: 0.90),  // below the minimum: not tested
            segment([(.url, "/new")], sessions: 900, rate: 0.50),  // nothing to compare with
        ]
        let report = try WeeklyReport.build(
            WeeklyReportInput(
                project: ProjectInfo(name: "Test", site: ""), week: week, siteDays: days, currentSegments: current, previousSegments: previous,
                settings: ReportSettings(minimumSessions: 100, significance: 0.05, topSegments: 5)))
        #expect(report.segmentMovers.map(\.label) == ["Browser = Safari · URL = /checkout", "Browser = Firefox"])
        let top = report.segmentMovers[0]
        #expect(abs(top.addedSessions - 192) < 1e-9)
        #expect(top.tests == 4)
        #expect(top.pointChangeText == "+24.0 pt")
        #expect(top.phrase == "on /checkout in Safari")
        #expect(top.tone == "bad")
        // /checkout's 175 added sessions are all Safari's 192: folded, and it carries all of it.
        #expect(top.accountsFor.map(\.label) == ["URL = /checkout"])
        #expect(abs(top.accountsFor[0].share - 192.0 / 175) < 1e-9)
        #expect(top.accountsFor[0].shareText == "all of it")
        #expect(top.qValue <= 0.05)
        let firefox = report.segmentMovers[1]
        #expect(abs(firefox.addedSessions + 100) < 1e-9)
        #expect(firefox.direction == "down" && firefox.tone == "good")
        #expect(firefox.onset == nil)
    }

    @Test("a narrower mover carrying less than 75% of a broader one's added sessions leaves both listed")
    func noFolding() throws {
        var days: [Day: Observation] = [:]
        for day in week.days + week.previous.days { days[day] = site(sessions: 10_000, rage: 2) }
        let previous = [
            segment([(.browser, "Safari")], sessions: 5_000, rate: 0.02),
            segment([(.browser, "Safari"), (.url, "/checkout")], sessions: 200, rate: 0.01),
        ]
        let current = [
            segment([(.browser, "Safari")], sessions: 5_000, rate: 0.04),  // added 5,000 × 0.02 = 100
            segment([(.browser, "Safari"), (.url, "/checkout")], sessions: 200, rate: 0.25),  // added 200 × 0.24 = 48: 48% of Safari's
        ]
        let report = try WeeklyReport.build(
            WeeklyReportInput(
                project: ProjectInfo(name: "Test", site: ""), week: week, siteDays: days, currentSegments: current, previousSegments: previous,
                settings: ReportSettings(minimumSessions: 100, significance: 0.05, topSegments: 5)))
        #expect(report.segmentMovers.map(\.label) == ["Browser = Safari", "Browser = Safari · URL = /checkout"])
        #expect(report.segmentMovers.allSatisfy { $0.accountsFor.isEmpty })
    }

    @Test("the onset is the first day beyond 3 robust z of the 28-day baseline, confirmed the next day, with the release before it")
    func onset() {
        var days: [Day: Observation] = [:]
        // Baseline: 2% and 3% on alternate days, 1,000 sessions each: median 2.5%, MAD 0.5 pt, spread 1.4826 × 0.005 = 0.007413
        // (the binomial floor √(0.025 × 0.975 / 1,000) = 0.004937 is smaller).
        for offset in 1...28 { days[week.firstDay.advanced(by: -offset)] = site(sessions: 1_000, rage: offset % 2 == 0 ? 2 : 3) }
        // Mon 3% (z 0.67), Tue 5% (z 3.37, but Wed falls back: a blip), Wed 2.5%, Thu–Sun 6% (z = 0.035 / 0.007413 = 4.72).
        for (index, rage) in [3.0, 5, 2.5, 6, 6, 6, 6].enumerated() { days[week.days[index]] = site(sessions: 1_000, rage: rage) }
        let releases = [
            Release(version: "2.6.0", instant: Instant(seconds: week.days[2].startSecond), source: .manual),
            Release(version: "2.5.9", instant: Instant(seconds: week.days[0].startSecond), source: .manual),
        ]
        let onset = Onset.find(days: days, signal: .rageClick, week: week, rising: true, releases: releases)
        #expect(onset?.dayText == "Thu Nov 19")
        #expect(abs(onset!.z - 4.7215) < 0.001)
        #expect(abs(onset!.baselineMedian - 0.025) < 1e-12)
        #expect(abs(onset!.baselineSpread - 0.007413) < 1e-9)
        #expect(onset?.baselineDays == 28)
        #expect(onset?.releases == ["2.6.0"])
        #expect(onset?.text == "from Thu Nov 19, the day after 2.6.0 shipped")
        // Looking for a fall finds none; nor does a baseline of fewer than 7 days.
        #expect(Onset.find(days: days, signal: .rageClick, week: week, rising: false, releases: releases) == nil)
        let short = days.filter { $0.key >= week.firstDay.advanced(by: -6) }
        #expect(Onset.find(days: short, signal: .rageClick, week: week, rising: true, releases: releases) == nil)
    }

    @Test("findings rank by frustrated sessions added, a move without an onset this week at half its size (worked by hand)")
    func noveltyInTheRanking() {
        func finding(_ name: String, added: Double, isNew: Bool) -> Finding {
            Finding(
                kind: "segment", subject: "rageClick", segment: name, text: name, headline: name, addedSessions: added, test: "", pValue: nil,
                qValue: nil, earlierMin: nil, earlierMax: nil, evidenceText: "", nextStep: nil, isNew: isNew)
        }
        // 100 added but under way before the week ranks as 50: after a new move of 60, before a new one of 40.
        // A fall of 70 (−70 sessions) ranks by its size, 70; equal sizes keep their order.
        let ranked = WeeklyReport.ranked([
            finding("old 100", added: 100, isNew: false), finding("new 40", added: 40, isNew: true), finding("new 60", added: 60, isNew: true),
            finding("fall 70", added: -70, isNew: true), finding("new 50", added: 50, isNew: true),
        ])
        #expect(ranked.map(\.headline) == ["fall 70", "new 60", "old 100", "new 50", "new 40"])
        #expect(WeeklyReport.rankingSize(finding("old", added: -80, isNew: false)) == 40)
    }
}
