import ClarityModel
import GRDB

extension MetricStore {
    /// The migrations this version of clarity-report knows, in order.
    public static var schemaMigrations: [String] { knownMigrations }

    /// The migrations the store has, in the order they were registered.
    public func appliedMigrations() throws -> [String] {
        let applied: [String] = try read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        return Self.knownMigrations.filter(applied.contains) + applied.filter { !Self.knownMigrations.contains($0) }.sorted()
    }

    /// SQLite's `PRAGMA quick_check`, line by line: `["ok"]` for a sound store.
    public func quickCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
    }

    /// When the latest request whose answer was stored was asked; nil when no fetch has stored anything.
    public func latestStoredRequest() throws -> Instant? {
        let seconds: Int64? = try read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(requested_at) FROM request_ledger WHERE outcome IN ('stored', 'already stored')")
        }
        return seconds.map(Instant.init(seconds:))
    }

    /// The first and the latest pull of any response; nil for an empty store.
    public func pullSpan() throws -> ClosedRange<Instant>? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(pulled_at) AS first, MAX(pulled_at) AS last FROM snapshot"),
                let first = row["first"] as Int64?, let last = row["last"] as Int64?
            else { return nil }
            return Instant(seconds: first)...Instant(seconds: last)
        }
    }
}
