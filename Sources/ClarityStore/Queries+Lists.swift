import ClarityModel
import GRDB

extension MetricStore {
    /// A name list of the site totals (referrers, page titles...) summed by name over the covered days of a range, in name order.
    public func listTotals(_ metric: BreakdownMetric, in range: ClosedRange<Day>) throws -> [NamedCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT b.name, SUM(b.count) AS total, COUNT(DISTINCT d.day) AS days FROM day_snapshot d
                    JOIN breakdown_item b ON b.snapshot_id = d.snapshot_id
                    WHERE d.dimensions = '' AND d.day BETWEEN ? AND ? AND b.metric = ? AND b.name IS NOT NULL AND b.count IS NOT NULL
                    GROUP BY b.name ORDER BY b.name
                    """, arguments: [range.lowerBound.iso, range.upperBound.iso, metric.rawValue]
            ).map { row in
                NamedCount(name: row["name"], count: row["total"], days: row["days"])
            }
        }
    }
}

extension MetricStore {
    /// Every stored segment of a dimension set (aggregate rows left out), in key order: the values only, no figures.
    public func segments(of dimensions: DimensionSet) throws -> [Segment] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(dimensions.dimensions.map(Self.segmentColumn).joined(separator: ", ")) FROM segment
                    WHERE dimensions = ? AND is_aggregate = 0 ORDER BY key
                    """, arguments: [dimensions.key]
            ).map { row in
                Segment(dimensions.dimensions.enumerated().map { index, dimension in Segment.DimensionValue(dimension, row[index] as String?) })
            }
        }
    }
}
