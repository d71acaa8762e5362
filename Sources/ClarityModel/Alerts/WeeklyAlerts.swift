/// The daily alerts a weekly report mentions: anomalies still going on at the week's end, and those that ended in it.
public struct WeeklyAlerts: Sendable, Equatable, Encodable {
    /// One anomaly and where it stood.
    public struct Item: Sendable, Equatable, Encodable {
        /// The alert's sentence when it was first reported (holds site text).
        public let text: String
        public let firstDay: Day
        /// The first day back within its usual values, when that day is in the week.
        public let endedDay: Day?
        /// `ongoing` or `ended`.
        public let status: String
        /// `still ongoing (since Wed Nov 18)` or `back to normal on Fri Nov 20 (from Wed Nov 18)`.
        public let statusText: String
    }

    public let items: [Item]

    /// The anomalies of the records that touch the week, ongoing ones first, each group by first day; nil when none does.
    public static func build(_ records: [AlertRecord], week: ISOWeek) -> WeeklyAlerts? {
        let items = records.filter { $0.firstDay <= week.lastDay && ($0.endedDay.map { $0 >= week.firstDay } ?? true) }.map { record in
            let since = "\(record.firstDay.weekdayName) \(record.firstDay.shortLabel)"
            if let ended = record.endedDay, ended <= week.lastDay {
                return Item(
                    text: record.text, firstDay: record.firstDay, endedDay: ended, status: "ended",
                    statusText: "back to normal on \(ended.weekdayName) \(ended.shortLabel) (from \(since))")
            }
            return Item(text: record.text, firstDay: record.firstDay, endedDay: nil, status: "ongoing", statusText: "still ongoing (since \(since))")
        }.sorted { ($0.status == "ongoing" ? 0 : 1, $0.firstDay, $0.text) < ($1.status == "ongoing" ? 0 : 1, $1.firstDay, $1.text) }
        return items.isEmpty ? nil : WeeklyAlerts(items: items)
    }
}
