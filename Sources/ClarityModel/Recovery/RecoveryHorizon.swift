/// How long the API keeps a day within reach: a 3-day pull holds a day until 84 hours after it began.
public enum RecoveryHorizon {
    /// The most days one pull covers.
    public static let longestWindow = 3

    /// The first instant at which no pull can reach a day any more: when a 3-day window's last slot stands for the next day.
    public static func deadline(for day: Day) -> Instant {
        Instant(seconds: day.startSecond + 86_400 + Int64(longestWindow - 1) * 86_400 + 43_200)
    }

    /// The day a 1-day pull at an instant stands for.
    public static func latestDay(at now: Instant) -> Day { SnapshotWindow(pulledAt: now, numOfDays: 1).attributedDay! }

    /// Days before the latest one that a pull now can still reach, newest first.
    public static func reachableDays(at now: Instant) -> [Day] {
        let latest = latestDay(at: now)
        return (1..<longestWindow).map { latest.advanced(by: -$0) }.filter { deadline(for: $0) > now }
    }

    /// The window length whose earliest slot stands for a day when pulled now; nil beyond the API's reach.
    public static func windowReaching(_ day: Day, at now: Instant) -> Int? {
        let days = latestDay(at: now).ordinal - day.ordinal + 1
        return (2...longestWindow).contains(days) ? days : nil
    }
}
