/// A stretch of UTC days a report covers, with what the store holds of it.
public struct PeriodSummary: Sendable, Equatable, Encodable {
    /// `2026-W47` or `2026-11`.
    public let label: String
    /// `Nov 16 – Nov 22, 2026` or `November 2026`.
    public let title: String
    public let firstDay: Day
    public let lastDay: Day
    public let dayCount: Int
    public let daysCovered: Int
    public let missingDays: [Day]
    /// Missing days, empty when none: `Mon Nov 16, Tue Nov 17` for a week, runs such as `Jun 3–4, Jun 7` for a month.
    public let missingText: String

    public init(label: String, title: String, days: [Day], covered: Set<Day>) {
        self.label = label
        self.title = title
        self.firstDay = days.first!
        self.lastDay = days.last!
        self.dayCount = days.count
        self.daysCovered = days.filter { covered.contains($0) }.count
        self.missingDays = days.filter { !covered.contains($0) }
        self.missingText = missingDays.map { "\($0.weekdayName) \($0.shortLabel)" }.joined(separator: ", ")
    }

    public var isComplete: Bool { daysCovered == dayCount }
}

/// Figures of one segment summed over a period.
public struct SegmentTotals: Sendable, Equatable {
    public let segment: Segment
    public let totals: Totals

    public init(segment: Segment, totals: Totals) {
        self.segment = segment
        self.totals = totals
    }
}

/// One segment's totals in each of several periods: nil where it has no row.
public struct SegmentPeriods: Sendable, Equatable {
    public let segment: Segment
    public let periods: [Totals?]

    public init(segment: Segment, periods: [Totals?]) {
        self.segment = segment
        self.periods = periods
    }
}

/// The project a report is about.
public struct ProjectInfo: Sendable, Equatable, Encodable {
    public let name: String
    /// The site's base URL, shown only as text.
    public let site: String

    public init(name: String, site: String) {
        self.name = name
        self.site = site
    }
}
