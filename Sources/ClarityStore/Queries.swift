import ClarityModel
import GRDB

extension MetricStore {
    /// The site totals (no-dimension snapshot) of every covered day in a range.
    public func siteDays(in range: ClosedRange<Day>) throws -> [Day: Observation] {
        try segmentDays(.site, in: range)
    }

    /// One segment's figures on every day in a range that its breakdown covers.
    public func segmentDays(_ segment: Segment, in range: ClosedRange<Day>) throws -> [Day: Observation] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.day, o.* FROM day_snapshot d
                    JOIN observation o ON o.snapshot_id = d.snapshot_id
                    JOIN segment s ON s.id = o.segment_id
                    WHERE d.dimensions = ? AND d.day BETWEEN ? AND ? AND s.key = ?
                    """, arguments: [segment.dimensions.key, range.lowerBound.iso, range.upperBound.iso, segment.key])
            var result: [Day: Observation] = [:]
            for row in rows {
                guard let day = Day(iso: row["day"]) else { continue }
                result[day] = Self.observation(from: row, segment: segment)
            }
            return result
        }
    }

    static func observation(from row: Row, segment: Segment) -> Observation {
        var signals: [FrustrationSignal: SignalFigures] = [:]
        for signal in FrustrationSignal.allCases {
            let stem = signal.columnStem
            let figures = SignalFigures(
                sessions: row["\(stem)_sessions"], percentage: row["\(stem)_pct"], withoutPercentage: row["\(stem)_without_pct"],
                pageViews: row["\(stem)_page_views"], events: row["\(stem)_events"])
            if figures != SignalFigures() { signals[signal] = figures }
        }
        return Observation(
            segment: segment, sessions: row["sessions"], botSessions: row["bot_sessions"], distinctUsers: row["distinct_users"],
            pagesPerSession: row["pages_per_session"], signals: signals, scrollDepth: row["scroll_depth"],
            totalTime: row["total_time"], activeTime: row["active_time"])
    }

    /// Every segment (aggregate rows left out) of every dimension set, summed over the covered days of a range.
    public func segmentTotals(in range: ClosedRange<Day>, dimensions: [DimensionSet]? = nil) throws -> [SegmentTotals] {
        try segmentTotals(where: "d.day BETWEEN ? AND ?", days: [range.lowerBound.iso, range.upperBound.iso], dimensions: dimensions)
    }

    /// Segment totals holding only sessions and day counts (no signals, no means): what a count's history and a
    /// value's presence need, read at a fraction of the cost of every figure.
    public func segmentSessions(in range: ClosedRange<Day>, dimensions: [DimensionSet]) throws -> [SegmentTotals] {
        try segmentTotals(
            where: "d.day BETWEEN ? AND ?", days: [range.lowerBound.iso, range.upperBound.iso], dimensions: dimensions, sessionsOnly: true)
    }

    /// Segment totals over the days a condition on `d.day` selects, with the condition's arguments.
    ///
    /// The rows are summed here rather than with SQL's SUM: at the API's maximum a week holds 63,000 rows, and
    /// SQLite's GROUP BY with 27 aggregates each took three times as long as this loop. The sums follow SQL's rules
    /// (NULLs skipped, a sum of nothing is missing) and add in the same order, so the figures are the same to the bit.
    func segmentTotals(where dayCondition: String, days: [String], dimensions: [DimensionSet]?, sessionsOnly: Bool = false) throws
        -> [SegmentTotals]
    {
        var filter = "\(dayCondition) AND d.dimensions <> ''"
        var arguments = days
        if let dimensions {
            filter += " AND d.dimensions IN (\(dimensions.map { _ in "?" }.joined(separator: ", ")))"
            arguments += dimensions.map(\.key)
        }
        let rowsSQL = """
            SELECT o.segment_id, \((sessionsOnly ? ["sessions"] : SegmentSums.columns).map { "o.\($0)" }.joined(separator: ", "))
            FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id
            WHERE \(filter)
            """
        let segmentsSQL = """
            SELECT id, dimensions, \(Dimension.allCases.map(Self.segmentColumn).joined(separator: ", ")) FROM segment
            WHERE is_aggregate = 0 AND id IN (SELECT o.segment_id FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id WHERE \(filter))
            ORDER BY id
            """
        let frozen = StatementArguments(arguments)
        return try read { db in
            var sums: [Int64: SegmentSums] = [:]
            let rows = try Row.fetchCursor(db, sql: rowsSQL, arguments: frozen)
            while let row = try rows.next() {
                if sessionsOnly {
                    sums[row[0], default: SegmentSums()].addSessions(row[1])
                } else {
                    sums[row[0], default: SegmentSums()].add(row, from: 1)
                }
            }
            var sets: [String: DimensionSet?] = [:]
            var result: [SegmentTotals] = []
            let segments = try Row.fetchCursor(db, sql: segmentsSQL, arguments: frozen)
            while let row = try segments.next() {
                let key: String = row[1]
                if sets[key] == nil { sets[key] = DimensionSet(key: key) }
                guard let set = sets[key] ?? nil, let segmentSums = sums.removeValue(forKey: row[0]) else { continue }
                let values = set.dimensions.map { dimension in
                    Segment.DimensionValue(dimension, row[2 + Dimension.allCases.firstIndex(of: dimension)!] as String?)
                }
                result.append(SegmentTotals(segment: Segment(values), totals: segmentSums.totals))
            }
            return result
        }
    }

    static func segmentColumn(_ dimension: Dimension) -> String {
        switch dimension {
        case .browser: return "browser"
        case .device: return "device"
        case .os: return "os"
        case .country: return "country"
        case .source: return "source"
        case .medium: return "medium"
        case .campaign: return "campaign"
        case .channel: return "channel"
        case .url: return "url"
        }
    }

    /// The latest ISO week whose Sunday the store covers with site totals; nil for an empty store.
    public func latestCompleteWeek() throws -> ISOWeek? {
        guard let day = try latestSiteDay() else { return nil }
        let week = ISOWeek(containing: day)
        return day == week.lastDay ? week : week.previous
    }

    /// The latest day the store covers with site totals (the no-dimension snapshot); nil for an empty store.
    public func latestSiteDay() throws -> Day? {
        let last: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT MAX(day) FROM day_snapshot WHERE dimensions = ''")
        }
        return last.flatMap(Day.init(iso:))
    }

    /// When the latest response was pulled; nil for an empty store.
    public func latestPull() throws -> Instant? {
        let seconds: Int64? = try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(pulled_at) FROM snapshot") }
        return seconds.map(Instant.init(seconds:))
    }
}

extension MetricStore {
    /// The breakdowns standing for days in a range whose response reached the API's row cap (about 1,000 rows), in day order.
    public func cappedBreakdowns(in range: ClosedRange<Day>, threshold: Int = 1_000) throws -> [CappedBreakdown] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.day, d.dimensions, COUNT(*) AS rows FROM day_snapshot d
                    JOIN observation o ON o.snapshot_id = d.snapshot_id
                    WHERE d.day BETWEEN ? AND ? AND d.dimensions <> ''
                    GROUP BY d.day, d.dimensions HAVING COUNT(*) >= ?
                    ORDER BY d.day, d.dimensions
                    """, arguments: [range.lowerBound.iso, range.upperBound.iso, threshold]
            ).compactMap { row in
                guard let day = Day(iso: row["day"]), let dimensions = DimensionSet(key: row["dimensions"]) else { return nil }
                return CappedBreakdown(day: day, dimensions: dimensions, rows: row["rows"])
            }
        }
    }
}
