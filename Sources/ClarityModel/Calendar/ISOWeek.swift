/// An ISO 8601 week: Monday to Sunday, numbered within its ISO year.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// The week with this number, nil when the year has no such week.
    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeksIn(year: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The ISO week containing a day.
    public init(containing day: Day) {
        // The Thursday of the day's week decides the ISO year.
        let thursday = day.advanced(by: 4 - day.weekday)
        let isoYear = thursday.year
        let firstDay = Day(year: isoYear, month: 1, day: 1)!
        self.year = isoYear
        self.week = firstDay.distance(to: thursday) / 7 + 1
    }

    /// Parses `2026-W47` (also `2026W47`).
    public init?(label: String) {
        let upper = label.uppercased()
        let parts = upper.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let yearText = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard yearText.count == 4, parts[1].count == 2, let year = Int(yearText), let week = Int(parts[1]) else { return nil }
        self.init(year: year, week: week)
    }

    /// Monday of the week.
    public var firstDay: Day {
        let january4 = Day(year: year, month: 1, day: 4)!
        return january4.advanced(by: 1 - january4.weekday + (week - 1) * 7)
    }

    /// Sunday of the week.
    public var lastDay: Day { firstDay.advanced(by: 6) }

    public var days: [Day] { (0..<7).map { firstDay.advanced(by: $0) } }

    /// `2026-W47`.
    public var label: String { "\(year)-W\(Day.pad(week, 2))" }

    public var description: String { label }

    public var previous: ISOWeek { ISOWeek(containing: firstDay.advanced(by: -7)) }
    public var next: ISOWeek { ISOWeek(containing: firstDay.advanced(by: 7)) }

    /// 53 for years whose 1 January is a Thursday, or a Wednesday in a leap year; else 52.
    public static func weeksIn(year: Int) -> Int {
        guard let january1 = Day(year: year, month: 1, day: 1) else { return 52 }
        let weekday = january1.weekday
        return weekday == 4 || (weekday == 3 && Day.isLeap(year)) ? 53 : 52
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

/// A calendar month of UTC days.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(containing day: Day) {
        let components = day.components
        self.year = components.year
        self.month = components.month
    }

    /// Parses `2026-11`.
    public init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    public var days: [Day] { Array(firstDay...lastDay) }
    public var dayCount: Int { Day.daysIn(month: month, year: year) }

    /// `2026-11`.
    public var label: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }
    /// `November 2026`.
    public var title: String { "\(Day.monthNames[month - 1]) \(year)" }
    public var description: String { label }

    public var previous: Month { month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)! }
    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }
    public var yearEarlier: Month { Month(year: year - 1, month: month)! }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
