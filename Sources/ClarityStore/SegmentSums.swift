import ClarityModel
import GRDB

/// One segment's observation rows summed as SQL's SUM and COUNT would: NULLs skipped, a sum of nothing missing.
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

    var rows = 0
    var sessions: Int64 = 0
    var rowsWithSessions = 0
    var botSessions: Int64 = 0
    var rowsWithBotSessions = 0
    var users: Int64 = 0
    var rowsWithUsers = 0
    /// Per signal: Σ sessionsCount over rows with a percentage, and Σ sessionsCount × percentage.
    var signalSessions = [Int64?](repeating: nil, count: FrustrationSignal.allCases.count)
    var signalProducts = [Double?](repeating: nil, count: FrustrationSignal.allCases.count)
    /// Per mean: Σ value × sessions, and Σ sessions over rows with a value.
    var meanProducts = [Double?](repeating: nil, count: meanColumns.count)
    var meanWeights = [Int64?](repeating: nil, count: meanColumns.count)

    /// Adds a row whose `columns` start at position `first`.
    mutating func add(_ row: Row, from first: Int) {
        rows += 1
        let sessions: Int64? = row[first]
        if let sessions {
            self.sessions += sessions
            rowsWithSessions += 1
        }
        if let bots = row[first + 1] as Int64? {
            botSessions += bots
            rowsWithBotSessions += 1
        }
        if let users = row[first + 2] as Int64? {
            self.users += users
            rowsWithUsers += 1
        }
        for index in signalSessions.indices {
            guard let count = row[first + 3 + 2 * index] as Int64?, let percentage = row[first + 4 + 2 * index] as Double? else { continue }
            signalSessions[index] = (signalSessions[index] ?? 0) + count
            signalProducts[index] = (signalProducts[index] ?? 0) + Double(count) * percentage
        }
        let meansStart = first + 3 + 2 * signalSessions.count
        for index in meanProducts.indices {
            guard let value = row[meansStart + index] as Double?, let sessions else { continue }
            meanProducts[index] = (meanProducts[index] ?? 0) + value * Double(sessions)
            meanWeights[index] = (meanWeights[index] ?? 0) + sessions
        }
    }

    /// The sums as the model's totals.
    var totals: Totals {
        var totals = Totals()
        totals.days = rows
        totals.sessions = sessions
        totals.daysWithSessions = rowsWithSessions
        totals.botSessions = botSessions
        totals.daysWithBotSessions = rowsWithBotSessions
        totals.dailyUsersSum = Double(users)
        totals.daysWithUsers = rowsWithUsers
        for (index, signal) in FrustrationSignal.allCases.enumerated() {
            if let count = signalSessions[index], let product = signalProducts[index] {
                totals.signals[signal] = SignalTotals(sessions: Double(count), withSignal: product / 100)
            }
        }
        for (index, mean) in Self.meanColumns.enumerated() {
            if let product = meanProducts[index], let weight = meanWeights[index] {
                totals.means[mean.metric] = WeightedSum(weightedValues: product, weight: Double(weight))
            }
        }
        return totals
    }
}
