import ClarityModel
import Foundation
import GRDB

/// What the store holds: sizes, the latest pull, and days covered per dimension set.
public struct StoreStatus: Sendable {
    public struct DimensionCoverage: Sendable {
        public let dimensions: DimensionSet
        public let days: [Day]
        /// Days inside the store's span that this dimension set lacks.
        public let missing: [Day]
    }

    public let snapshots: Int
    public let rawBytes: Int64
    /// What the raw responses take in the store, compressed.
    public let storedRawBytes: Int64
    public let observations: Int
    public let breakdownItems: Int
    public let segments: Int
    public let latestPull: Instant?
    public let span: ClosedRange<Day>?
    public let coverage: [DimensionCoverage]
    /// 2- and 3-day snapshots: stored, attributed to no day.
    public let multiDaySnapshots: Int
    /// 1-day snapshots that another snapshot of the same day and dimensions outranks.
    public let supersededSnapshots: Int
    /// Responses kept raw because they did not parse.
    public let unparsedSnapshots: Int
    /// Days whose figures were derived from a 2- or 3-day pull (counted in `coverage`, not in `snapshots`).
    public let derivedDays: [DerivedDay]
}

extension MetricStore {
    /// Which days each dimension set covers, optionally limited to a range.
    public func coverage(in range: ClosedRange<Day>? = nil) throws -> Coverage {
        try read { db in try Self.coverage(in: range, db) }
    }

    static func coverage(in range: ClosedRange<Day>?, _ db: Database) throws -> Coverage {
        var sql = "SELECT day, dimensions FROM day_snapshot"
        var arguments: StatementArguments = []
        if let range {
            sql += " WHERE day BETWEEN ? AND ?"
            arguments = [range.lowerBound.iso, range.upperBound.iso]
        }
        var days: [DimensionSet: Set<Day>] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            guard let day = Day(iso: row["day"]), let dimensions = DimensionSet(key: row["dimensions"]) else { continue }
            days[dimensions, default: []].insert(day)
        }
        return Coverage(days: days)
    }

    /// Sizes, latest pull and coverage, read in one consistent snapshot.
    public func status() throws -> StoreStatus {
        try read { db in
            let coverage = try Self.coverage(in: nil, db)
            let span = coverage.span
            let perSet = coverage.days.keys.sorted().map { dimensions in
                StoreStatus.DimensionCoverage(
                    dimensions: dimensions, days: coverage.covered(dimensions),
                    missing: span.map { coverage.missing(dimensions, in: $0) } ?? [])
            }
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM snapshot WHERE id NOT IN (SELECT snapshot_id FROM derived_day) AND id NOT IN (SELECT snapshot_id FROM derived_block)) AS snapshots,
                           (SELECT COALESCE(SUM(byte_count), 0) FROM snapshot) AS raw_bytes,
                           (SELECT COALESCE(SUM(length(body)), 0) FROM raw_response) AS stored_raw_bytes,
                           (SELECT COUNT(*) FROM observation) AS observations,
                           (SELECT COUNT(*) FROM breakdown_item) AS items,
                           (SELECT COUNT(*) FROM segment) AS segments,
                           (SELECT MAX(pulled_at) FROM snapshot) AS latest,
                           (SELECT COUNT(*) FROM snapshot WHERE num_of_days > 1 AND id NOT IN (SELECT snapshot_id FROM derived_block)) AS multi,
                           (SELECT COUNT(*) FROM snapshot WHERE parse_error IS NOT NULL) AS unparsed,
                           (SELECT COUNT(*) FROM snapshot s WHERE s.day IS NOT NULL AND s.parse_error IS NULL
                               AND NOT EXISTS (SELECT 1 FROM day_snapshot d WHERE d.snapshot_id = s.id)) AS superseded
                    """)!
            let latest: Int64? = counts["latest"]
            return StoreStatus(
                snapshots: counts["snapshots"], rawBytes: counts["raw_bytes"], storedRawBytes: counts["stored_raw_bytes"],
                observations: counts["observations"],
                breakdownItems: counts["items"], segments: counts["segments"], latestPull: latest.map(Instant.init(seconds:)),
                span: span, coverage: perSet, multiDaySnapshots: counts["multi"], supersededSnapshots: counts["superseded"],
                unparsedSnapshots: counts["unparsed"], derivedDays: try Self.derivedDays(in: nil, db))
        }
    }

}
