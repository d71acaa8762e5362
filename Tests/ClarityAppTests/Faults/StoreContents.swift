import Foundation

/// What a store file holds, read with the `sqlite3` shell: its integrity, each snapshot's rows, and the day table.
struct StoreContents: Equatable {
    /// One snapshot's footprint: every row ingest writes for one file.
    struct Footprint: Equatable, CustomStringConvertible {
        let rowCount: String
        let observations: String
        let listEntries: String
        let rawBytes: String
        let day: String
        let dimensions: String

        var description: String {
            "rows \(rowCount), observations \(observations), list entries \(listEntries), \(rawBytes) bytes, day \(day), [\(dimensions)]"
        }
    }

    /// `ok`, or what `PRAGMA integrity_check` found.
    let integrity: String
    /// Rows `PRAGMA foreign_key_check` reports: observations or list entries whose snapshot or segment is missing.
    let danglingRows: [String]
    /// Footprints by the SHA-256 of the response.
    let snapshots: [String: Footprint]
    /// `day|dimensions` → the SHA-256 of the snapshot that stands for it.
    let days: [String: String]

    static func read(_ path: String) throws -> StoreContents {
        let output = try SQLiteShell.query(
            path,
            """
            SELECT 'integrity', integrity_check FROM pragma_integrity_check;
            SELECT 'schema', COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('snapshot', 'day_snapshot');
            """)
        var integrity: [String] = []
        var schema = false
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.first == "integrity" { integrity.append(fields.dropFirst().joined(separator: " ")) }
            if fields.first == "schema" { schema = fields.last == "2" }
        }
        // A process killed before its first migration committed leaves a store without tables: no snapshot in it.
        guard schema else {
            return StoreContents(integrity: integrity.joined(separator: "; "), danglingRows: [], snapshots: [:], days: [:])
        }
        let rows = try SQLiteShell.query(
            path,
            """
            SELECT 'fk', "table", COALESCE(rowid, ''), parent FROM pragma_foreign_key_check;
            SELECT 'snapshot', s.sha256, s.row_count,
                   (SELECT COUNT(*) FROM observation o WHERE o.snapshot_id = s.id),
                   (SELECT COUNT(*) FROM breakdown_item b WHERE b.snapshot_id = s.id),
                   COALESCE((SELECT length(body) FROM raw_response r WHERE r.snapshot_id = s.id), 'none'),
                   COALESCE(s.day, '-'), s.dimensions
            FROM snapshot s;
            SELECT 'day', d.day || '|' || d.dimensions, COALESCE(s.sha256, 'missing')
            FROM day_snapshot d LEFT JOIN snapshot s ON s.id = d.snapshot_id;
            """)
        var dangling: [String] = []
        var snapshots: [String: Footprint] = [:]
        var days: [String: String] = [:]
        for line in rows.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "fk": dangling.append(fields.dropFirst().joined(separator: " "))
            case "snapshot" where fields.count == 8:
                snapshots[fields[1]] = Footprint(
                    rowCount: fields[2], observations: fields[3], listEntries: fields[4], rawBytes: fields[5],
                    day: fields[6], dimensions: fields[7])
            case "day" where fields.count == 3: days[fields[1]] = fields[2]
            default: break
            }
        }
        return StoreContents(integrity: integrity.joined(separator: "; "), danglingRows: dangling, snapshots: snapshots, days: days)
    }

    /// Problems with a store interrupted while ingesting files whose complete ingest gave `reference`: each file must be
    /// there whole, exactly as in the reference, or not at all, and each day must point at a snapshot that is there.
    func problems(against reference: StoreContents) -> [String] {
        var problems: [String] = []
        if integrity != "ok" { problems.append("integrity_check: \(integrity)") }
        if !danglingRows.isEmpty { problems.append("rows whose snapshot or segment is missing: \(danglingRows.prefix(5))") }
        for (sha, footprint) in snapshots {
            guard let expected = reference.snapshots[sha] else {
                problems.append("snapshot \(sha.prefix(12)) is not one of the files")
                continue
            }
            if footprint != expected { problems.append("snapshot \(sha.prefix(12)) is partial: \(footprint), whole it is \(expected)") }
        }
        for (day, sha) in days where snapshots[sha] == nil {
            problems.append("day \(day) points at snapshot \(sha.prefix(12)), which is not in the store")
        }
        return problems
    }
}
