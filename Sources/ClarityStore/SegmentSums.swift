import ClarityModel
import GRDB
import GRDBSQLite

/// Observation rows summed per segment as SQL's SUM and COUNT would: NULLs skipped, a sum of nothing missing.
///
/// Every segment's sums sit in a few flat arrays (one slot per segment) and each row's columns are read straight from
/// the SQLite statement: at the API's maximum a week is 63,000 rows of 27 columns, and per-segment arrays and decoded
/// row values were a tenth of a weekly report.
struct SegmentSums {
    /// The observation columns read for each row, in this order.
    static let columns: [String] =
        ["sessions", "bot_sessions", "distinct_users"]
        + FrustrationSignal.allCases.flatMap { ["\($0.columnStem)_sessions", "\($0.columnStem)_pct"] }
        + meanColumns.map(\.column)

    /// The session-weighted means and their columns.
    static let meanColumns: [(metric: MeanMetric, column: String)] = [
        (.pagesPerSession, "pages_per_session"), (.scrollDepth, "scroll_depth"), (.activeTime, "active_time"), (.totalTime, "total_time"),
    ]

    static let signalCount = FrustrationSignal.allCases.count
    static let meanCount = meanColumns.count
    /// Per slot: rows, rows with sessions, rows with bot sessions, rows with users.
    static let countWidth = 4
    /// Per slot: sessions, bot sessions, users, then per signal Σ sessionsCount, then per mean Σ sessions (its weight).
    static let integerWidth = 3 + signalCount + meanCount
    /// Per slot: per signal Σ sessionsCount × percentage, then per mean Σ value × sessions.
    static let realWidth = signalCount + meanCount

    /// Each segment's slot, in the order segments came.
    private(set) var slots: [Int64: Int] = [:]
    private var counts: [Int] = []
    private var integers: [Int64] = []
    private var reals: [Double] = []
    /// Whether a signal's or a mean's sum has had a value (a sum of nothing stays missing).
    private var present: [Bool] = []

    private mutating func slot(of id: Int64) -> Int {
        if let slot = slots[id] { return slot }
        let slot = slots.count
        slots[id] = slot
        counts += repeatElement(0, count: Self.countWidth)
        integers += repeatElement(0, count: Self.integerWidth)
        reals += repeatElement(0, count: Self.realWidth)
        present += repeatElement(false, count: Self.realWidth)
        return slot
    }

    /// Adds the statement's current row to segment `id`: `columns` start at column `first`.
    mutating func add(_ statement: SQLiteStatement, segment id: Int64, from first: Int32) {
        let slot = slot(of: id)
        let count = slot * Self.countWidth
        let integer = slot * Self.integerWidth
        let real = slot * Self.realWidth
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
        counts[count] += 1
        let sessions: Int64? = isNull(first) ? nil : sqlite3_column_int64(statement, first)
        if let sessions {
            integers[integer] += sessions
            counts[count + 1] += 1
        }
        if !isNull(first + 1) {
            integers[integer + 1] += sqlite3_column_int64(statement, first + 1)
            counts[count + 2] += 1
        }
        if !isNull(first + 2) {
            integers[integer + 2] += sqlite3_column_int64(statement, first + 2)
            counts[count + 3] += 1
        }
        for index in 0..<Self.signalCount {
            let sessionsColumn = first + 3 + 2 * Int32(index)
            guard !isNull(sessionsColumn), !isNull(sessionsColumn + 1) else { continue }
            let signalSessions = sqlite3_column_int64(statement, sessionsColumn)
            integers[integer + 3 + index] += signalSessions
            reals[real + index] += Double(signalSessions) * sqlite3_column_double(statement, sessionsColumn + 1)
            present[real + index] = true
        }
        let meansStart = first + 3 + 2 * Int32(Self.signalCount)
        for index in 0..<Self.meanCount {
            guard let sessions, !isNull(meansStart + Int32(index)) else { continue }
            reals[real + Self.signalCount + index] += sqlite3_column_double(statement, meansStart + Int32(index)) * Double(sessions)
            integers[integer + 3 + Self.signalCount + index] += sessions
            present[real + Self.signalCount + index] = true
        }
    }

    /// A segment's sums as the model's totals; nil for a segment no row was added to.
    func totals(of id: Int64) -> Totals? {
        guard let slot = slots[id] else { return nil }
        let count = slot * Self.countWidth
        let integer = slot * Self.integerWidth
        let real = slot * Self.realWidth
        var totals = Totals()
        totals.days = counts[count]
        totals.sessions = integers[integer]
        totals.daysWithSessions = counts[count + 1]
        totals.botSessions = integers[integer + 1]
        totals.daysWithBotSessions = counts[count + 2]
        totals.dailyUsersSum = Double(integers[integer + 2])
        totals.daysWithUsers = counts[count + 3]
        for (index, signal) in FrustrationSignal.allCases.enumerated() where present[real + index] {
            totals.signals[signal] = SignalTotals(sessions: Double(integers[integer + 3 + index]), withSignal: reals[real + index] / 100)
        }
        for (index, mean) in Self.meanColumns.enumerated() where present[real + Self.signalCount + index] {
            totals.means[mean.metric] = WeightedSum(
                weightedValues: reals[real + Self.signalCount + index], weight: Double(integers[integer + 3 + Self.signalCount + index]))
        }
        return totals
    }
}
