import ClarityModel
import GRDB
import GRDBSQLite

extension MetricStore {
    /// The site totals (no-dimension snapshot) of every covered day in a range.
    public func siteDays(in range: ClosedRange<Day>) throws -> [Day: Observation] {
        try segmentDays(.site, in: range)
    }

    /// One segment's figures on every day in a range that its breakdown covers.
    public func segmentDays(_ segment: Segment, in range: ClosedRange<Day>) throws -> [Day: Observation] {
        try segmentDays([segment], in: range).compactMapValues(\.first)
    }

    /// Several segments' figures on every day in a range that their breakdowns cover: per day, the observations of the
    /// segments that have one, in key order. One query per `batch` segments, so a page with tens of thousands of stored
    /// variants stays under SQLite's limit on bound values.
    public func segmentDays(_ segments: [Segment], in range: ClosedRange<Day>, batch: Int = 500) throws -> [Day: [Observation]] {
        // In SQLite's key order (bytes), so the batches in turn keep each day's observations in key order.
        let byKey = Dictionary(segments.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = byKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return try read { db in
            var result: [Day: [Observation]] = [:]
            for start in stride(from: 0, to: keys.count, by: max(batch, 1)) {
                let part = keys[start..<min(start + max(batch, 1), keys.count)]
                let bySet = Dictionary(grouping: part, by: { byKey[$0]!.dimensions })
                let sets = bySet.keys.sorted()
                let condition = sets.map { set in
                    "(d.dimensions = ? AND s.key IN (\(bySet[set]!.map { _ in "?" }.joined(separator: ", "))))"
                }.joined(separator: " OR ")
                let arguments: [String] = [range.lowerBound.iso, range.upperBound.iso] + sets.flatMap { [$0.key] + bySet[$0]! }
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT d.day, s.key AS segment_key, o.* FROM day_snapshot d
                        JOIN observation o ON o.snapshot_id = d.snapshot_id
                        JOIN segment s ON s.id = o.segment_id
                        WHERE d.day BETWEEN ? AND ? AND (\(condition))
                        ORDER BY d.day, s.key
                        """, arguments: StatementArguments(arguments))
                while let row = try rows.next() {
                    guard let day = Day(iso: row["day"]), let segment = byKey[row["segment_key"]] else { continue }
                    result[day, default: []].append(Self.observation(from: row, segment: segment))
                }
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

    /// Sessions and day counts (no signals, no means) of every segment of `dimensions` in each of several periods,
    /// read in one pass over their days: what a count's history and a value's presence need. One entry per stored
    /// segment (aggregate rows left out) that has a row in any period, in stored order; periods must not overlap.
    public func segmentSessions(in periods: [ClosedRange<Day>], dimensions: [DimensionSet]) throws -> [SegmentPeriods] {
        guard let earliest = periods.map(\.lowerBound).min(), let latest = periods.map(\.upperBound).max(), !dimensions.isEmpty else {
            return []
        }
        let cases = periods.indices.map { "WHEN d.day BETWEEN ? AND ? THEN \($0)" }.joined(separator: " ")
        let sets = dimensions.map { _ in "?" }.joined(separator: ", ")
        let rowsSQL = """
            SELECT CASE \(cases) END AS period, o.segment_id, o.sessions
            FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id
            WHERE d.day BETWEEN ? AND ? AND d.dimensions IN (\(sets))
            """
        let bounds = periods.flatMap { [$0.lowerBound.iso, $0.upperBound.iso] }
        let rowsArguments = StatementArguments(bounds + [earliest.iso, latest.iso] + dimensions.map(\.key))
        let segmentsSQL = """
            SELECT id, dimensions, \(Dimension.allCases.map(Self.segmentColumn).joined(separator: ", ")) FROM segment
            WHERE is_aggregate = 0 AND dimensions IN (\(sets)) ORDER BY id
            """
        let count = periods.count
        return try read { db in
            // Per segment a slot of `count` periods: rows, sessions and rows with sessions, summed as SQL would.
            var slots: [Int64: Int] = [:]
            var rows: [Int] = []
            var sessions: [Int64] = []
            var rowsWithSessions: [Int] = []
            let statement = try db.makeStatement(sql: rowsSQL)
            let cursor = try Row.fetchCursor(statement, arguments: rowsArguments)
            let raw = statement.sqliteStatement
            while try cursor.next() != nil {
                guard sqlite3_column_type(raw, 0) != SQLITE_NULL else { continue }
                let period = Int(sqlite3_column_int64(raw, 0))
                let id = sqlite3_column_int64(raw, 1)
                let slot: Int
                if let known = slots[id] {
                    slot = known
                } else {
                    slot = rows.count / count
                    slots[id] = slot
                    rows += repeatElement(0, count: count)
                    sessions += repeatElement(0, count: count)
                    rowsWithSessions += repeatElement(0, count: count)
                }
                let at = slot * count + period
                rows[at] += 1
                if sqlite3_column_type(raw, 2) != SQLITE_NULL {
                    sessions[at] += sqlite3_column_int64(raw, 2)
                    rowsWithSessions[at] += 1
                }
            }
            var result: [SegmentPeriods] = []
            var known: [String: DimensionSet?] = [:]
            let segments = try Row.fetchCursor(db, sql: segmentsSQL, arguments: StatementArguments(dimensions.map(\.key)))
            while let row = try segments.next() {
                guard let slot = slots[row[0]] else { continue }
                let key: String = row[1]
                if known[key] == nil { known[key] = DimensionSet(key: key) }
                guard let set = known[key] ?? nil else { continue }
                let segment = Segment(
                    set.dimensions.map { dimension in
                        Segment.DimensionValue(dimension, row[2 + Dimension.allCases.firstIndex(of: dimension)!] as String?)
                    })
                let counts = (0..<count).map { period -> SessionCount? in
                    let at = slot * count + period
                    return rows[at] > 0 ? SessionCount(days: rows[at], sessions: sessions[at], daysWithSessions: rowsWithSessions[at]) : nil
                }
                result.append(SegmentPeriods(segment: segment, periods: counts))
            }
            return result
        }
    }

    /// Segment totals over the days a condition on `d.day` selects, with the condition's arguments.
    ///
    /// The rows are summed here rather than with SQL's SUM: at the API's maximum a week holds 63,000 rows, and
    /// SQLite's GROUP BY with 27 aggregates each took three times as long as this loop. The sums follow SQL's rules
    /// (NULLs skipped, a sum of nothing is missing) and add in the same order, so the figures are the same to the bit.
    func segmentTotals(where dayCondition: String, days: [String], dimensions: [DimensionSet]?) throws
        -> [SegmentTotals]
    {
        var filter = "\(dayCondition) AND d.dimensions <> ''"
        var arguments = days
        if let dimensions {
            filter += " AND d.dimensions IN (\(dimensions.map { _ in "?" }.joined(separator: ", ")))"
            arguments += dimensions.map(\.key)
        }
        let rowsSQL = """
            SELECT o.segment_id, \(SegmentSums.columns.map { "o.\($0)" }.joined(separator: ", "))
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
            var sums = SegmentSums()
            let statement = try db.makeStatement(sql: rowsSQL)
            let rows = try Row.fetchCursor(statement, arguments: frozen)
            while try rows.next() != nil {
                sums.add(statement.sqliteStatement, segment: sqlite3_column_int64(statement.sqliteStatement, 0), from: 1)
            }
            var sets: [String: DimensionSet?] = [:]
            var result: [SegmentTotals] = []
            let segments = try Row.fetchCursor(db, sql: segmentsSQL, arguments: frozen)
            while let row = try segments.next() {
                let key: String = row[1]
                if sets[key] == nil { sets[key] = DimensionSet(key: key) }
                guard let set = sets[key] ?? nil, let totals = sums.totals(of: row[0]) else { continue }
                let values = set.dimensions.map { dimension in
                    Segment.DimensionValue(dimension, row[2 + Dimension.allCases.firstIndex(of: dimension)!] as String?)
                }
                result.append(SegmentTotals(segment: Segment(values), totals: totals))
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
