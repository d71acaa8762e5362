import ClarityModel
import GRDB

extension MetricStore {
    /// The latest day the store covers with site totals (the no-dimension snapshot); nil for an empty store.
    public func latestSiteDay() throws -> Day? {
        let last: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT MAX(day) FROM day_snapshot WHERE dimensions = ''")
        }
        return last.flatMap(Day.init(iso:))
    }
}
