import ClarityDemo
import ClarityModel

/// One store the benchmark builds: a name, the days it holds, and the responses pulled for each day.
struct BenchStore: Sendable {
    let name: String
    let summary: String
    let days: ClosedRange<Day>
    let responses: @Sendable (Day) -> [DemoResponse]

    /// Every store ends on the same Sunday, so each one's latest complete week (and month) is the same period.
    static let lastDay = Day(year: 2026, month: 11, day: 22)!

    /// The API's ceiling for one project over a year: ten responses a day, every metric at the 1,000-row cap.
    static let apiMax: BenchStore = {
        let first = lastDay.advanced(by: -364)
        let site = MaximalSite(firstDay: first, lastDay: lastDay)
        return BenchStore(
            name: "api-max", summary: "API max, 1 year: 10 responses a day, every metric at 1,000 rows",
            days: first...lastDay, responses: { site.responses(on: $0) })
    }()

    /// The demo site's shape (nine responses a day, demo row counts) over `days` days ending on `lastDay`.
    static func realistic(name: String, summary: String, days: Int) -> BenchStore {
        let first = lastDay.advanced(by: -(days - 1))
        let site = DemoSite(firstDay: first, lastDay: lastDay)
        return BenchStore(name: name, summary: summary, days: first...lastDay, responses: { site.responses(on: $0) })
    }

    static let all: [BenchStore] = [
        apiMax,
        realistic(name: "demo-1m", summary: "realistic, 1 month (31 days)", days: 31),
        realistic(name: "demo-1y", summary: "realistic, 1 year (365 days)", days: 365),
        realistic(name: "demo-3y", summary: "realistic, 3 years (1,095 days)", days: 1_095),
    ]

    /// How many years of data the store holds.
    var years: Double { Double(days.count) / 365 }
}
