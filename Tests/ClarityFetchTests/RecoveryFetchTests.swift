import ClarityFetch
import ClarityModel
import ClarityStore
import ClarityTestSupport
import Foundation
import Testing

/// Missed days recovered by the next fetch through 2- and 3-day pulls, against a fake API whose windows agree with each other.
@Suite struct RecoveryFetchTests {
    let token = try! APIToken(FakeClarityAPI.token, origin: "test")
    let plan = try! FetchPlan(name: "small", requests: [.siteTotals, try! FetchRequest([.device])])

    private func fetch(_ server: LocalHTTPServer, _ store: MetricStore, _ clock: SteppingClock, at iso: String) async throws -> FetchReport {
        clock.set(iso)
        return try await DailyFetch.run(
            plan: plan, store: store, transport: URLSessionTransport(), token: token, endpoint: server.url(),
            clock: clock, sleeper: RecordingSleeper(), policy: FetchPolicy(timeout: 10, retryDelay: 0), log: { _ in })
    }

    private func serve(_ clock: SteppingClock) throws -> LocalHTTPServer {
        try LocalHTTPServer(answer: { request, _ in FakeTraffic.answer(request, clock: clock) })
    }

    /// Expects a day's stored figures to be what a 1-day pull ending at `end` would have given: sessions exactly, rates within the rounding.
    private func expectTruth(_ store: MetricStore, day iso: String, pulledAt end: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let day = Day(iso: iso)!
        let endInstant = Instant(iso: end)!
        let site = try #require(try store.siteDays(in: day...day)[day], sourceLocation: sourceLocation)
        let truth = FakeTraffic.truth(endingAt: endInstant)
        #expect(site.sessions == Int64(truth.sessions), sourceLocation: sourceLocation)
        #expect(site.botSessions == Int64(truth.bots), sourceLocation: sourceLocation)
        #expect(site.distinctUsers == nil, sourceLocation: sourceLocation)
        // The whole's and the parts' percentages are each off by up to 0.005 points; over the derived sessions that is at most this much.
        let parts = FakeTraffic.truth(endingAt: endInstant, days: 3).sessions
        let bound = 0.005 * Double(parts) / Double(truth.sessions) + 1e-9
        let rate = try #require(site.signals[.rageClick]?.percentage, sourceLocation: sourceLocation)
        #expect(abs(rate - 100 * Double(truth.rage) / Double(truth.sessions)) <= bound, sourceLocation: sourceLocation)
        let scroll = try #require(site.scrollDepth, sourceLocation: sourceLocation)
        #expect(abs(scroll - Double(truth.scroll) / Double(truth.sessions)) <= bound, sourceLocation: sourceLocation)
        let segments = try store.segmentTotals(in: day...day, dimensions: [DimensionSet([.device])])
        for device in FakeTraffic.devices {
            let totals = try #require(segments.first { $0.segment.value(of: .device) == device }, sourceLocation: sourceLocation)
            #expect(totals.totals.sessions == Int64(FakeTraffic.truth(endingAt: endInstant, device: device).sessions), sourceLocation: sourceLocation)
        }
    }

    @Test func aMissedDayIsRecoveredByTheNextFetch() async throws {
        let clock = SteppingClock("2026-11-15T00:40:00Z")
        let server = try serve(clock)
        defer { server.stop() }
        let store = try MetricStore()
        _ = try await fetch(server, store, clock, at: "2026-11-15T00:40:00Z")
        // The run of Nov 16 00:40 never happened: Nov 15 has no 1-day pull.
        clock.set("2026-11-17T00:40:00Z")
        let preview = try DailyFetch.dryRun(plan: plan, store: store, endpoint: server.url(), clock: clock)
        #expect(
            preview.hasSuffix(
                """
                Missed days the API still holds; after the plan, a run spends what is left on 2- and 3-day pulls to recover them:
                  2026-11-15 site totals (until 2026-11-18T12:00:00Z)
                  2026-11-15 Device (until 2026-11-18T12:00:00Z)
                """))
        let report = try await fetch(server, store, clock, at: "2026-11-17T00:40:00Z")

        #expect(report.exitCode == 0)
        #expect(
            report.recoveries.map(\.description) == [
                "2026-11-15 site totals: recovered from a 2-day pull, snapshot 5 (HTTP 200)",
                "2026-11-15 Device: recovered from a 2-day pull, snapshot 7 (HTTP 200)",
            ])
        #expect(report.pending.isEmpty)
        #expect(server.requests.suffix(2).map { $0.parameter("numOfDays") } == ["2", "2"])
        try expectTruth(store, day: "2026-11-15", pulledAt: "2026-11-16T00:40:00Z")
        #expect(
            try store.derivedDays() == [
                DerivedDay(day: Day(iso: "2026-11-15")!, dimensions: .none, numOfDays: 2),
                DerivedDay(day: Day(iso: "2026-11-15")!, dimensions: DimensionSet([.device]), numOfDays: 2),
            ])
        #expect(report.budget.used == 4)
        #expect(report.summary.contains("[recovery 1/2] 2026-11-15 site totals: recovered from a 2-day pull"))
        #expect(try store.ledger(on: Day(iso: "2026-11-17")!).map(\.request) == ["site totals", "Device", "site totals, 2-day", "Device, 2-day"])
    }

    @Test func twoMissedDaysAreRecoveredByA2DayAndA3DayPull() async throws {
        let clock = SteppingClock("2026-11-14T00:40:00Z")
        let server = try serve(clock)
        defer { server.stop() }
        let store = try MetricStore()
        _ = try await fetch(server, store, clock, at: "2026-11-14T00:40:00Z")
        let report = try await fetch(server, store, clock, at: "2026-11-17T00:40:00Z")

        #expect(
            report.recoveries.filter(\.recovered).map { "\($0.day.iso) \($0.request) \($0.numOfDays)" } == [
                "2026-11-15 site totals 2", "2026-11-14 site totals 3", "2026-11-15 Device 2", "2026-11-14 Device 3",
            ])
        try expectTruth(store, day: "2026-11-15", pulledAt: "2026-11-16T00:40:00Z")
        try expectTruth(store, day: "2026-11-14", pulledAt: "2026-11-15T00:40:00Z")
        #expect(report.budget.used == 6)
        #expect(try store.coverage().covered(.none).map(\.iso) == ["2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16"])
    }

    @Test func misalignedPullsAreNotDerivedAndTheBudgetIsNeverExceeded() async throws {
        let clock = SteppingClock("2026-11-13T00:40:00Z")
        let server = try serve(clock)
        defer { server.stop() }
        let store = try MetricStore()
        _ = try await fetch(server, store, clock, at: "2026-11-13T00:40:00Z")
        // Nov 14 00:40 missed. On Nov 15 other runs used 8 of the 10 requests: the plan fits, recovery does not.
        for index in 0..<8 { _ = try store.reserveRequest("other run \(index)", at: Instant(iso: "2026-11-15T00:00:00Z")!) }
        let squeezed = try await fetch(server, store, clock, at: "2026-11-15T00:40:00Z")
        #expect(squeezed.exitCode == 0)
        #expect(squeezed.budget.used == 10)
        #expect(try store.ledger(on: Day(iso: "2026-11-15")!).count == 10)
        #expect(server.requests.filter { $0.parameter("numOfDays") != "1" }.isEmpty)
        #expect(squeezed.recoveryStop == .budgetSpent)
        #expect(
            squeezed.pending.map(\.description) == [
                "2026-11-13 site totals: until 2026-11-16T12:00:00Z; no request left today",
                "2026-11-13 Device: until 2026-11-16T12:00:00Z; not asked, recovery stopped",
            ])

        // Nov 16's run comes at 05:00, 4 h 20 min after Nov 15's: a 3-day window would not line up with Nov 14's pull.
        let late = try await fetch(server, store, clock, at: "2026-11-16T05:00:00Z")
        #expect(late.recoveries.isEmpty)
        #expect(server.requests.filter { $0.parameter("numOfDays") != "1" }.isEmpty)
        let reason =
            "a 3-day pull now would not derive it: 2026-11-13 is not derived: the 1-day snapshot of 2026-11-14 was pulled 4 h 20 min before the window's day boundary, more than the 2 h allowed. Pull the 2- or 3-day window within 2 h of that day's pull time"
        #expect(
            late.pending.map(\.description) == [
                "2026-11-13 site totals: until 2026-11-16T12:00:00Z; \(reason)",
                "2026-11-13 Device: until 2026-11-16T12:00:00Z; \(reason)",
            ])
        #expect(late.summary.contains("Still recoverable (a 2- or 3-day pull before the time given):"))
        #expect(try store.derivedDays().isEmpty)
    }

    @Test func aLate1DayPullReplacesTheDerivedDay() async throws {
        let clock = SteppingClock("2026-11-15T00:40:00Z")
        let server = try serve(clock)
        defer { server.stop() }
        let store = try MetricStore()
        _ = try await fetch(server, store, clock, at: "2026-11-15T00:40:00Z")
        _ = try await fetch(server, store, clock, at: "2026-11-17T00:40:00Z")
        let nov15 = Day(iso: "2026-11-15")!
        #expect(try store.derivedDays(in: nov15...nov15).count == 2)

        // The missed run's response turns up (saved by a proxy, say) and is ingested.
        let bytes = FakeTraffic.body(dimensions: [], numOfDays: 1, now: Instant(iso: "2026-11-16T00:40:00Z")!)
        guard
            case .ingested(let snapshot) = try store.ingest(
                ResponseSubmission(bytes: bytes, pulledAt: Instant(iso: "2026-11-16T00:40:00Z")!, numOfDays: 1, source: "late.json"),
                at: Instant(iso: "2026-11-17T09:00:00Z")!)
        else {
            Issue.record("not ingested")
            return
        }
        #expect(snapshot.recoveries == [.replaced(DerivedDay(day: nov15, dimensions: .none, numOfDays: 2))])
        let site = try #require(try store.siteDays(in: nov15...nov15)[nov15])
        let truth = FakeTraffic.truth(endingAt: Instant(iso: "2026-11-16T00:40:00Z")!)
        #expect(site.sessions == Int64(truth.sessions))
        #expect(site.distinctUsers == Int64(truth.sessions * 8 / 10))
        #expect(try store.derivedDays(in: nov15...nov15) == [DerivedDay(day: nov15, dimensions: DimensionSet([.device]), numOfDays: 2)])
    }
}
