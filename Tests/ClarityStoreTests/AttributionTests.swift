import ClarityModel
import Foundation
import Testing

@testable import ClarityStore

@Suite("Day attribution and coverage")
struct AttributionTests {
    let bytes: [UInt8]
    let other: [UInt8]

    init() throws {
        bytes = try fixture("20261117T013000Z_1d.json")
        other = try fixture("20260301T020000Z_1d_docs-spelling.json")
    }

    @Test("a 1-day snapshot belongs to the UTC day holding the middle of its window")
    func middleOfWindow() throws {
        let store = try MetricStore()
        guard case .ingested(let snapshot) = try store.ingest(submission(bytes, pulledAt: "2026-11-17T01:30:00Z"), at: ingestClock) else {
            Issue.record("not ingested")
            return
        }
        #expect(snapshot.day == Day(iso: "2026-11-16"))
        #expect(snapshot.standsForDay)
        #expect(try store.coverage().covered(.none) == [Day(iso: "2026-11-16")!])
    }

    @Test("of two pulls for one day, the one overlapping it more stands for it, whatever the ingest order")
    func bestOverlapWins() throws {
        for order in [[0, 1], [1, 0]] {
            let store = try MetricStore()
            // 00:30 on the 17th covers 23.5 h of the 16th; 10:00 on the 17th covers 14 h of it (its middle is 22:00 on the 16th).
            let pulls = [
                submission(bytes, pulledAt: "2026-11-17T00:30:00Z", source: "early"),
                submission(other, pulledAt: "2026-11-17T10:00:00Z", source: "late"),
            ]
            for index in order { _ = try store.ingest(pulls[index], at: ingestClock) }
            let chosen: String? = try store.scalar(
                "SELECT s.source FROM day_snapshot d JOIN snapshot s ON s.id = d.snapshot_id WHERE d.day = '2026-11-16'")
            #expect(chosen == "early")
            #expect(try store.status().supersededSnapshots == 1)
        }
    }

    @Test("equal overlaps go to the later pull")
    func tieGoesToLaterPull() throws {
        let store = try MetricStore()
        // Both windows hold the whole of Nov 16 only if pulled at midnight; two pulls at 00:00 and 00:00 would be equal, so use
        // windows that both cover 24 h of the day: pulled exactly at the day's end, from two sources a second apart is not equal.
        // Instead: 23:00 on the 16th covers 23 h of it, 01:00 on the 17th covers 23 h of it too.
        _ = try store.ingest(submission(bytes, pulledAt: "2026-11-17T01:00:00Z", source: "after"), at: ingestClock)
        _ = try store.ingest(submission(other, pulledAt: "2026-11-16T23:00:00Z", source: "before"), at: ingestClock)
        let chosen: String? = try store.scalar(
            "SELECT s.source FROM day_snapshot d JOIN snapshot s ON s.id = d.snapshot_id WHERE d.day = '2026-11-16'")
        #expect(chosen == "after")
    }

    @Test("coverage is kept per dimension set")
    func coveragePerDimensionSet() throws {
        let store = try MetricStore()
        _ = try store.ingest(submission(bytes, pulledAt: "2026-11-17T01:30:00Z"), at: ingestClock)
        _ = try store.ingest(submission(other, pulledAt: "2026-11-19T01:30:00Z"), at: ingestClock)
        _ = try store.ingest(submission(try fixture("20261117T013500Z_1d_Device.json"), pulledAt: "2026-11-17T01:35:00Z"), at: ingestClock)
        let coverage = try store.coverage()
        #expect(coverage.covered(.none).map(\.iso) == ["2026-11-16", "2026-11-18"])
        #expect(coverage.covered(DimensionSet([.device])).map(\.iso) == ["2026-11-16"])
        let status = try store.status()
        #expect(status.span == Day(iso: "2026-11-16")!...Day(iso: "2026-11-18")!)
        let none = status.coverage.first { $0.dimensions == .none }
        #expect(none?.missing.map(\.iso) == ["2026-11-17"])
        #expect(status.latestPull == instant("2026-11-19T01:30:00Z"))
    }
}
