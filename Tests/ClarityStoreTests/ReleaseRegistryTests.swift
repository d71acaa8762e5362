import ClarityDemo
import ClarityModel
import Foundation
import GRDB
import Testing

@testable import ClarityStore

@Suite("The release registry and the queries behind release comparisons")
struct ReleaseRegistryTests {
    func release(_ version: String, _ date: String, note: String = "", source: Release.Source = .manual) -> Release {
        Release(version: version, instant: Release.instant(parsing: date)!, note: note, source: source)
    }

    @Test("releases list earliest first, releases at the same instant by version, with their UTC day")
    func listOrder() throws {
        let store = try MetricStore()
        try store.addRelease(release("2.5", "2026-11-12T14:30Z", note: "Wishlist"))
        try store.addRelease(release("2.4.1", "2026-11-09"))
        try store.addRelease(release("2.4.0", "2026-11-09", source: .git))
        let releases = try store.releases()
        #expect(releases.map(\.version) == ["2.4.0", "2.4.1", "2.5"])
        #expect(releases[2] == release("2.5", "2026-11-12T14:30Z", note: "Wishlist"))
        #expect(releases[0].source == .git)
        let days: [String] = try store.read { db in try String.fetchAll(db, sql: "SELECT day FROM release ORDER BY version") }
        #expect(days == ["2026-11-09", "2026-11-09", "2026-11-12"])
    }

    @Test("adding a version twice is refused with what is recorded and what to do; the registry is unchanged")
    func duplicate() throws {
        let store = try MetricStore()
        let original = release("2.4.0", "2026-11-09", note: "Gallery")
        try store.addRelease(original)
        let error = #expect(throws: ReleaseError.self) { try store.addRelease(release("2.4.0", "2026-11-20")) }
        #expect(error == .alreadyRecorded(original))
        #expect(
            error?.description == "release 2.4.0 is already recorded (released 2026-11-09T00:00:00Z, manual). "
                + "To record it again, remove it first with `clarity-report release remove 2.4.0`.")
        #expect(try store.releases() == [original])
    }

    @Test("addReleaseIfMissing adds a new version and leaves a known one as it was")
    func addIfMissing() throws {
        let store = try MetricStore()
        let manual = release("v2.4.0", "2026-11-09", note: "Recorded by hand")
        try store.addRelease(manual)
        #expect(try store.addReleaseIfMissing(release("v2.4.0", "2026-11-10", source: .git)) == false)
        #expect(try store.addReleaseIfMissing(release("v2.5.0", "2026-11-16", source: .git)) == true)
        #expect(try store.releases() == [manual, release("v2.5.0", "2026-11-16", source: .git)])
    }

    @Test("removing returns what was recorded; an unknown version is an error")
    func remove() throws {
        let store = try MetricStore()
        try store.addRelease(release("2.4.0", "2026-11-09"))
        try store.addRelease(release("2.5", "2026-11-12"))
        #expect(try store.removeRelease(version: "2.4.0") == release("2.4.0", "2026-11-09"))
        #expect(try store.releases().map(\.version) == ["2.5"])
        let error = #expect(throws: ReleaseError.self) { try store.removeRelease(version: "2.4.0") }
        #expect(error == .unknownVersion("2.4.0"))
        #expect(error?.description == "no release \"2.4.0\" is recorded. `clarity-report release list` shows the recorded versions.")
    }

    @Test("releases persist in a store file, which records the v3-releases migration")
    func persisted() throws {
        let path = temporaryStorePath()
        try MetricStore(path: path).addRelease(release("2.4.0", "2026-11-09T10:15Z"))
        let reopened = try MetricStore(path: path)
        #expect(try reopened.releases() == [release("2.4.0", "2026-11-09T10:15Z")])
        let migrations: [String] = try reopened.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(
            migrations == [
                "v1-snapshots-observations", "v2-fetch-budget", "v3-releases", "v4-raw-encoding", "v5-derived-days", "v6-derived-blocks",
                "v7-alert-anomalies",
            ])
    }

    /// Every response of the demo site, made once for all tests.
    static let demoResponses = DemoSite().responses()

    /// A store holding the demo site's site totals, Device and Browser responses for some days.
    func demoStore(_ days: ClosedRange<Day>) throws -> MetricStore {
        let store = try MetricStore()
        let wanted: Set<DimensionSet> = [.none, DimensionSet([.device]), DimensionSet([.browser])]
        for response in Self.demoResponses
        where response.numOfDays == 1 && wanted.contains(response.dimensions)
            && days.contains(response.pulledAt.day.advanced(by: -1))
        {
            _ = try store.ingest(
                ResponseSubmission(bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: 1, source: response.fileName), at: ingestClock)
        }
        return store
    }

    @Test("segment totals over a list of days equal the sum of each day's totals")
    func segmentTotalsOnDays() throws {
        let store = try demoStore(Day(iso: "2026-11-12")!...Day(iso: "2026-11-14")!)
        let first = Day(iso: "2026-11-12")!
        let third = Day(iso: "2026-11-14")!
        let sets = [DimensionSet([.browser])]
        func sessions(_ totals: [SegmentTotals]) -> [String: Int64] {
            Dictionary(uniqueKeysWithValues: totals.map { ($0.segment.value(of: .browser)!, $0.totals.sessions) })
        }
        let both = sessions(try store.segmentTotals(on: [third, first], dimensions: sets))
        let one = sessions(try store.segmentTotals(in: first...first, dimensions: sets))
        let other = sessions(try store.segmentTotals(in: third...third, dimensions: sets))
        #expect(!both.isEmpty)
        #expect(both == one.merging(other, uniquingKeysWith: +))
        #expect(
            try store.segmentTotals(on: [first, first.advanced(by: 1), third], dimensions: sets)
                == store.segmentTotals(in: first...third, dimensions: sets))
        #expect(try store.segmentTotals(on: [], dimensions: sets).isEmpty)
        #expect(try store.segmentTotals(on: [first], dimensions: sets).allSatisfy { $0.totals.days == 1 })
    }

    @Test("the impact input of the demo's 2.6.0 reads a running window around the missed Wednesday")
    func runningWindowFromStore() throws {
        let store = try demoStore(Day(iso: "2026-11-08")!...Day(iso: "2026-11-22")!)
        let checkout = release("2.6.0", "2026-11-17")
        let input = try store.releaseImpactInput(for: checkout, among: [checkout])
        // D = Tue Nov 17; the store ends on Sun Nov 22: Wed 18 … Sun 22 have happened (5 of 7), Mon and Tue wait;
        // the demo's cron missed Wed Nov 11, so Wednesday is left out on both sides.
        #expect(input.window.asOf == Day(iso: "2026-11-22")!)
        #expect(
            input.window.coverageText
                == "5 of 7 days so far, through Sun Nov 22; 4 of 7 weekdays compared so far (Thu, Fri, Sat, Sun); Wed left out: no data on Wed Nov 11."
        )
        #expect(input.window.keptBefore.map(\.iso) == ["2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"])
        #expect(input.window.keptAfter.map(\.iso) == ["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"])
        #expect(Set(input.beforeSegments.map(\.segment.dimensions)) == [DimensionSet([.device]), DimensionSet([.browser])])
        #expect(input.beforeSegments.allSatisfy { $0.totals.days == 4 })
        let sessions = ReleaseImpact.build(input).kpis.first { $0.id == "sessions" }!
        let keptSessions = input.window.keptBefore.compactMap { input.siteDays[$0]?.sessions }.reduce(0, +)
        #expect(sessions.before == Double(keptSessions))
        #expect(sessions.verdict == .pending)

        let asOfThursday = try store.releaseImpactInput(for: checkout, among: [checkout], asOf: Day(iso: "2026-11-19")!)
        #expect(asOfThursday.window.progressText == "2 of 7 days so far")
        #expect(asOfThursday.siteDays.keys.allSatisfy { $0 <= Day(iso: "2026-11-19")! })
    }

    @Test("the demo's 2.4.0 shows its dead-click regression, worst on Safari")
    func completeWindowFromStore() throws {
        let store = try demoStore(Day(iso: "2026-09-08")!...Day(iso: "2026-09-22")!)
        let gallery = release("2.4.0", "2026-09-15", note: "Redesigned product gallery")
        let impact = ReleaseImpact.build(try store.releaseImpactInput(for: gallery, among: [gallery]))
        #expect(impact.isComplete)
        #expect(impact.coverageText == "7 of 7 weekdays compared.")
        let deadClicks = impact.kpis.first { $0.id == "deadClickRate" }!
        #expect(deadClicks.verdict == .significant)
        #expect(deadClicks.direction == "up")
        func change(_ browser: String) -> Double {
            impact.browsers.first { $0.value == browser }!.rates.first { $0.id == "deadClickRate" }!.change!
        }
        // The demo multiplies dead clicks by 1.35 everywhere and by a further 1.6 × P(Safari).
        #expect(change("Safari") > 2 * change("Chrome"))
        #expect(impact.findings.contains { $0.hasPrefix("Dead clicks rose from") })
        #expect(impact.findings.contains { $0.hasPrefix("Dead clicks rose on") && $0.contains("Safari") })
    }
}
