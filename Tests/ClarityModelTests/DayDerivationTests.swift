import ClarityModel
import Testing

@Suite("Deriving a missed day from a multi-day window")
struct DayDerivationTests {
    static let pc = Segment([.init(.device, "PC")])
    static let mobile = Segment([.init(.device, "Mobile")])
    static let allDevices = Segment([.init(.device, nil)])

    static func figures(
        _ segment: Segment, sessions: Int64, bots: Int64, users: Int64, pages: Double, dead: Double, deadViews: Int64,
        deadEvents: Int64, scroll: Double, total: Double, active: Double
    ) -> Observation {
        Observation(
            segment: segment, sessions: sessions, botSessions: bots, distinctUsers: users, pagesPerSession: pages,
            signals: [
                .deadClick: SignalFigures(
                    sessions: sessions, percentage: dead, withoutPercentage: 100 - dead, pageViews: deadViews, events: deadEvents)
            ],
            scrollDepth: scroll, totalTime: total, activeTime: active)
    }

    static func candidate(_ id: Int64, _ iso: String) -> DayAttribution.Candidate {
        DayAttribution.Candidate(id: id, window: SnapshotWindow(pulledAt: Instant(iso: iso)!, numOfDays: 1), sha256: "sha\(id)")
    }

    static func window(_ iso: String, days: Int) -> SnapshotWindow { SnapshotWindow(pulledAt: Instant(iso: iso)!, numOfDays: days) }

    @Test("every additive figure is whole minus part; means and rates come from their totals; users stay missing")
    func handWorkedSubtraction() throws {
        let whole = Self.figures(
            .site, sessions: 1_000, bots: 50, users: 800, pages: 3.0, dead: 10, deadViews: 3_000, deadEvents: 150,
            scroll: 50, total: 200, active: 100)
        let part = Self.figures(
            .site, sessions: 600, bots: 20, users: 500, pages: 2.5, dead: 5, deadViews: 1_500, deadEvents: 60,
            scroll: 40, total: 150, active: 80)
        let derived = DayDerivation.subtract([[part]], from: [whole])
        #expect(derived.skipped.isEmpty)
        let day = try #require(derived.observations.first)
        #expect(day.sessions == 400)
        #expect(day.botSessions == 30)
        #expect(day.distinctUsers == nil)
        // pages: 3.0 × 1000 − 2.5 × 600 = 1500 over 400 sessions.
        #expect(day.pagesPerSession == 3.75)
        // dead clicks: 100 − 30 = 70 sessions of 400 = 17.5 %; without: 900 − 570 = 330 of 400 = 82.5 %.
        let dead = try #require(day.signals[.deadClick])
        #expect(dead.sessions == 400)
        #expect(dead.percentage == 17.5)
        #expect(dead.withoutPercentage == 82.5)
        #expect(dead.pageViews == 1_500)
        #expect(dead.events == 90)
        // scroll: 50 000 − 24 000 = 26 000 over 400; time: 200 000 − 90 000; active: 100 000 − 48 000.
        #expect(day.scrollDepth == 65)
        #expect(day.totalTime == 275)
        #expect(day.activeTime == 130)
    }

    @Test("a segment absent from a part (the row cap), an aggregate row and a part larger than the whole are not derived")
    func segmentsThatDoNotQualify() {
        func simple(_ segment: Segment, _ sessions: Int64) -> Observation { Observation(segment: segment, sessions: sessions) }
        let odd = Segment([.init(.device, "Tablet")])
        let whole = [simple(Self.pc, 500), simple(Self.mobile, 300), simple(Self.allDevices, 800), simple(odd, 10)]
        let part = [simple(Self.pc, 200), simple(Self.allDevices, 400), simple(odd, 12)]
        let derived = DayDerivation.subtract([part], from: whole)
        #expect(derived.observations.map(\.segment) == [Self.pc])
        #expect(derived.observations.first?.sessions == 300)
        #expect(derived.skipped == [Self.mobile, odd].sorted())
    }

    @Test("a figure missing on either side is missing in the derived day, never read as zero")
    func missingStaysMissing() {
        let whole = Observation(segment: .site, sessions: 100, botSessions: nil, pagesPerSession: 2)
        let part = Observation(segment: .site, sessions: 40, botSessions: 3, pagesPerSession: nil)
        let day = DayDerivation.subtract([[part]], from: [whole]).observations.first
        #expect(day?.sessions == 60)
        #expect(day?.botSessions == nil)
        #expect(day?.pagesPerSession == nil)
    }

    @Test("a 2-day pull minus the aligned 1-day pull of its later day gives the earlier day")
    func planTwoDays() throws {
        // Nov 4 00:40: slot 0 (Nov 3 00:40 → Nov 4 00:40) stands for Nov 3, slot 1 for Nov 2.
        let window = Self.window("2026-11-04T00:40:00Z", days: 2)
        let plan = try DerivationPlan.plan(window, available: [Self.candidate(7, "2026-11-04T01:30:00Z")]).get()
        #expect(plan.day == Day(iso: "2026-11-02"))
        #expect(plan.subtracted.map(\.id) == [7])
    }

    @Test("a 3-day pull with only its middle day missing gives that day; the closest pull of a day is subtracted")
    func planMiddleDay() throws {
        let window = Self.window("2026-11-05T00:40:00Z", days: 3)
        let available = [
            Self.candidate(1, "2026-11-05T00:40:00Z"), Self.candidate(2, "2026-11-03T00:40:00Z"),
            Self.candidate(3, "2026-11-03T11:00:00Z"),
        ]
        let plan = try DerivationPlan.plan(window, available: available).get()
        #expect(plan.day == Day(iso: "2026-11-03"))
        #expect(plan.subtracted.map(\.id) == [1, 2])
    }

    @Test("with two days missing, a 3-day pull minus a 2-day pull of the same moment gives the earliest day")
    func planThreeMinusTwo() throws {
        let window = Self.window("2026-11-18T00:40:00Z", days: 3)
        let twoDays = DayAttribution.Candidate(id: 9, window: Self.window("2026-11-18T00:41:00Z", days: 2), sha256: "sha9")
        let available = [Self.candidate(1, "2026-11-18T00:40:00Z"), twoDays]
        let plan = try DerivationPlan.plan(window, available: available).get()
        #expect(plan.day == Day(iso: "2026-11-15"))
        #expect(plan.subtracted.map(\.id) == [9])
        #expect(
            DerivationPlan.plan(window, available: [Self.candidate(1, "2026-11-18T00:40:00Z")])
                == .failure(.block([Day(iso: "2026-11-15")!, Day(iso: "2026-11-16")!])))
    }

    @Test("a block is planned when the missing days are consecutive and the other slots are covered, not otherwise")
    func planBlock() throws {
        let window = Self.window("2026-11-05T00:40:00Z", days: 3)
        let block = try #require(DerivationPlan.planBlock(window, available: [Self.candidate(1, "2026-11-05T00:40:00Z")]))
        #expect(block.days == Day(iso: "2026-11-02")!...Day(iso: "2026-11-03")!)
        #expect(block.subtracted.map(\.id) == [1])
        #expect(DerivationPlan.planBlock(window, available: [Self.candidate(1, "2026-11-05T04:00:00Z")]) == nil)
        #expect(DerivationPlan.planBlock(window, available: [Self.candidate(2, "2026-11-04T00:40:00Z")]) == nil)
        let whole = try #require(DerivationPlan.planBlock(Self.window("2026-11-04T00:40:00Z", days: 2), available: []))
        #expect(whole.days == Day(iso: "2026-11-02")!...Day(iso: "2026-11-03")!)
        #expect(whole.subtracted.isEmpty)
    }

    @Test("a neighbour pulled more than 2 hours off the boundary refuses the derivation and says by how much; 2 hours exactly is allowed")
    func alignmentTolerance() throws {
        let window = Self.window("2026-11-04T00:40:00Z", days: 2)
        let late = DerivationPlan.plan(window, available: [Self.candidate(7, "2026-11-04T03:00:00Z")])
        let refusal = DerivationRefusal.misaligned(
            day: Day(iso: "2026-11-02")!, neighbour: Day(iso: "2026-11-03")!, offsetSeconds: 8_400, tolerance: 7_200)
        #expect(late == .failure(refusal))
        #expect(refusal.description.contains("pulled 2 h 20 min after the window's day boundary, more than the 2 h allowed"))
        let edge = DerivationPlan.plan(window, available: [Self.candidate(7, "2026-11-04T02:40:00Z")])
        #expect((try? edge.get())?.day == Day(iso: "2026-11-02"))
    }

    @Test("two missing days of a 3-day pull are a block; a window with every day pulled derives nothing")
    func blockAndNothingMissing() {
        let window = Self.window("2026-11-05T00:40:00Z", days: 3)
        #expect(
            DerivationPlan.plan(window, available: [Self.candidate(1, "2026-11-05T00:40:00Z")])
                == .failure(.block([Day(iso: "2026-11-02")!, Day(iso: "2026-11-03")!])))
        let all = [Self.candidate(1, "2026-11-05T00:40:00Z"), Self.candidate(2, "2026-11-04T00:40:00Z"), Self.candidate(3, "2026-11-03T00:40:00Z")]
        #expect(DerivationPlan.plan(window, available: all) == .failure(.nothingMissing))
        #expect(DerivationPlan.plan(Self.window("2026-11-05T00:40:00Z", days: 1), available: []) == .failure(.notMultiDay))
    }

    @Test("the coverage note names each derived day of the range with its window; breakdown-only derivations stay out")
    func coverageNote() {
        let derived = [
            DerivedDay(day: Day(iso: "2026-11-03")!, dimensions: .none, numOfDays: 2),
            DerivedDay(day: Day(iso: "2026-11-04")!, dimensions: DimensionSet([.device]), numOfDays: 3),
            DerivedDay(day: Day(iso: "2026-11-20")!, dimensions: .none, numOfDays: 3),
        ]
        let range = Day(iso: "2026-11-02")!...Day(iso: "2026-11-08")!
        #expect(
            DerivedDay.note(derived, in: range)
                == " Tue Nov 3 derived from a 2-day pull (the whole window minus the other days' own pulls; distinct users unknown).")
        #expect(DerivedDay.note(derived, in: Day(iso: "2026-11-09")!...Day(iso: "2026-11-15")!) == "")
    }
}

@Suite("How long a missed day stays within the API's reach")
struct RecoveryHorizonTests {
    @Test("a day is reachable until 12:00 UTC three days later; a 2-day pull reaches yesterday's day, a 3-day the one before")
    func horizon() {
        let nov15 = Day(iso: "2026-11-15")!
        #expect(RecoveryHorizon.deadline(for: nov15) == Instant(iso: "2026-11-18T12:00:00Z"))
        let now = Instant(iso: "2026-11-18T00:40:00Z")!
        #expect(RecoveryHorizon.latestDay(at: now) == Day(iso: "2026-11-17"))
        #expect(RecoveryHorizon.reachableDays(at: now) == [Day(iso: "2026-11-16")!, nov15])
        #expect(RecoveryHorizon.windowReaching(Day(iso: "2026-11-16")!, at: now) == 2)
        #expect(RecoveryHorizon.windowReaching(nov15, at: now) == 3)
        #expect(RecoveryHorizon.windowReaching(Day(iso: "2026-11-14")!, at: now) == nil)
        // At 13:00 the latest 1-day pull stands for Nov 18 itself, and Nov 15 is out of reach.
        #expect(RecoveryHorizon.reachableDays(at: Instant(iso: "2026-11-18T13:00:00Z")!) == [Day(iso: "2026-11-17")!, Day(iso: "2026-11-16")!])
    }
}
