import ClarityModel

/// One position on a time series' x axis: a day, a week, a month or any labelled period.
public struct TimePoint: Sendable, Hashable {
    /// The short axis label, such as `Nov 18`.
    public let label: String
    /// The label used in descriptions and on roomy axes, such as `Tue Nov 18`.
    public let longLabel: String
    /// The days the point covers, used to place markers; nil when markers cannot land on it.
    public let days: ClosedRange<Day>?
    /// The singular noun for the period, used when counting missing points ("1 day missing").
    public let unit: String

    public init(label: String, longLabel: String? = nil, days: ClosedRange<Day>? = nil, unit: String = "point") {
        self.label = SVGText.clean(label)
        self.longLabel = SVGText.clean(longLabel ?? label)
        self.days = days
        self.unit = SVGText.clean(unit)
    }

    /// A single day: `Nov 18`, long `Tue Nov 18`.
    public static func day(_ day: Day) -> TimePoint {
        TimePoint(label: day.shortLabel, longLabel: "\(day.weekdayName) \(day.shortLabel)", days: day...day, unit: "day")
    }

    /// An ISO week labelled by its Monday: `Nov 16`, long `week of Nov 16`.
    public static func week(_ week: ISOWeek) -> TimePoint {
        TimePoint(
            label: week.firstDay.shortLabel, longLabel: "week of \(week.firstDay.shortLabel)",
            days: week.firstDay...week.lastDay, unit: "week")
    }

    /// A calendar month: `Nov`, long `November 2026`.
    public static func month(_ month: Month) -> TimePoint {
        TimePoint(
            label: String(Day.monthNames[month.month - 1].prefix(3)), longLabel: month.title,
            days: month.firstDay...month.lastDay, unit: "month")
    }

    /// Whether the point is exactly one day, so axes can label Mondays.
    var isSingleDay: Bool { days.map { $0.lowerBound == $0.upperBound } ?? false }
}
