import ClarityModel
import GRDB

/// A place in a UTC day's request budget, held by one request to the API.
public struct RequestSlot: Sendable, Hashable, CustomStringConvertible {
    public let day: Day
    /// Position in the day's ledger, from 1.
    public let sequence: Int

    public var description: String { "\(day.iso) #\(sequence)" }
}

/// How much of a UTC day's request budget the ledger shows as used.
public struct RequestBudget: Sendable, Equatable {
    public let day: Day
    public let limit: Int
    /// Slots reserved this day by every process, whatever became of them.
    public let used: Int
    /// When the API answered 429 this day, if it did.
    public let spentAt: Instant?

    /// Requests still allowed this day: none once the API said the limit was reached.
    public var left: Int { spentAt == nil ? max(0, limit - used) : 0 }
}

/// One request the ledger recorded.
public struct LedgerEntry: Sendable, Equatable {
    public let slot: RequestSlot
    public let requestedAt: Instant
    /// What was asked, in the fetch plan's words (for example `Device+Browser`).
    public let request: String
    /// The HTTP status, when an answer came.
    public let status: Int?
    /// What became of the request; `reserved` until the fetch records more.
    public let outcome: String
}

// The API allows a fixed number of requests per project and UTC day and answers 429 past it, without saying when
// it resets. The ledger counts every request any process asked, in the store everyone shares: one store is one
// Clarity project. A slot is counted from the moment it is reserved, before the request is sent, so a crash or a
// timeout never lets the count fall below what the API saw.
extension MetricStore {
    /// Requests the Data Export API allows per project and UTC day.
    public static let dailyRequestLimit = 10

    /// Reserves the next slot of the day containing `now`, in one write transaction; nil when the day is spent.
    public func reserveRequest(_ request: String, at now: Instant) throws -> RequestSlot? {
        let day = now.day
        return try write { db in
            let budget = try Self.budget(on: day, db)
            guard budget.left > 0 else { return nil }
            let sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM request_ledger WHERE day = ?", arguments: [day.iso])!
            try db.execute(
                sql: "INSERT INTO request_ledger (day, seq, requested_at, request, status, outcome) VALUES (?, ?, ?, ?, NULL, 'reserved')",
                arguments: [day.iso, sequence, now.seconds, request])
            return RequestSlot(day: day, sequence: sequence)
        }
    }

    /// Records what became of a reserved request: the HTTP status when one came, and a word on the outcome.
    public func recordOutcome(of slot: RequestSlot, status: Int?, outcome: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE request_ledger SET status = ?, outcome = ? WHERE day = ? AND seq = ?",
                arguments: [status, outcome, slot.day.iso, slot.sequence])
        }
    }

    /// Marks a day as spent after the API answered 429, so no process asks again that day.
    public func markBudgetSpent(on day: Day, at now: Instant) throws {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO spent_day (day, marked_at) VALUES (?, ?)", arguments: [day.iso, now.seconds])
        }
    }

    /// The budget of a UTC day as the ledger shows it now.
    public func requestBudget(on day: Day) throws -> RequestBudget {
        try read { db in try Self.budget(on: day, db) }
    }

    /// Every request recorded on a UTC day, in the order they were reserved.
    public func ledger(on day: Day) throws -> [LedgerEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, requested_at, request, status, outcome FROM request_ledger WHERE day = ? ORDER BY seq",
                arguments: [day.iso]
            ).map { row in
                LedgerEntry(
                    slot: RequestSlot(day: day, sequence: row["seq"]), requestedAt: Instant(seconds: row["requested_at"]),
                    request: row["request"], status: row["status"], outcome: row["outcome"])
            }
        }
    }

    private static func budget(on day: Day, _ db: Database) throws -> RequestBudget {
        let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request_ledger WHERE day = ?", arguments: [day.iso])!
        let spentAt = try Int64.fetchOne(db, sql: "SELECT marked_at FROM spent_day WHERE day = ?", arguments: [day.iso])
        return RequestBudget(day: day, limit: dailyRequestLimit, used: used, spentAt: spentAt.map(Instant.init(seconds:)))
    }
}
