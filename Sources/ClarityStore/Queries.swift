import ClarityModel
import GRDB

extension MetricStore {
    /// The site totals (no-dimension snapshot) of every covered day in a range.
    public func siteDays(in range: ClosedRange<Day>) throws -> [Day: Observation] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.day, o.* FROM day_snapshot d
                JOIN observation o ON o.snapshot_id = d.snapshot_id
                JOIN segment s ON s.id = o.segment_id
                WHERE d.dimensions = '' AND d.day BETWEEN ? AND ? AND s.key = ''
                """, arguments: [range.lowerBound.iso, range.upperBound.iso])
            var result: [Day: Observation] = [:]
            for row in rows {
                guard let day = Day(iso: row["day"]) else { continue }
                result[day] = Self.observation(from: row, segment: .site)
            }
            return result
        }
    }

    static func observation(from row: Row, segment: Segment) -> Observation {
        var signals: [FrustrationSignal: SignalFigures] = [:]
        for signal in FrustrationSignal.allCases {
            let stem = signal.columnStem
            let figures = SignalFigures(sessions: row["\(stem)_sessions"], percentage: row["\(stem)_pct"], withoutPercentage: row["\(stem)_without_pct"],
                                        pageViews: row["\(stem)_page_views"], events: row["\(stem)_events"])
            if figures != SignalFigures() { signals[signal] = figures }
        }
        return Observation(segment: segment, sessions: row["sessions"], botSessions: row["bot_sessions"], distinctUsers: row["distinct_users"],
                           pagesPerSession: row["pages_per_session"], signals: signals, scrollDepth: row["scroll_depth"],
                           totalTime: row["total_time"], activeTime: row["active_time"])
    }

    /// Every segment (aggregate rows left out) of every dimension set, summed over the covered days of a range in SQL.
    public func segmentTotals(in range: ClosedRange<Day>, dimensions: [DimensionSet]? = nil) throws -> [SegmentTotals] {
        try segmentTotals(where: "d.day BETWEEN ? AND ?", days: [range.lowerBound.iso, range.upperBound.iso], dimensions: dimensions)
    }

    /// Segment totals over the days a condition on `d.day` selects, with the condition's arguments.
    func segmentTotals(where dayCondition: String, days: [String], dimensions: [DimensionSet]?) throws -> [SegmentTotals] {
        var signalColumns: [String] = []
        for signal in FrustrationSignal.allCases {
            let stem = signal.columnStem
            signalColumns.append("SUM(CASE WHEN o.\(stem)_pct IS NOT NULL THEN o.\(stem)_sessions END) AS \(stem)_n")
            signalColumns.append("SUM(o.\(stem)_sessions * o.\(stem)_pct) / 100.0 AS \(stem)_with")
        }
        var meanColumns: [String] = []
        for (name, column) in [("pps", "pages_per_session"), ("scroll", "scroll_depth"), ("active", "active_time"), ("total", "total_time")] {
            meanColumns.append("SUM(o.\(column) * o.sessions) AS \(name)_sum")
            meanColumns.append("SUM(CASE WHEN o.\(column) IS NOT NULL THEN o.sessions END) AS \(name)_weight")
        }
        var filter = ""
        var arguments = days
        if let dimensions {
            filter = " AND d.dimensions IN (\(dimensions.map { _ in "?" }.joined(separator: ", ")))"
            arguments += dimensions.map(\.key)
        }
        let sql = """
            SELECT s.id, s.browser, s.device, s.os, s.country, s.source, s.medium, s.campaign, s.channel, s.url, s.dimensions AS dims,
                   COUNT(*) AS days,
                   COALESCE(SUM(o.sessions), 0) AS sessions, COUNT(o.sessions) AS days_sessions,
                   COALESCE(SUM(o.bot_sessions), 0) AS bots, COUNT(o.bot_sessions) AS days_bots,
                   COALESCE(SUM(o.distinct_users), 0) AS users, COUNT(o.distinct_users) AS days_users,
                   \((signalColumns + meanColumns).joined(separator: ",\n       "))
            FROM day_snapshot d
            JOIN observation o ON o.snapshot_id = d.snapshot_id
            JOIN segment s ON s.id = o.segment_id
            WHERE \(dayCondition) AND d.dimensions <> '' AND s.is_aggregate = 0\(filter)
            GROUP BY s.id
            ORDER BY s.id
            """
        let frozen = arguments
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(frozen)).map { row in
                guard let set = DimensionSet(key: row["dims"]) else { return nil }
                let values = set.dimensions.map { dimension in
                    Segment.DimensionValue(dimension, row[Self.segmentColumn(dimension)] as String?)
                }
                var totals = Totals()
                totals.days = row["days"]
                totals.sessions = row["sessions"]
                totals.daysWithSessions = row["days_sessions"]
                totals.botSessions = row["bots"]
                totals.daysWithBotSessions = row["days_bots"]
                totals.dailyUsersSum = row["users"]
                totals.daysWithUsers = row["days_users"]
                for signal in FrustrationSignal.allCases {
                    let stem = signal.columnStem
                    if let sessions = row["\(stem)_n"] as Double?, let with = row["\(stem)_with"] as Double? {
                        totals.signals[signal] = SignalTotals(sessions: sessions, withSignal: with)
                    }
                }
                for (name, metric) in [("pps", MeanMetric.pagesPerSession), ("scroll", .scrollDepth), ("active", .activeTime), ("total", .totalTime)] {
                    if let sum = row["\(name)_sum"] as Double?, let weight = row["\(name)_weight"] as Double? {
                        totals.means[metric] = WeightedSum(weightedValues: sum, weight: weight)
                    }
                }
                return SegmentTotals(segment: Segment(values), totals: totals)
            }.compactMap { $0 }
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
            try Row.fetchAll(db, sql: """
                SELECT d.day, d.dimensions, COUNT(*) AS rows FROM day_snapshot d
                JOIN observation o ON o.snapshot_id = d.snapshot_id
                WHERE d.day BETWEEN ? AND ? AND d.dimensions <> ''
                GROUP BY d.day, d.dimensions HAVING COUNT(*) >= ?
                ORDER BY d.day, d.dimensions
                """, arguments: [range.lowerBound.iso, range.upperBound.iso, threshold]).compactMap { row in
                guard let day = Day(iso: row["day"]), let dimensions = DimensionSet(key: row["dimensions"]) else { return nil }
                return CappedBreakdown(day: day, dimensions: dimensions, rows: row["rows"])
            }
        }
    }
}
