/// An anomaly the alerts found, as the store remembers it between runs.
public struct AlertRecord: Sendable, Equatable {
    /// The metric id and segment key (`AlertReport.key`).
    public let key: String
    public let metric: String
    /// The finding's sentence when it was first reported.
    public let text: String
    public let firstDay: Day
    /// The latest checked day it was still seen.
    public let lastDay: Day
    /// The first checked day its figure was back within its usual values; nil while it goes on.
    public let endedDay: Day?

    public init(key: String, metric: String, text: String, firstDay: Day, lastDay: Day, endedDay: Day?) {
        self.key = key
        self.metric = metric
        self.text = text
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.endedDay = endedDay
    }
}
