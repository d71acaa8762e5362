import ClarityModel
import GRDB

/// Why the release registry refused a change; the store is unchanged.
public enum ReleaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The version is recorded already.
    case alreadyRecorded(Release)
    /// No release of that version is recorded.
    case unknownVersion(String)

    public var description: String {
        switch self {
        case .alreadyRecorded(let existing):
            return "release \(existing.version) is already recorded (released \(existing.instant.iso), \(existing.source.rawValue)). "
                + "To record it again, remove it first with `clarity-report release remove \(existing.version)`."
        case .unknownVersion(let version):
            return "no release \"\(version)\" is recorded. `clarity-report release list` shows the recorded versions."
        }
    }
}

extension MetricStore {
    /// Records a release; fails when its version is recorded already.
    public func addRelease(_ release: Release) throws {
        try write { db in
            if let existing = try Self.release(version: release.version, db) { throw ReleaseError.alreadyRecorded(existing) }
            try Self.insert(release, db)
        }
    }

    /// Records a release unless its version is known; returns whether it was added (for repeatable imports).
    @discardableResult
    public func addReleaseIfMissing(_ release: Release) throws -> Bool {
        try write { db in
            if try Self.release(version: release.version, db) != nil { return false }
            try Self.insert(release, db)
            return true
        }
    }

    /// Every recorded release, earliest first; releases at the same instant in version order.
    public func releases() throws -> [Release] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM release ORDER BY released_at, version").map(Self.release(from:))
        }
    }

    /// Forgets a release and returns what was recorded; fails when the version is unknown.
    @discardableResult
    public func removeRelease(version: String) throws -> Release {
        try write { db in
            guard let existing = try Self.release(version: version, db) else { throw ReleaseError.unknownVersion(version) }
            try db.execute(sql: "DELETE FROM release WHERE version = ?", arguments: [version])
            return existing
        }
    }

    private static func release(version: String, _ db: Database) throws -> Release? {
        try Row.fetchOne(db, sql: "SELECT * FROM release WHERE version = ?", arguments: [version]).map(release(from:))
    }

    private static func insert(_ release: Release, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO release (version, released_at, day, note, source) VALUES (?, ?, ?, ?, ?)",
            arguments: [release.version, release.instant.seconds, release.day.iso, release.note, release.source.rawValue])
    }

    private static func release(from row: Row) -> Release {
        // The schema's CHECK admits only the known sources.
        Release(
            version: row["version"], instant: Instant(seconds: row["released_at"]), note: row["note"],
            source: Release.Source(rawValue: row["source"]) ?? .manual)
    }
}
