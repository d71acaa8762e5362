import ClarityModel
import GRDB

/// What a stored snapshot did for the days its dimension set missed.
public enum DayRecovery: Sendable, Equatable, CustomStringConvertible {
    /// A missed day was derived and now stands in the store.
    case derived(DerivedDay, snapshotID: Int64, segments: Int, skippedSegments: Int)
    /// A 2- or 3-day snapshot gave no day, and why.
    case notDerived(fromSnapshotID: Int64, DerivationRefusal)
    /// A 1-day snapshot replaced a day's derived figures.
    case replaced(DerivedDay)
    /// Consecutive missed days were stored as a block: their sum is known, each day's is not.
    case block(DerivedBlock, snapshotID: Int64, segments: Int)
    /// A day of a block is now known on its own, so the block was removed.
    case blockRemoved(DerivedBlock)

    public var description: String {
        switch self {
        case .derived(let derived, let id, let segments, let skipped):
            let left = skipped == 0 ? "" : ", \(skipped) left out (absent from a part, or fewer sessions in the whole than in its parts)"
            return
                "derived \(derived.day.iso) (\(derived.dimensions)) from a \(derived.numOfDays)-day pull as snapshot \(id): \(segments) segments\(left)"
        case .notDerived(let id, let refusal):
            return "snapshot \(id) derived no day: \(refusal)"
        case .replaced(let derived):
            return "replaced the figures of \(derived.day.iso) (\(derived.dimensions)) derived from a \(derived.numOfDays)-day pull"
        case .block(let block, let id, let segments):
            return
                "kept \(block.days.lowerBound.iso) to \(block.days.upperBound.iso) (\(block.dimensions)) as a block from a \(block.numOfDays)-day pull as snapshot \(id): "
                + "\(segments) segments; periods holding both days count it, daily figures show the gap"
        case .blockRemoved(let block):
            return
                "removed the block \(block.days.lowerBound.iso) to \(block.days.upperBound.iso) (\(block.dimensions)): a day of it is now known on its own"
        }
    }
}

extension MetricStore {
    /// The days whose figures are derived, optionally limited to a range, in day order.
    public func derivedDays(in range: ClosedRange<Day>? = nil) throws -> [DerivedDay] {
        try read { db in try Self.derivedDays(in: range, db) }
    }

    static func derivedDays(in range: ClosedRange<Day>?, _ db: Database) throws -> [DerivedDay] {
        var sql = "SELECT day, dimensions, num_of_days FROM derived_day"
        var arguments: StatementArguments = []
        if let range {
            sql += " WHERE day BETWEEN ? AND ?"
            arguments = [range.lowerBound.iso, range.upperBound.iso]
        }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let day = Day(iso: row["day"]), let dimensions = DimensionSet(key: row["dimensions"]) else { return nil }
            return DerivedDay(day: day, dimensions: dimensions, numOfDays: row["num_of_days"])
        }.sorted()
    }

    /// After a snapshot is stored: replaces derived figures its day had, and derives what it makes derivable.
    ///
    /// Every stored multi-day window of the same dimensions that the new snapshot could complete is tried: those
    /// pulled from the start of its window to three days after its pull, itself included.
    static func recoverDays(after id: Int64, window: SnapshotWindow, dimensions: DimensionSet, now: Instant, _ db: Database) throws -> [DayRecovery] {
        var recoveries: [DayRecovery] = []
        if let day = window.attributedDay, let replaced = try dropDerived(day: day, dimensions: dimensions, db) {
            recoveries.append(.replaced(replaced))
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, pulled_at, num_of_days, sha256 FROM snapshot
                WHERE dimensions = ? AND num_of_days > 1 AND parse_error IS NULL AND pulled_at BETWEEN ? AND ? AND \(pulledOnly)
                ORDER BY num_of_days, pulled_at, id
                """, arguments: [dimensions.key, window.start.seconds, window.pulledAt.seconds + 3 * 86_400 + DerivationPlan.tolerance])
        for row in rows {
            let source = SnapshotWindow(pulledAt: Instant(seconds: row["pulled_at"]), numOfDays: row["num_of_days"])
            let outcome = try derive(from: row["id"], window: source, sha256: row["sha256"], dimensions: dimensions, now: now, db)
            // Only the new snapshot's own refusal is news; other windows it does not complete stay as they were.
            if row["id"] != id, case .notDerived = outcome { continue }
            recoveries.append(outcome)
        }
        recoveries += try dropCoveredBlocks(dimensions: dimensions, db).map(DayRecovery.blockRemoved)
        return recoveries
    }

    /// Snapshots pulled from the API: neither derived days nor blocks.
    static let pulledOnly = "id NOT IN (SELECT snapshot_id FROM derived_day) AND id NOT IN (SELECT snapshot_id FROM derived_block)"

    /// Removes the blocks of a dimension set of which a day is now covered on its own (pulled or derived).
    private static func dropCoveredBlocks(dimensions: DimensionSet, _ db: Database) throws -> [DerivedBlock] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT snapshot_id, first_day, last_day, num_of_days FROM derived_block b
                WHERE dimensions = ? AND EXISTS (SELECT 1 FROM day_snapshot d WHERE d.dimensions = b.dimensions AND d.day BETWEEN b.first_day AND b.last_day)
                ORDER BY first_day
                """, arguments: [dimensions.key])
        return try rows.compactMap { row in
            let id: Int64 = row["snapshot_id"]
            try db.execute(sql: "DELETE FROM derived_block WHERE snapshot_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM observation WHERE snapshot_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [id])
            guard let first = Day(iso: row["first_day"]), let last = Day(iso: row["last_day"]) else { return nil }
            return DerivedBlock(days: first...last, dimensions: dimensions, numOfDays: row["num_of_days"])
        }
    }

    /// Derives the one missed day of a multi-day snapshot, when its other days have aligned 1-day snapshots.
    private static func derive(
        from sourceID: Int64, window: SnapshotWindow, sha256: String, dimensions: DimensionSet, now: Instant,
        _ db: Database
    ) throws -> DayRecovery {
        // Pulled pieces of the window: 1-day snapshots of its days and shorter windows pulled inside it (derived days are never subtracted).
        let slotDays = window.slotDays
        let placeholders = slotDays.map { _ in "?" }.joined(separator: ", ")
        var arguments: [any DatabaseValueConvertible] = [dimensions.key, sourceID]
        arguments += slotDays.map(\.iso) as [any DatabaseValueConvertible]
        arguments +=
            [window.numOfDays - 1, window.start.seconds, window.pulledAt.seconds + DerivationPlan.tolerance] as [any DatabaseValueConvertible]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, pulled_at, num_of_days, sha256 FROM snapshot
                WHERE dimensions = ? AND parse_error IS NULL AND id <> ? AND \(pulledOnly)
                  AND ((num_of_days = 1 AND day IN (\(placeholders))) OR (num_of_days BETWEEN 2 AND ? AND pulled_at BETWEEN ? AND ?))
                """, arguments: StatementArguments(arguments))
        let available = rows.map { row in
            DayAttribution.Candidate(
                id: row["id"], window: SnapshotWindow(pulledAt: Instant(seconds: row["pulled_at"]), numOfDays: row["num_of_days"]),
                sha256: row["sha256"])
        }
        let plan: DerivationPlan
        switch DerivationPlan.plan(window, available: available) {
        case .success(let found): plan = found
        case .failure(let refusal):
            if case .block = refusal, let block = DerivationPlan.planBlock(window, available: available),
                let stored = try storeBlock(
                    block.days, subtracted: block.subtracted, from: sourceID, window: window, sha256: sha256,
                    dimensions: dimensions, now: now, db)
            {
                return stored
            }
            return .notDerived(fromSnapshotID: sourceID, refusal)
        }
        if try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM derived_day WHERE day = ? AND dimensions = ?)",
            arguments: [plan.day.iso, dimensions.key]) == true
        {
            return .notDerived(fromSnapshotID: sourceID, .alreadyDerived(plan.day))
        }
        let whole = try observations(of: sourceID, dimensions: dimensions, db)
        let parts = try plan.subtracted.map { try observations(of: $0.id, dimensions: dimensions, db) }
        let derivation = DayDerivation.subtract(parts, from: whole)
        guard !derivation.observations.isEmpty else { return .notDerived(fromSnapshotID: sourceID, .noCommonSegment(day: plan.day)) }

        let slot = window.slots.first { $0.attributedDay == plan.day }!
        let subtracted = plan.subtracted.map { "snapshot \($0.id)" }.joined(separator: ", ")
        try db.execute(
            sql: """
                INSERT INTO snapshot (sha256, pulled_at, num_of_days, dimensions, source, ingested_at, byte_count, row_count, day, parse_error, warnings)
                VALUES (?, ?, 1, ?, ?, ?, 0, ?, ?, NULL, '')
                """,
            arguments: [
                "derived:\(sha256):\(plan.day.iso)", slot.pulledAt.seconds, dimensions.key,
                "derived: snapshot \(sourceID) (\(window.numOfDays)-day) minus \(subtracted)", now.seconds,
                derivation.observations.count, plan.day.iso,
            ])
        let id = db.lastInsertedRowID
        try insertObservations(derivation.observations, snapshotID: id, db)
        try db.execute(
            sql: "INSERT INTO day_snapshot (day, dimensions, snapshot_id) VALUES (?, ?, ?)",
            arguments: [plan.day.iso, dimensions.key, id])
        try db.execute(
            sql: """
                INSERT INTO derived_day (snapshot_id, day, dimensions, from_snapshot_id, num_of_days, subtracted, skipped_segments)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, plan.day.iso, dimensions.key, sourceID, window.numOfDays, plan.subtracted.map { String($0.id) }.joined(separator: ","),
                derivation.skipped.count,
            ])
        return .derived(
            DerivedDay(day: plan.day, dimensions: dimensions, numOfDays: window.numOfDays), snapshotID: id,
            segments: derivation.observations.count, skippedSegments: derivation.skipped.count)
    }

    /// Stores a block's figures unless one of its days is covered or a block already starts there; nil when nothing is stored.
    private static func storeBlock(
        _ days: ClosedRange<Day>, subtracted: [DayAttribution.Candidate], from sourceID: Int64, window: SnapshotWindow,
        sha256: String, dimensions: DimensionSet, now: Instant, _ db: Database
    ) throws -> DayRecovery? {
        let taken = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM day_snapshot WHERE dimensions = ? AND day BETWEEN ? AND ?)
                    OR EXISTS (SELECT 1 FROM derived_block WHERE dimensions = ? AND first_day <= ? AND last_day >= ?)
                """, arguments: [dimensions.key, days.lowerBound.iso, days.upperBound.iso, dimensions.key, days.upperBound.iso, days.lowerBound.iso])
        guard taken == false else { return nil }
        let whole = try observations(of: sourceID, dimensions: dimensions, db)
        let parts = try subtracted.map { try observations(of: $0.id, dimensions: dimensions, db) }
        let derivation = DayDerivation.subtract(parts, from: whole)
        guard !derivation.observations.isEmpty else { return nil }
        let dayCount = days.lowerBound.distance(to: days.upperBound) + 1
        let end = window.slots.first { $0.attributedDay == days.upperBound }!
        let source =
            "derived block: snapshot \(sourceID) (\(window.numOfDays)-day) minus "
            + (subtracted.isEmpty ? "nothing" : subtracted.map { "snapshot \($0.id)" }.joined(separator: ", "))
        try db.execute(
            sql: """
                INSERT INTO snapshot (sha256, pulled_at, num_of_days, dimensions, source, ingested_at, byte_count, row_count, day, parse_error, warnings)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, '')
                """,
            arguments: [
                "block:\(sha256):\(days.lowerBound.iso)", end.pulledAt.seconds, dayCount, dimensions.key, source, now.seconds,
                derivation.observations.count,
            ])
        let id = db.lastInsertedRowID
        try insertObservations(derivation.observations, snapshotID: id, db)
        try db.execute(
            sql: """
                INSERT INTO derived_block (snapshot_id, first_day, last_day, dimensions, from_snapshot_id, num_of_days, subtracted, skipped_segments)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, days.lowerBound.iso, days.upperBound.iso, dimensions.key, sourceID, window.numOfDays,
                subtracted.map { String($0.id) }.joined(separator: ","), derivation.skipped.count,
            ])
        return .block(
            DerivedBlock(days: days, dimensions: dimensions, numOfDays: window.numOfDays), snapshotID: id, segments: derivation.observations.count)
    }

    /// The blocks of missed days, optionally limited to those touching a range, with the site figures of site-totals blocks.
    public func derivedBlocks(touching range: ClosedRange<Day>? = nil) throws -> [DerivedBlock] {
        try read { db in
            var sql = "SELECT snapshot_id, first_day, last_day, dimensions, num_of_days FROM derived_block"
            var arguments: StatementArguments = []
            if let range {
                sql += " WHERE last_day >= ? AND first_day <= ?"
                arguments = [range.lowerBound.iso, range.upperBound.iso]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY first_day, dimensions", arguments: arguments).compactMap { row in
                guard let first = Day(iso: row["first_day"]), let last = Day(iso: row["last_day"]),
                    let dimensions = DimensionSet(key: row["dimensions"])
                else { return nil }
                let site =
                    dimensions == .none ? try Self.observations(of: row["snapshot_id"], dimensions: .none, db).first { $0.segment == .site } : nil
                return DerivedBlock(days: first...last, dimensions: dimensions, numOfDays: row["num_of_days"], site: site)
            }
        }
    }

    /// Removes a day's derived figures once a 1-day snapshot stands for it; returns what was removed.
    private static func dropDerived(day: Day, dimensions: DimensionSet, _ db: Database) throws -> DerivedDay? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT snapshot_id, num_of_days FROM derived_day WHERE day = ? AND dimensions = ?",
                arguments: [day.iso, dimensions.key])
        else { return nil }
        let id: Int64 = row["snapshot_id"]
        let standing = try Int64.fetchOne(
            db, sql: "SELECT snapshot_id FROM day_snapshot WHERE day = ? AND dimensions = ?", arguments: [day.iso, dimensions.key])
        guard standing != id else { return nil }
        try db.execute(sql: "DELETE FROM derived_day WHERE snapshot_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM observation WHERE snapshot_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [id])
        return DerivedDay(day: day, dimensions: dimensions, numOfDays: row["num_of_days"])
    }

    /// Every observation of one snapshot, aggregates included.
    private static func observations(of snapshotID: Int64, dimensions: DimensionSet, _ db: Database) throws -> [Observation] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.*, s.is_aggregate, \(Dimension.allCases.map { "s.\(segmentColumn($0)) AS segment_\(segmentColumn($0))" }.joined(separator: ", "))
                FROM observation o JOIN segment s ON s.id = o.segment_id WHERE o.snapshot_id = ?
                """, arguments: [snapshotID])
        return rows.map { row in
            let segment = Segment(
                dimensions.dimensions.map { dimension in
                    Segment.DimensionValue(dimension, row["segment_\(segmentColumn(dimension))"] as String?)
                })
            return observation(from: row, segment: segment)
        }
    }
}

extension MetricStore {
    /// The pulled snapshots (parsed, not derived) of a dimension set pulled in a time range, as derivation candidates.
    public func pulledSnapshots(_ dimensions: DimensionSet, pulledFrom first: Instant, to last: Instant) throws -> [DayAttribution.Candidate] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, pulled_at, num_of_days, sha256 FROM snapshot
                    WHERE dimensions = ? AND parse_error IS NULL AND pulled_at BETWEEN ? AND ? AND \(Self.pulledOnly)
                    ORDER BY pulled_at, id
                    """, arguments: [dimensions.key, first.seconds, last.seconds]
            ).map { row in
                DayAttribution.Candidate(
                    id: row["id"], window: SnapshotWindow(pulledAt: Instant(seconds: row["pulled_at"]), numOfDays: row["num_of_days"]),
                    sha256: row["sha256"])
            }
        }
    }
}

extension MetricStore {
    /// Where a derived snapshot's figures came from: the multi-day snapshot and the ones subtracted; nil for a pulled snapshot.
    public func derivation(ofSnapshot id: Int64) throws -> (day: DerivedDay, from: Int64, subtracted: [Int64])? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM derived_day WHERE snapshot_id = ?", arguments: [id]),
                let day = Day(iso: row["day"]), let dimensions = DimensionSet(key: row["dimensions"])
            else { return nil }
            let subtracted = (row["subtracted"] as String).split(separator: ",").compactMap { Int64($0) }
            return (DerivedDay(day: day, dimensions: dimensions, numOfDays: row["num_of_days"]), row["from_snapshot_id"], subtracted)
        }
    }
}
