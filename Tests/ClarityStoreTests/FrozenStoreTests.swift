import ClarityModel
import Testing

@testable import ClarityStore

/// A report reads the store in several queries; a frozen store answers all of them from one state.
@Suite struct FrozenStoreTests {
    @Test func aFrozenStoreDoesNotSeeLaterIngests() throws {
        let store = try MetricStore(path: temporaryStorePath())
        _ = try store.ingest(submission(try fixture("20261117T013000Z_1d.json")), at: ingestClock)
        let frozen = try store.frozen()
        _ = try store.ingest(submission(try fixture("20261117T013500Z_1d_Device.json"), pulledAt: "2026-11-17T01:35:00Z"), at: ingestClock)
        #expect(try frozen.status().snapshots == 1)
        #expect(try frozen.segmentTotals(in: Day(iso: "2026-11-16")!...Day(iso: "2026-11-16")!).isEmpty)
        #expect(try store.status().snapshots == 2)
        #expect(try store.frozen().segmentTotals(in: Day(iso: "2026-11-16")!...Day(iso: "2026-11-16")!).isEmpty == false)
    }
}
