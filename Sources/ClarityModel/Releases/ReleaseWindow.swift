/// The days a release's before/after comparison rests on: D−w…D−1 against D+1…D+w, the release day left out.
///
/// A weekday is compared only when every one of its days in both windows has site data: a day missing on one side
/// (no data, or not happened yet) takes its weekday out of both sides, so the two sides keep the same mix of
/// weekdays and a missed Monday cannot pass for a change. With a window of 7 (or a multiple of 7) each side holds
/// every weekday equally often, so the balance is exact.
public struct ReleaseWindow: Sendable, Equatable {
    public let releaseDay: Day
    /// Days on each side (w).
    public let length: Int
    /// The last day the store could hold data for; later days have not happened yet.
    public let asOf: Day
    /// D−w…D−1.
    public let beforeDays: [Day]
    /// D+1…D+w.
    public let afterDays: [Day]
    /// Days after the release that have happened by `asOf`.
    public let daysSoFar: Int
    /// Before-days whose weekday is compared.
    public let keptBefore: [Day]
    /// After-days whose weekday is compared.
    public let keptAfter: [Day]
    /// Days of either window, up to `asOf`, without site data.
    public let missingDays: [Day]
    /// ISO weekdays (1 Monday … 7 Sunday) compared, in the order they follow the release.
    public let comparedWeekdays: [Int]
    /// Weekdays left out because a day had no data, in the order of their first missing day.
    public let leftOutWeekdays: [Int]
    /// Weekdays left out only because their day after the release has not come yet.
    public let waitingWeekdays: [Int]

    /// Lays out the window of a release day; `covered` holds the days with site data, `length` must be at least 1.
    public init(releaseDay: Day, length: Int = 7, covered: Set<Day>, asOf: Day) {
        precondition(length >= 1, "a release window needs at least one day on each side")
        self.releaseDay = releaseDay
        self.length = length
        self.asOf = asOf
        beforeDays = (1...length).map { releaseDay.advanced(by: $0 - length - 1) }
        afterDays = (1...length).map { releaseDay.advanced(by: $0) }
        daysSoFar = afterDays.filter { $0 <= asOf }.count
        let all = beforeDays + afterDays
        missingDays = all.filter { $0 <= asOf && !covered.contains($0) }
        let missing = missingDays
        let weekdays = (afterDays + beforeDays).map(\.weekday).uniqued()
        leftOutWeekdays = missing.map(\.weekday).uniqued()
        waitingWeekdays = weekdays.filter { weekday in
            !missing.contains { $0.weekday == weekday } && all.contains { $0.weekday == weekday && $0 > asOf }
        }
        let excluded = Set(leftOutWeekdays + waitingWeekdays)
        comparedWeekdays = weekdays.filter { !excluded.contains($0) }
        keptBefore = beforeDays.filter { !excluded.contains($0.weekday) }
        keptAfter = afterDays.filter { !excluded.contains($0.weekday) }
    }

    /// True once every day after the release up to D+w has happened.
    public var isComplete: Bool { daysSoFar == length }

    /// Weekdays the two windows span (7 for a window of 7 or more).
    public var weekdayCount: Int { comparedWeekdays.count + leftOutWeekdays.count + waitingWeekdays.count }

    /// `3 of 7 days so far` while the after-window runs, `7 of 7 days` once it is complete.
    public var progressText: String {
        isComplete ? "\(length) of \(length) days" : "\(daysSoFar) of \(length) days so far"
    }

    /// What the comparison rests on, in words: `6 of 7 weekdays compared; Mon left out: no data on Mon Nov 9.`
    public var coverageText: String {
        var text: String
        if isComplete {
            text = "\(comparedWeekdays.count) of \(weekdayCount) weekdays compared"
        } else {
            let through = daysSoFar > 0 ? ", through \(Self.label(asOf))" : ""
            text = "\(progressText)\(through); \(comparedWeekdays.count) of \(weekdayCount) weekdays compared so far"
            if !comparedWeekdays.isEmpty {
                text += " (\(comparedWeekdays.map(Self.weekdayName).joined(separator: ", ")))"
            }
        }
        if !leftOutWeekdays.isEmpty {
            text +=
                "; \(leftOutWeekdays.map(Self.weekdayName).joined(separator: ", ")) left out: no data on \(missingDays.map(Self.label).joined(separator: ", "))"
        }
        return text + "."
    }

    /// `Mon Nov 9`.
    static func label(_ day: Day) -> String { "\(day.weekdayName) \(day.shortLabel)" }

    static func weekdayName(_ weekday: Int) -> String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1] }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept at its first occurrence only.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
