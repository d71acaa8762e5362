import ClarityDemo
import ClarityModel
import Testing

@testable import ClarityStore

@Suite("Synthetic sites the benchmark builds its stores from")
struct BenchmarkSiteTests {
    let day = Day(year: 2026, month: 3, day: 4)!

    @Test("an API-max day is ten 1-day pulls: the site totals and nine breakdowns, each standing for the day")
    func maximalDayShape() throws {
        let site = MaximalSite(firstDay: day, lastDay: day)
        let responses = site.responses(on: day)
        #expect(responses.map(\.dimensions) == [.none] + site.breakdowns)
        #expect(Set(responses.map(\.pulledAt)).count == 10)
        #expect(responses.allSatisfy { $0.numOfDays == 1 && SnapshotWindow(pulledAt: $0.pulledAt, numOfDays: 1).attributedDay == day })
    }

    @Test("every metric of an API-max response sits at the 1,000-row cap, and ingest keeps every row")
    func maximalRowCap() throws {
        let site = MaximalSite(firstDay: day, lastDay: day)
        let store = try MetricStore()
        for response in site.responses(on: day) where response.dimensions.isEmpty || response.dimensions == DimensionSet([.os, .browser, .url]) {
            let parsed = try ExportParser.parse(response.bytes)
            #expect(parsed.dimensions == response.dimensions)
            #expect(parsed.warnings.isEmpty)
            let outcome = try store.ingest(
                ResponseSubmission(bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: 1, source: response.fileName),
                at: ingestClock)
            guard case .ingested(let snapshot) = outcome else {
                Issue.record("\(response.fileName) was not ingested")
                continue
            }
            if response.dimensions.isEmpty {
                #expect(parsed.observations.count == 1)
                #expect(parsed.breakdowns.count == BreakdownMetric.allCases.count * MaximalSite.rowCap)
            } else {
                #expect(parsed.observations.count == MaximalSite.rowCap)
                #expect(
                    parsed.observations.allSatisfy {
                        $0.sessions != nil && $0.signals.count == FrustrationSignal.allCases.count && $0.scrollDepth != nil
                    })
            }
            #expect(snapshot.standsForDay)
            #expect(snapshot.rowCount == parsed.rowCount)
        }
        #expect(try store.scalar("SELECT COUNT(*) FROM observation") == 1 + MaximalSite.rowCap)
    }

    @Test("the tail of an API-max breakdown drifts from day to day, so segments accumulate over a year")
    func maximalTailDrifts() throws {
        let site = MaximalSite(firstDay: day, lastDay: day.advanced(by: 1))
        let first = try ExportParser.parse(site.responses(on: day)[1].bytes)
        let second = try ExportParser.parse(site.responses(on: day.advanced(by: 1))[1].bytes)
        let shared = Set(first.observations.map(\.segment)).intersection(second.observations.map(\.segment))
        #expect(shared.count >= 800)
        #expect(shared.count < MaximalSite.rowCap)
    }

    @Test("the demo site over other days pulls every day but the missed ones, with its incidents on their own dates")
    func demoOverOtherDays() {
        let first = Day(year: 2026, month: 8, day: 17)!
        let last = Day(year: 2026, month: 8, day: 23)!
        let site = DemoSite(firstDay: first, lastDay: last)
        let responses = site.responses()
        let days = Set(responses.filter { $0.numOfDays == 1 }.map { SnapshotWindow(pulledAt: $0.pulledAt, numOfDays: 1).attributedDay })
        #expect(days == Set((first...last).filter { !site.missedDays.contains($0) }))
        #expect(responses.filter { $0.numOfDays == 3 }.count == 1)
        #expect(site.responses(on: Day(year: 2026, month: 8, day: 19)!).isEmpty)
    }
}
