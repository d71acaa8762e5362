import ClarityModel
import Foundation
import GRDB

/// One API response to be stored: its bytes and what is known about the request that produced it.
public struct ResponseSubmission: Sendable {
    public var bytes: [UInt8]
    public var pulledAt: Instant
    public var numOfDays: Int
    /// The dimensions the request asked for; nil to infer them from the rows.
    public var declaredDimensions: DimensionSet?
    /// Where the response came from: a file name, or the fetch plan entry.
    public var source: String

    public init(bytes: [UInt8], pulledAt: Instant, numOfDays: Int, declaredDimensions: DimensionSet? = nil, source: String) {
        self.bytes = bytes
        self.pulledAt = pulledAt
        self.numOfDays = numOfDays
        self.declaredDimensions = declaredDimensions
        self.source = source
    }
}

/// What became of a submission.
public enum IngestOutcome: Sendable, Equatable {
    case ingested(StoredSnapshot)
    /// The same bytes were already in the store; nothing changed.
    case duplicate(existingID: Int64, source: String)
}

/// A snapshot as the store holds it.
public struct StoredSnapshot: Sendable, Equatable {
    public let id: Int64
    public let sha256: String
    public let pulledAt: Instant
    public let numOfDays: Int
    public let dimensions: DimensionSet
    public let source: String
    /// The UTC day the snapshot belongs to (1-day snapshots only).
    public let day: Day?
    /// True when this snapshot is the one that stands for its day.
    public let standsForDay: Bool
    public let rowCount: Int
    public let warnings: [String]
    /// Set when the bytes were kept but could not be parsed.
    public let parseError: String?
    /// Missed days this snapshot derived, derived figures it replaced, or why a 2- or 3-day snapshot derived nothing.
    public var recoveries: [DayRecovery] = []
}

/// Why a submission was refused; the store is unchanged.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}

extension MetricStore {
    /// Parses and stores one response in a single transaction; a failure leaves the store exactly as it was.
    public func ingest(_ submission: ResponseSubmission, at now: Instant) throws -> IngestOutcome {
        guard (1...3).contains(submission.numOfDays) else {
            throw IngestError(source: submission.source, message: "numOfDays must be 1, 2 or 3, not \(submission.numOfDays)")
        }
        let response: ExportResponse
        do {
            response = try ExportParser.parse(submission.bytes, declared: submission.declaredDimensions)
        } catch {
            throw IngestError(
                source: submission.source, message: "\(error.description). The store is unchanged; fix or re-pull the response and ingest it again.")
        }
        let sha = SHA256.hex(submission.bytes)
        return try write { db in
            if let existing = try Self.existing(sha: sha, db) { return existing }
            let window = SnapshotWindow(pulledAt: submission.pulledAt, numOfDays: submission.numOfDays)
            let day = window.attributedDay
            let id = try Self.insertSnapshot(
                submission, sha: sha, dimensions: response.dimensions, day: day, rowCount: response.rowCount,
                warnings: response.warnings.map(\.description), parseError: nil, now: now, db)
            try Self.insertRows(of: response, snapshotID: id, db)
            var stands = false
            if let day {
                stands = try Self.reattribute(day: day, dimensions: response.dimensions, db) == id
            }
            let recoveries = try Self.recoverDays(after: id, window: window, dimensions: response.dimensions, now: now, db)
            return .ingested(
                StoredSnapshot(
                    id: id, sha256: sha, pulledAt: submission.pulledAt, numOfDays: submission.numOfDays, dimensions: response.dimensions,
                    source: submission.source, day: day, standsForDay: stands, rowCount: response.rowCount,
                    warnings: response.warnings.map(\.description), parseError: nil, recoveries: recoveries))
        }
    }

    /// Keeps the bytes of a response that did not parse, so nothing pulled is lost; it stands for no day.
    public func keepUnparsed(_ submission: ResponseSubmission, reason: String, at now: Instant) throws -> IngestOutcome {
        let sha = SHA256.hex(submission.bytes)
        return try write { db in
            if let existing = try Self.existing(sha: sha, db) { return existing }
            let dimensions = submission.declaredDimensions ?? .none
            let id = try Self.insertSnapshot(
                submission, sha: sha, dimensions: dimensions, day: nil, rowCount: 0, warnings: [], parseError: reason, now: now, db)
            return .ingested(
                StoredSnapshot(
                    id: id, sha256: sha, pulledAt: submission.pulledAt, numOfDays: submission.numOfDays, dimensions: dimensions,
                    source: submission.source, day: nil, standsForDay: false, rowCount: 0, warnings: [], parseError: reason))
        }
    }

    private static func existing(sha: String, _ db: Database) throws -> IngestOutcome? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, source FROM snapshot WHERE sha256 = ?", arguments: [sha]) else { return nil }
        return .duplicate(existingID: row["id"], source: row["source"])
    }

    private static func insertSnapshot(
        _ submission: ResponseSubmission, sha: String, dimensions: DimensionSet, day: Day?, rowCount: Int,
        warnings: [String], parseError: String?, now: Instant, _ db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO snapshot (sha256, pulled_at, num_of_days, dimensions, source, ingested_at, byte_count, row_count, day, parse_error, warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sha, submission.pulledAt.seconds, submission.numOfDays, dimensions.key, submission.source, now.seconds,
                submission.bytes.count, rowCount, day?.iso, parseError, warnings.joined(separator: "\n"),
            ])
        let id = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO raw_response (snapshot_id, body, encoding) VALUES (?, ?, ?)",
            arguments: [id, try RawEncoding.current.encode(submission.bytes), RawEncoding.current.rawValue])
        return id
    }

    private static let observationColumns: [String] = {
        var columns = ["snapshot_id", "segment_id", "sessions", "bot_sessions", "distinct_users", "pages_per_session"]
        for signal in FrustrationSignal.allCases {
            let stem = signal.columnStem
            columns += ["\(stem)_sessions", "\(stem)_pct", "\(stem)_without_pct", "\(stem)_page_views", "\(stem)_events"]
        }
        return columns + ["scroll_depth", "total_time", "active_time"]
    }()

    private static func insertRows(of response: ExportResponse, snapshotID: Int64, _ db: Database) throws {
        try insertObservations(response.observations, snapshotID: snapshotID, db)
        let insertItem = try db.cachedStatement(sql: "INSERT INTO breakdown_item (snapshot_id, metric, position, name, count) VALUES (?, ?, ?, ?, ?)")
        for item in response.breakdowns {
            try insertItem.execute(arguments: [snapshotID, item.metric.rawValue, item.position, item.name, item.count])
        }
    }

    /// Stores one observation row per segment, interning segments not seen before.
    static func insertObservations(_ observations: [Observation], snapshotID: Int64, _ db: Database) throws {
        let findSegment = try db.cachedStatement(sql: "SELECT id FROM segment WHERE key = ?")
        let insertSegment = try db.cachedStatement(
            sql: """
                INSERT INTO segment (key, dimensions, is_aggregate, browser, device, os, country, source, medium, campaign, channel, url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertObservation = try db.cachedStatement(
            sql: """
                INSERT INTO observation (\(observationColumns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: observationColumns.count).joined(separator: ", ")))
                """)
        for observation in observations {
            let segment = observation.segment
            let key = segment.key
            let segmentID: Int64
            if let found = try Int64.fetchOne(findSegment, arguments: [key]) {
                segmentID = found
            } else {
                var arguments: [(any DatabaseValueConvertible)?] = [key, segment.dimensions.key, segment.isAggregate]
                for dimension in Dimension.allCases { arguments.append(segment.value(of: dimension)) }
                try insertSegment.execute(arguments: StatementArguments(arguments))
                segmentID = db.lastInsertedRowID
            }
            var arguments: [(any DatabaseValueConvertible)?] = [
                snapshotID, segmentID, observation.sessions, observation.botSessions,
                observation.distinctUsers, observation.pagesPerSession,
            ]
            for signal in FrustrationSignal.allCases {
                let figures = observation.signals[signal]
                arguments += [figures?.sessions, figures?.percentage, figures?.withoutPercentage, figures?.pageViews, figures?.events]
            }
            arguments += [observation.scrollDepth, observation.totalTime, observation.activeTime]
            try insertObservation.execute(arguments: StatementArguments(arguments))
        }
    }

    /// Chooses again which snapshot stands for a day and dimension set; returns its id.
    static func reattribute(day: Day, dimensions: DimensionSet, _ db: Database) throws -> Int64? {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, pulled_at, sha256 FROM snapshot
                WHERE day = ? AND dimensions = ? AND num_of_days = 1 AND parse_error IS NULL
                  AND id NOT IN (SELECT snapshot_id FROM derived_day)
                """, arguments: [day.iso, dimensions.key])
        let candidates = rows.map { row in
            DayAttribution.Candidate(
                id: row["id"], window: SnapshotWindow(pulledAt: Instant(seconds: row["pulled_at"]), numOfDays: 1), sha256: row["sha256"])
        }
        guard let chosen = DayAttribution.choose(for: day, among: candidates) else { return nil }
        try db.execute(
            sql: "INSERT OR REPLACE INTO day_snapshot (day, dimensions, snapshot_id) VALUES (?, ?, ?)",
            arguments: [day.iso, dimensions.key, chosen.id])
        return chosen.id
    }
}
