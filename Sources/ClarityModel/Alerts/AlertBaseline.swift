/// Which earlier days a figure of a day is compared with.
public enum AlertBaseline: Sendable, Equatable {
    /// The same weekday in each of that many weeks before: for session counts, whose weekly rhythm is strong.
    case sameWeekday(weeks: Int)
    /// That many days before, put on the day's weekday by the site's weekday factors: for rates, so a segment whose
    /// breakdown is only a few weeks old still has a baseline and a level shift a month ago is already the norm.
    case recentDays(Int)

    /// The baseline of a metric under the settings.
    public static func of(_ metric: AlertMetric, settings: AlertSettings) -> AlertBaseline {
        metric == .sessions ? .sameWeekday(weeks: AlertSettings.sessionsBaselineWeeks) : .recentDays(settings.baselineDays)
    }

    /// The baseline days of a day, newest first.
    public func days(before day: Day) -> [Day] {
        switch self {
        case .sameWeekday(let weeks): return (1...max(1, weeks)).map { day.advanced(by: -7 * $0) }
        case .recentDays(let count): return (1...max(1, count)).map { day.advanced(by: -$0) }
        }
    }

    /// Baseline days with the figure needed before it is tested: 4 weeks, or a week of recent days.
    public var minimumDays: Int {
        switch self {
        case .sameWeekday: return 4
        case .recentDays: return 7
        }
    }

    /// How far back this baseline reaches.
    public var span: Int {
        switch self {
        case .sameWeekday(let weeks): return 7 * weeks
        case .recentDays(let count): return count
        }
    }
}
