import ClarityDemo
import ClarityModel
import Testing

@testable import ClarityStore

@Suite("Reads of several periods at once")
struct PeriodQueriesTests {
    static let site = DemoSite(firstDay: Day(year: 2026, month: 11, day: 2)!, lastDay: Day(year: 2026, month: 11, day: 22)!)

    static func demoStore() throws -> MetricStore {
        let store = try MetricStore()
        for response in site.responses() {
            _ = try store.ingest(
                ResponseSubmission(bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: response.numOfDays, source: response.fileName),
                at: ingestClock)
        }
        return store
    }

    static func days(_ first: Int, _ last: Int) -> ClosedRange<Day> {
        Day(year: 2026, month: 11, day: first)!...Day(year: 2026, month: 11, day: last)!
    }

    @Test("sessions of several periods equal each period's own totals, read alone; days between the periods count for nothing")
    func sessionsOfPeriods() throws {
        let store = try Self.demoStore()
        // Two weeks with the week between them left out, and the sets the weekly report's earlier weeks read.
        let periods = [Self.days(16, 22), Self.days(2, 8)]
        let sets = [DimensionSet([.url]), DimensionSet([.device]), DimensionSet([.browser, .device])]
        let together = try store.segmentSessions(in: periods, dimensions: sets)
        #expect(together.count > 100)
        for (index, period) in periods.enumerated() {
            let alone = try store.segmentTotals(in: period, dimensions: sets)
            let expected = alone.map { entry -> SegmentTotals in
                var totals = Totals()
                totals.days = entry.totals.days
                totals.sessions = entry.totals.sessions
                totals.daysWithSessions = entry.totals.daysWithSessions
                return SegmentTotals(segment: entry.segment, totals: totals)
            }
            let read = together.compactMap { entry in entry.periods[index].map { SegmentTotals(segment: entry.segment, totals: $0.totals) } }
            // Same segments in the same (stored) order, same sessions and day counts.
            #expect(read == expected)
        }
        // A segment of the week left out only (none here has rows only then) would be missing; every entry has a period.
        #expect(together.allSatisfy { $0.periods.count == 2 && $0.periods.contains { $0 != nil } })
        #expect(try store.segmentSessions(in: [], dimensions: sets).isEmpty)
    }

    @Test("name lists of several periods equal the sums by hand: counts add, a name twice in one day counts that day once")
    func listsOfPeriods() throws {
        let store = try MetricStore()
        func pull(_ day: String, _ referrers: [(String, Int)]) throws {
            let rows = referrers.map { #"{"name": "\#($0.0)", "sessionsCount": "\#($0.1)"}"# }.joined(separator: ", ")
            let json = """
                [{"metricName": "Traffic", "information": [{"totalSessionCount": "100"}]},
                 {"metricName": "ReferrerUrl", "information": [\(rows)]}]
                """
            _ = try store.ingest(submission(Array(json.utf8), pulledAt: "\(day)T01:30:00Z", source: "\(day).json"), at: ingestClock)
        }
        // A pull early on a day holds the day before: these are Nov 16, 17 and 24, and Dec 2 (in no period).
        try pull("2026-11-17", [("https://a.example/", 5), ("https://b.example/", 2), ("https://a.example/", 1)])
        try pull("2026-11-18", [("https://a.example/", 3)])
        try pull("2026-11-25", [("https://b.example/", 7)])
        try pull("2026-12-03", [("https://c.example/", 9)])
        let lists = try store.listTotals(.referrerURL, in: [Self.days(16, 22), Self.days(23, 29), Self.days(9, 15)])
        #expect(
            lists == [
                [NamedCount(name: "https://a.example/", count: 9, days: 2), NamedCount(name: "https://b.example/", count: 2, days: 1)],
                [NamedCount(name: "https://b.example/", count: 7, days: 1)],
                [],
            ])
        #expect(try store.listTotals(.pageTitle, in: [Self.days(16, 22)]) == [[]])
    }

    @Test("the stored variants of pages: every segment of each pattern's breakdown with the pattern's other values, in key order")
    func variantsOfPages() throws {
        let store = try Self.demoStore()
        let browserPages = try store.segmentTotals(in: Self.days(16, 22), dimensions: [DimensionSet([.browser, .url])]).map(\.segment)
        let safari = try #require(browserPages.first { $0.value(of: .browser) == "Safari" })
        let anyURL = try #require(try store.segmentTotals(in: Self.days(16, 22), dimensions: [DimensionSet([.url])]).first?.segment)
        let variants = try store.segments(sharingAllBut: .url, with: [safari, anyURL])
        #expect(variants.count == 2)
        #expect(variants[0].contains(safari) && variants[0].allSatisfy { $0.value(of: .browser) == "Safari" && $0.dimensions == safari.dimensions })
        #expect(Set(variants[0]) == Set(browserPages.filter { $0.value(of: .browser) == "Safari" }).union(variants[0]))
        #expect(variants[0].map(\.key) == variants[0].map(\.key).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(variants[1].contains(anyURL) && variants[1].allSatisfy { $0.dimensions == DimensionSet([.url]) && !$0.isAggregate })
        let allURLs: Int64? = try store.scalar("SELECT COUNT(*) FROM segment WHERE dimensions = 'URL' AND is_aggregate = 0")
        #expect(Int64(variants[1].count) == allURLs)
        #expect(try store.segments(sharingAllBut: .url, with: []).isEmpty)
    }

    @Test("several segments' days in one read equal each segment's days read alone, per day in key order")
    func daysOfSegments() throws {
        let store = try Self.demoStore()
        let range = Self.days(10, 22)
        let pages = Array(try store.segmentTotals(in: range, dimensions: [DimensionSet([.url])]).map(\.segment).prefix(4))
        let devices = Array(try store.segmentTotals(in: range, dimensions: [DimensionSet([.device])]).map(\.segment).prefix(2))
        let together = try store.segmentDays(pages + devices, in: range)
        var expected: [Day: [Observation]] = [:]
        for segment in (pages + devices).sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            for (day, observation) in try store.segmentDays(segment, in: range) { expected[day, default: []].append(observation) }
        }
        #expect(!together.isEmpty)
        #expect(together == expected)
        // Read two segments a query, in key order across the batches, the days come out the same.
        #expect(try store.segmentDays(pages + devices, in: range, batch: 2) == expected)
        #expect(try store.segmentDays(pages + devices + pages, in: range, batch: 1) == expected)
        #expect(try store.segmentDays([Segment](), in: range).isEmpty)
    }
}
