import ClarityModel
import Foundation
import GRDB

/// The local SQLite metric store: every pulled response, its normalized rows, and which snapshot stands for each day.
public final class MetricStore: Sendable {
    let writer: any DatabaseWriter
    /// The file the store lives in, or `:memory:`.
    public let path: String

    static let knownMigrations = ["v1-snapshots-observations", "v2-fetch-budget", "v3-releases"]

    /// Opens (creating if needed) the store at a path, with WAL and a busy timeout, and migrates it.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            self.writer = pool
            try Self.prepare(pool, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// A private in-memory store, for tests.
    public init() throws {
        self.path = ":memory:"
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        self.writer = queue
        try Self.prepare(queue, path: path)
    }

    private static func prepare(_ writer: any DatabaseWriter, path: String) throws {
        let applied = try writer.read { db in
            try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        }
        let unknown = applied.filter { !knownMigrations.contains($0) }
        if !unknown.isEmpty {
            throw StoreError(path: path, message: "the store was written by a newer clarity-report (schema \(unknown.joined(separator: ", "))). Use that version, or a copy of the store made before it.")
        }
        if applied.count < knownMigrations.count {
            try Schema.migrator.migrate(writer)
        }
    }

    /// Runs a read in one consistent snapshot of the store.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs a write in one transaction: all of it lands, or none.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
