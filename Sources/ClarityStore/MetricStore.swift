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

    /// The identifiers of the migrations this version knows, in order, as the migrator registers them.
    static let knownMigrations = Schema.migrator.migrations

    /// How a command opens the store: writers create and migrate it; readers never change a byte of it.
    public enum Access: Sendable {
        case readWrite
        case readOnly
    }

    /// Opens the store at a path: for writing (created if needed, with WAL and a busy timeout, and migrated), or
    /// read-only, which works on a read-only file or folder and leaves the file's bytes as they were.
    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        do {
            switch access {
            case .readWrite:
                let pool = try Self.openForWriting(path)
                self.writer = pool
                self.reader = pool
                if try hasUncompressedRawResponses() { try compressRawResponses() }
            case .readOnly:
                let database = try Self.openReadOnly(path)
                self.writer = database
                self.reader = database
                try Self.checkSchema(database, path: path)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Opens (creating if needed) and migrates the store for writing.
    ///
    /// SQLite's busy timeout covers waiting for a lock, but not every first-open race: when several processes open a new
    /// file at once, switching it to WAL or starting the first migration can fail at once with SQLITE_BUSY. Such an
    /// open is tried again, a little later each time, for up to about 10 seconds before the error reaches the user.
    private static func openForWriting(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        var delay = 0.01
        var waited = 0.0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try prepare(pool, path: path)
                return pool
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && waited < 10 {
                Thread.sleep(forTimeInterval: delay)
                waited += delay
                delay = min(delay * 2, 0.5)
            }
        }
    }

    /// Opens an existing store without writing to it.
    ///
    /// A WAL store needs its `-shm` index, which SQLite creates beside the file; in a folder the user cannot write,
    /// the store is opened as immutable instead (no locks, no index), which is right for a backup or a read-only mount.
    private static func openReadOnly(_ path: String) throws -> any DatabaseWriter {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                path: path,
                message:
                    "there is no store at this path. Create one with `clarity-report ingest`, `fetch` or `demo`, or point --store (or $CLARITY_REPORT_STORE) at it."
            )
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // Opening is lazy: read once so a store that cannot be read this way fails here.
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return pool
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) {
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
        }
    }

    /// `file:` URI naming the store as immutable, its path percent-encoded.
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
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
        let applied = try appliedMigrations(writer, path: path)
        if applied.count < knownMigrations.count {
            try migrate(writer)
        }
    }

    /// Refuses, for a reader, a store it cannot read as it is: from a newer clarity-report, or not yet migrated.
    private static func checkSchema(_ reader: any DatabaseReader, path: String) throws {
        let applied = try appliedMigrations(reader, path: path)
        if applied.isEmpty {
            throw StoreError(
                path: path,
                message:
                    "this file is not a clarity-report store yet (an empty SQLite database, or one being created right now). Create the store with `clarity-report ingest`, `fetch` or `demo`, or run the command again in a moment."
            )
        }
        if applied.count < knownMigrations.count {
            throw StoreError(
                path: path,
                message:
                    "the store's schema is not complete: it is being created right now, or was written by an older clarity-report. Run the command again in a moment; if it still fails, run a writing command once (`clarity-report ingest` or `fetch`) with write access to upgrade the store."
            )
        }
    }

    /// The migrations the store has, refusing a store that has one this version does not know.
    private static func appliedMigrations(_ reader: any DatabaseReader, path: String) throws -> [String] {
        let applied = try reader.read { db in
            try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        }
        let unknown = applied.filter { !knownMigrations.contains($0) }
        if !unknown.isEmpty {
            throw StoreError(
                path: path,
                message:
                    "the store was written by a newer clarity-report (schema \(unknown.joined(separator: ", "))). Use that version, or a copy of the store made before it."
            )
        }
        return applied
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
