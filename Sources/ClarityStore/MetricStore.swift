import ClarityModel
import Foundation
import GRDB

/// The local SQLite metric store: every pulled response, its normalized rows, and which snapshot stands for each day.
public final class MetricStore: Sendable {
    let writer: any DatabaseWriter
    /// Where queries read: the writer itself, or for a frozen store one snapshot of it.
    let reader: any DatabaseReader
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
            self.reader = pool
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
        self.reader = queue
        try Self.prepare(queue, path: path)
    }

    private init(path: String, writer: any DatabaseWriter, reader: any DatabaseReader) {
        self.path = path
        self.writer = writer
        self.reader = reader
    }

    /// The store as it is now, frozen: every query on the result reads this one state, however many ingests land meanwhile.
    ///
    /// A report runs several queries; reading them all from one state keeps its figures consistent with each other. Writes
    /// still go to the live store. The private in-memory store has no snapshots and is returned as it is.
    public func frozen() throws -> MetricStore {
        guard let pool = writer as? DatabasePool else { return self }
        do {
            return MetricStore(path: path, writer: writer, reader: try pool.makeSnapshot())
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
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
            try migrate(writer)
        }
    }

    /// Migrates a store that another process may be migrating at the same moment (two first runs on a new store).
    ///
    /// The migrator reads which migrations are applied before it takes the write lock, so the later of two processes
    /// can find a migration's tables already created by the other; it then reads again and goes on from there.
    private static func migrate(_ writer: any DatabaseWriter) throws {
        var attempt = 0
        while true {
            do {
                try Schema.migrator.migrate(writer)
                return
            } catch {
                attempt += 1
                if try writer.read({ db in try Schema.migrator.hasCompletedMigrations(db) }) { return }
                if attempt > knownMigrations.count { throw error }
            }
        }
    }

    /// Runs a read in one consistent snapshot of the store.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
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
