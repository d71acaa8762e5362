import ClarityModel
import GRDB

extension MetricStore {
    /// A name list of the site totals (referrers, page titles...) summed by name over the covered days of each period,
    /// in name order: as many lists as periods, all from one state of the store. (One query per period: SQLite groups
    /// a week's names faster than nine weeks' names with their period.)
    public func listTotals(_ metric: BreakdownMetric, in periods: [ClosedRange<Day>]) throws -> [[NamedCount]] {
        try read { db in
            try periods.map { range in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT b.name, SUM(b.count) AS total, COUNT(DISTINCT d.day) AS days FROM day_snapshot d
                        JOIN breakdown_item b ON b.snapshot_id = d.snapshot_id
                        WHERE d.dimensions = '' AND d.day BETWEEN ? AND ? AND b.metric = ? AND b.name IS NOT NULL AND b.count IS NOT NULL
                        GROUP BY b.name ORDER BY b.name
                        """, arguments: [range.lowerBound.iso, range.upperBound.iso, metric.rawValue]
                ).map { row in
                    // By position: a column looked up by name is compared without case, per row.
                    NamedCount(name: row[0], count: row[1], days: row[2])
                }
            }
        }
    }
}

extension MetricStore {
    /// For each pattern, the stored segments of its dimension set (aggregate rows left out) that have all its values
    /// but `dimension`'s, in key order: the values only, no figures. One read of the segment table for every pattern
    /// (a page's stored variants: same browser or device, any URL).
    public func segments(sharingAllBut dimension: Dimension, with patterns: [Segment]) throws -> [[Segment]] {
        guard !patterns.isEmpty else { return [] }
        let fixed = patterns.map { pattern in pattern.values.filter { $0.dimension != dimension } }
        // The values are compared here, not in SQL, so they match as the report's grouping matches them (Swift's
        // string equality, not SQLite's bytes).
        let sets = Array(Set(patterns.map(\.dimensions.key))).sorted()
        return try read { db in
            var result = [[Segment]](repeating: [], count: patterns.count)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT dimensions, \(Dimension.allCases.map(Self.segmentColumn).joined(separator: ", ")) FROM segment
                    WHERE is_aggregate = 0 AND dimensions IN (\(sets.map { _ in "?" }.joined(separator: ", "))) ORDER BY key
                    """, arguments: StatementArguments(sets))
            while let row = try rows.next() {
                let key: String = row[0]
                for index in patterns.indices where patterns[index].dimensions.key == key {
                    let values = patterns[index].dimensions.dimensions.map { dimension in
                        Segment.DimensionValue(dimension, row[1 + Dimension.allCases.firstIndex(of: dimension)!] as String?)
                    }
                    if fixed[index].allSatisfy(values.contains) { result[index].append(Segment(values)) }
                }
            }
            return result
        }
    }
}
