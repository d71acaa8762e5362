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

/// A segment's sessions in one period, as the noise of a count and a value's presence need them: days with a row,
/// the sessions summed and the days that gave a session count.
public struct SessionCount: Sendable, Equatable {
    public var days: Int
    public var sessions: Int64
    public var daysWithSessions: Int

    public init(days: Int, sessions: Int64, daysWithSessions: Int) {
        self.days = days
        self.sessions = sessions
        self.daysWithSessions = daysWithSessions
    }

    /// Another segment's count over the same days added in, as `Totals.combined(with:)` adds them.
    public func combined(with other: SessionCount) -> SessionCount {
        SessionCount(
            days: max(days, other.days), sessions: sessions + other.sessions, daysWithSessions: max(daysWithSessions, other.daysWithSessions))
    }

    /// The count as totals holding nothing else.
    public var totals: Totals {
        var totals = Totals()
        totals.days = days
        totals.sessions = sessions
        totals.daysWithSessions = daysWithSessions
        return totals
    }
}

/// One segment's sessions in each of several periods: nil where it has no row.
public struct SegmentPeriods: Sendable, Equatable {
    public let segment: Segment
    public let periods: [SessionCount?]

    public init(segment: Segment, periods: [SessionCount?]) {
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
