import ClarityDemo
import ClarityModel
import GRDB
import Testing

@testable import ClarityStore

@Suite("Segment totals over a range of days")
struct SegmentTotalsTests {
    /// The totals SQLite's own SUM and COUNT give for the same rows: what `segmentTotals` must equal, bit for bit.
    func sqlTotals(_ store: MetricStore, _ range: ClosedRange<Day>, dimensions: [DimensionSet]? = nil) throws -> [Int64: Totals] {
        var filter = ""
        var arguments: [String] = [range.lowerBound.iso, range.upperBound.iso]
        if let dimensions {
            filter = " AND d.dimensions IN (\(dimensions.map { _ in "?" }.joined(separator: ", ")))"
            arguments += dimensions.map(\.key)
        }
        let signals = FrustrationSignal.allCases.map { signal in
            "SUM(CASE WHEN o.\(signal.columnStem)_pct IS NOT NULL THEN o.\(signal.columnStem)_sessions END), SUM(o.\(signal.columnStem)_sessions * o.\(signal.columnStem)_pct) / 100.0"
        }
        let means = SegmentSums.meanColumns.map { "SUM(o.\($0.column) * o.sessions), SUM(CASE WHEN o.\($0.column) IS NOT NULL THEN o.sessions END)" }
        let sql = """
            SELECT s.id, COUNT(*), COALESCE(SUM(o.sessions), 0), COUNT(o.sessions), COALESCE(SUM(o.bot_sessions), 0), COUNT(o.bot_sessions),
                   COALESCE(SUM(o.distinct_users), 0), COUNT(o.distinct_users), \((signals + means).joined(separator: ", "))
            FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id JOIN segment s ON s.id = o.segment_id
            WHERE d.day BETWEEN ? AND ? AND d.dimensions <> '' AND s.is_aggregate = 0\(filter)
            GROUP BY s.id
            """
        let frozen = arguments
        return try store.read { db in
            var result: [Int64: Totals] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(frozen)) {
                var totals = Totals()
                totals.days = row[1]
                totals.sessions = row[2]
                totals.daysWithSessions = row[3]
                totals.botSessions = row[4]
                totals.daysWithBotSessions = row[5]
                totals.dailyUsersSum = row[6]
                totals.daysWithUsers = row[7]
                for (index, signal) in FrustrationSignal.allCases.enumerated() {
                    if let sessions = row[8 + 2 * index] as Double?, let with = row[9 + 2 * index] as Double? {
                        totals.signals[signal] = SignalTotals(sessions: sessions, withSignal: with)
                    }
                }
                for (index, mean) in SegmentSums.meanColumns.enumerated() {
                    if let sum = row[20 + 2 * index] as Double?, let weight = row[21 + 2 * index] as Double? {
                        totals.means[mean.metric] = WeightedSum(weightedValues: sum, weight: weight)
                    }
                }
                result[row[0]] = totals
            }
            return result
        }
    }

    func segmentIDs(_ store: MetricStore, _ totals: [SegmentTotals]) throws -> [Int64] {
        try totals.map { entry in
            try #require(try store.scalar("SELECT id FROM segment WHERE key = ?", [entry.segment.key]) as Int64?)
        }
    }

    @Test("on the demo's last weeks, every breakdown's totals equal SQLite's SUM and COUNT to the bit, in segment order")
    func demoWeeks() throws {
        let site = DemoSite(firstDay: Day(year: 2026, month: 11, day: 2)!, lastDay: Day(year: 2026, month: 11, day: 22)!)
        let store = try MetricStore()
        for response in site.responses() {
            _ = try store.ingest(
                ResponseSubmission(
                    bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: response.numOfDays,
                    source: response.fileName), at: ingestClock)
        }
        // The last week holds the long URL breakdown of the capped day, whose aggregate row must stay out.
        for range in [Day(year: 2026, month: 11, day: 16)!...Day(year: 2026, month: 11, day: 22)!, site.firstDay...site.lastDay] {
            let totals = try store.segmentTotals(in: range)
            let ids = try segmentIDs(store, totals)
            #expect(ids == ids.sorted())
            #expect(totals.count > 500)
            #expect(totals.allSatisfy { !$0.segment.isAggregate })
            let expected = try sqlTotals(store, range)
            #expect(Dictionary(uniqueKeysWithValues: zip(ids, totals.map(\.totals))) == expected)
        }
        let devices = try store.segmentTotals(in: site.firstDay...site.lastDay, dimensions: [DimensionSet([.device])])
        #expect(devices.map(\.segment.label) == ["Device = Mobile", "Device = PC", "Device = Tablet", "Device = Other"])
        #expect(
            Dictionary(uniqueKeysWithValues: zip(try segmentIDs(store, devices), devices.map(\.totals)))
                == (try sqlTotals(store, site.firstDay...site.lastDay, dimensions: [DimensionSet([.device])])))
    }

    @Test("missing figures are skipped as SQL skips NULLs; days outside the range and aggregate rows count for nothing")
    func missingFigures() throws {
        let store = try MetricStore()
        func pull(_ day: String, _ traffic: String, _ rage: String) throws {
            let json = """
                [{"metricName": "Traffic", "information": [\(traffic)]},
                 {"metricName": "RageClickCount", "information": [\(rage)]},
                 {"metricName": "ScrollDepth", "information": [{"averageScrollDepth": 50, "Device": "PC"}]}]
                """
            _ = try store.ingest(submission(Array(json.utf8), pulledAt: "\(day)T01:30:00Z", source: "\(day).json"), at: ingestClock)
        }
        try pull(
            "2026-11-17",
            #"{"totalSessionCount": "100", "Device": "PC"}, {"totalSessionCount": "", "distinctUserCount": "7", "Device": "Mobile"}, {"totalSessionCount": "900", "Device": null}"#,
            #"{"sessionsCount": "100", "sessionsWithMetricPercentage": 3.3, "Device": "PC"}, {"sessionsCount": "40", "sessionsWithMetricPercentage": null, "Device": "Mobile"}"#
        )
        try pull(
            "2026-11-18", #"{"totalSessionCount": "300", "totalBotSessionCount": "2", "Device": "PC"}"#,
            #"{"sessionsCount": "300", "sessionsWithMetricPercentage": 1.1, "Device": "PC"}"#)
        try pull(
            "2026-11-19", #"{"totalSessionCount": "5000", "Device": "PC"}"#,
            #"{"sessionsCount": "5000", "sessionsWithMetricPercentage": 50, "Device": "PC"}"#)
        let range = Day(year: 2026, month: 11, day: 16)!...Day(year: 2026, month: 11, day: 17)!
        let totals = try store.segmentTotals(in: range)
        #expect(totals.map(\.segment.label) == ["Device = PC", "Device = Mobile"])
        let pc = try #require(totals.first).totals
        #expect(pc.days == 2 && pc.sessions == 400 && pc.daysWithSessions == 2 && pc.botSessions == 2 && pc.daysWithBotSessions == 1)
        #expect(pc.signals[.rageClick] == SignalTotals(sessions: 400, withSignal: (100 * 3.3 + 300 * 1.1) / 100))
        #expect(pc.means[.scrollDepth] == WeightedSum(weightedValues: 50 * 100 + 50 * 300, weight: 400))
        let mobile = try #require(totals.last).totals
        #expect(mobile.days == 1 && mobile.sessions == 0 && mobile.daysWithSessions == 0 && mobile.dailyUsersSum == 7 && mobile.daysWithUsers == 1)
        #expect(mobile.signals.isEmpty && mobile.means.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: zip(try segmentIDs(store, totals), totals.map(\.totals))) == (try sqlTotals(store, range)))
    }
}
