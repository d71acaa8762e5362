/// A day whose figures for one dimension set were derived from a 2- or 3-day pull rather than pulled on their own.
public struct DerivedDay: Hashable, Sendable, Comparable {
    public let day: Day
    public let dimensions: DimensionSet
    /// The window of the pull it was derived from: 2 or 3 days.
    public let numOfDays: Int

    public init(day: Day, dimensions: DimensionSet, numOfDays: Int) {
        self.day = day
        self.dimensions = dimensions
        self.numOfDays = numOfDays
    }

    public static func < (lhs: DerivedDay, rhs: DerivedDay) -> Bool {
        (lhs.day, lhs.dimensions.key) < (rhs.day, rhs.dimensions.key)
    }

    /// A sentence for a report's coverage note, such as ` Tue Nov 3 derived from a 2-day pull.`; empty when no day of the range is derived.
    public static func note(_ derived: [DerivedDay], in range: ClosedRange<Day>) -> String {
        let inRange = derived.filter { range.contains($0.day) && $0.dimensions == .none }
        guard !inRange.isEmpty else { return "" }
        let days = Dictionary(grouping: inRange, by: \.day).sorted { $0.key < $1.key }.map { day, entries in
            "\(day.weekdayName) \(day.shortLabel) derived from a \(entries.map(\.numOfDays).max()!)-day pull"
        }
        return " " + days.joined(separator: ", ") + " (the whole window minus the other days' own pulls; distinct users unknown)."
    }
}
