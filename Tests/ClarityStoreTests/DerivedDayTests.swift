import ClarityModel
import Testing

@testable import ClarityStore

@Suite("Missed days derived from 2- and 3-day snapshots")
struct DerivedDayTests {
    /// A site-totals response: sessions, bots, users, pages per session, one signal's percentage and the scroll depth.
    static func siteTotals(sessions: Int, bots: Int, users: Int, pages: Double, rage: Double, scroll: Double) -> [UInt8] {
        Array(
            """
            [{"metricName": "Traffic", "information": [{"totalSessionCount": "\(sessions)", "totalBotSessionCount": "\(bots)", "distinctUserCount": "\(users)", "pagesPerSessionPercentage": \(pages)}]},
             {"metricName": "RageClickCount", "information": [{"sessionsCount": "\(sessions)", "sessionsWithMetricPercentage": \(rage), "sessionsWithoutMetricPercentage": \(100 - rage), "pagesViews": "1", "subTotal": "1"}]},
             {"metricName": "ScrollDepth", "information": [{"averageScrollDepth": \(scroll)}]}]
            """.utf8)
    }

    /// Nov 2: 400 sessions; Nov 3: 600; the 2-day window of Nov 4 00:40 holds both.
    static let nov3 = siteTotals(sessions: 600, bots: 20, users: 500, pages: 2.5, rage: 5, scroll: 40)
    static let twoDays = siteTotals(sessions: 1_000, bots: 50, users: 800, pages: 3, rage: 10, scroll: 50)
    static let nov2 = siteTotals(sessions: 400, bots: 30, users: 330, pages: 3.75, rage: 17.5, scroll: 65)

    static func ingest(_ store: MetricStore, _ bytes: [UInt8], _ pulledAt: String, days: Int = 1) throws -> StoredSnapshot {
        guard case .ingested(let snapshot) = try store.ingest(submission(bytes, pulledAt: pulledAt, days: days), at: ingestClock) else {
            throw IngestError(source: "test", message: "not ingested")
        }
        return snapshot
    }

    @Test("a 2-day snapshot minus the aligned 1-day snapshot of its later day stands for the earlier day, marked derived")
    func derivedStandsForTheDay() throws {
        let store = try MetricStore()
        _ = try Self.ingest(store, Self.nov3, "2026-11-04T01:10:00Z")
        let window = try Self.ingest(store, Self.twoDays, "2026-11-04T00:40:00Z", days: 2)
        let nov2 = Day(iso: "2026-11-02")!
        let derived = DerivedDay(day: nov2, dimensions: .none, numOfDays: 2)
        guard case .derived(let day, let id, 1, 0)? = window.recoveries.first else {
            Issue.record("not derived: \(window.recoveries)")
            return
        }
        #expect(day == derived)
        let site = try #require(try store.siteDays(in: nov2...nov2)[nov2])
        #expect(site.sessions == 400)
        #expect(site.botSessions == 30)
        #expect(site.distinctUsers == nil)
        #expect(site.pagesPerSession == 3.75)
        #expect(site.signals[.rageClick]?.percentage == 17.5)
        #expect(site.scrollDepth == 65)
        let status = try store.status()
        #expect(status.derivedDays == [derived])
        #expect(status.snapshots == 2)
        #expect(status.coverage.first?.days == [nov2, nov2.advanced(by: 1)])
        #expect(try store.rawResponse(snapshotID: id) == nil)
        let origin = try #require(try store.derivation(ofSnapshot: id))
        #expect(origin.day == derived)
        #expect(origin.from == window.id)
        #expect(origin.subtracted == [1])
        #expect(try store.derivation(ofSnapshot: window.id) == nil)
    }

    @Test("the 1-day snapshot ingested after the 2-day one completes the window just the same")
    func orderDoesNotMatter() throws {
        let store = try MetricStore()
        _ = try Self.ingest(store, Self.twoDays, "2026-11-04T00:40:00Z", days: 2)
        // Alone, the 2-day pull is a block of both its days; Nov 3's pull then splits it.
        let nov2to3 = DerivedBlock(days: Day(iso: "2026-11-02")!...Day(iso: "2026-11-03")!, dimensions: .none, numOfDays: 2)
        #expect(try store.derivedBlocks().map(\.days) == [nov2to3.days])
        let late = try Self.ingest(store, Self.nov3, "2026-11-04T01:10:00Z")
        #expect(late.recoveries.count == 2)
        #expect(late.recoveries.last == .blockRemoved(nov2to3))
        #expect(try store.derivedBlocks().isEmpty)
        #expect(try store.derivedDays() == [DerivedDay(day: Day(iso: "2026-11-02")!, dimensions: .none, numOfDays: 2)])
    }

    @Test("a neighbour pulled 3 hours off derives nothing and the reason names the offset; nothing is stored for the day")
    func misalignedIsRefused() throws {
        let store = try MetricStore()
        _ = try Self.ingest(store, Self.nov3, "2026-11-04T03:40:00Z")
        let window = try Self.ingest(store, Self.twoDays, "2026-11-04T00:40:00Z", days: 2)
        #expect(
            window.recoveries.map(\.description) == [
                "snapshot 2 derived no day: 2026-11-02 is not derived: the 1-day snapshot of 2026-11-03 was pulled 3 h after the window's day boundary, more than the 2 h allowed. Pull the 2- or 3-day window within 2 h of that day's pull time"
            ])
        #expect(try store.derivedDays().isEmpty)
        #expect(try store.coverage().covered(.none) == [Day(iso: "2026-11-03")!])
    }

    @Test("the day's own 1-day snapshot, ingested later, replaces the derived figures and removes them")
    func realSnapshotReplacesDerived() throws {
        let store = try MetricStore()
        _ = try Self.ingest(store, Self.nov3, "2026-11-04T01:10:00Z")
        _ = try Self.ingest(store, Self.twoDays, "2026-11-04T00:40:00Z", days: 2)
        let real = try Self.ingest(
            store, Self.siteTotals(sessions: 405, bots: 31, users: 333, pages: 3.7, rage: 17, scroll: 64), "2026-11-03T00:50:00Z")
        #expect(real.standsForDay)
        #expect(real.recoveries == [.replaced(DerivedDay(day: Day(iso: "2026-11-02")!, dimensions: .none, numOfDays: 2))])
        let nov2 = Day(iso: "2026-11-02")!
        #expect(try store.siteDays(in: nov2...nov2)[nov2]?.sessions == 405)
        #expect(try store.siteDays(in: nov2...nov2)[nov2]?.distinctUsers == 333)
        #expect(try store.derivedDays().isEmpty)
        let leftovers: Int? = try store.scalar("SELECT COUNT(*) FROM snapshot WHERE sha256 LIKE 'derived:%'")
        #expect(leftovers == 0)
        #expect(try store.status().snapshots == 3)
    }

    @Test("two missing days of a 3-day pull are kept as a block: no daily figures, its sum readable; a day pulled later breaks it up")
    func blockKeptThenBrokenUp() throws {
        let store = try MetricStore()
        // Nov 4 (pulled Nov 5 00:40) has its own pull; Nov 2 and Nov 3 do not.
        _ = try Self.ingest(store, Self.siteTotals(sessions: 700, bots: 10, users: 600, pages: 2, rage: 4, scroll: 50), "2026-11-05T00:40:00Z")
        let window = try Self.ingest(
            store, Self.siteTotals(sessions: 1_700, bots: 60, users: 1_200, pages: 2.5, rage: 10, scroll: 45),
            "2026-11-05T00:40:00Z", days: 3)
        let nov2 = Day(iso: "2026-11-02")!
        let nov3 = Day(iso: "2026-11-03")!
        let block = DerivedBlock(days: nov2...nov3, dimensions: .none, numOfDays: 3)
        guard case .block(block, _, 1)? = window.recoveries.first else {
            Issue.record("no block: \(window.recoveries)")
            return
        }
        #expect(try store.siteDays(in: nov2...nov3).isEmpty)
        let stored = try #require(try store.derivedBlocks().first)
        #expect(stored.days == nov2...nov3)
        #expect(stored.site?.sessions == 1_000)
        #expect(stored.site?.botSessions == 50)
        // 1,700 × 10 % − 700 × 4 % = 170 − 28 = 142 of 1,000 sessions.
        #expect(abs((stored.site?.signals[.rageClick]?.percentage ?? 0) - 14.2) < 1e-9)
        #expect(try store.status().snapshots == 2)
        #expect(try store.status().multiDaySnapshots == 1)

        // Nov 3's own pull arrives: Nov 2 is now the window's one missing day, and the block goes.
        let nov3Pull = try Self.ingest(
            store, Self.siteTotals(sessions: 600, bots: 20, users: 500, pages: 2, rage: 5, scroll: 40), "2026-11-04T00:40:00Z")
        #expect(
            nov3Pull.recoveries.contains { recovery in
                if case .derived(DerivedDay(day: nov2, dimensions: .none, numOfDays: 3), _, 1, 0) = recovery { return true }
                return false
            })
        #expect(nov3Pull.recoveries.last == .blockRemoved(block))
        #expect(try store.derivedBlocks().isEmpty)
        #expect(try store.siteDays(in: nov2...nov2)[nov2]?.sessions == 400)
    }

    @Test("a failed derivation inside an ingest leaves nothing behind: a bad 2-day response changes nothing")
    func badResponseChangesNothing() throws {
        let store = try MetricStore()
        _ = try Self.ingest(store, Self.nov3, "2026-11-04T01:10:00Z")
        let before = try store.fingerprint()
        #expect(throws: IngestError.self) {
            try store.ingest(
                submission(
                    Array("[{\"metricName\": \"Traffic\", \"information\": [{\"totalSessionCount\": 12}".utf8),
                    pulledAt: "2026-11-04T00:40:00Z", days: 2), at: ingestClock)
        }
        #expect(try store.fingerprint() == before)
    }
}
