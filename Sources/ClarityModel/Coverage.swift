/// Which UTC days the store holds for each dimension set.
public struct Coverage: Sendable, Equatable {
    public var days: [DimensionSet: Set<Day>]

    public init(days: [DimensionSet: Set<Day>] = [:]) {
        self.days = days
    }

    /// Days covered for a dimension set, in order.
    public func covered(_ dimensions: DimensionSet) -> [Day] { (days[dimensions] ?? []).sorted() }

    /// Days in a range that a dimension set lacks.
    public func missing(_ dimensions: DimensionSet, in range: ClosedRange<Day>) -> [Day] {
        let have = days[dimensions] ?? []
        return range.filter { !have.contains($0) }
    }

    /// The first and last day any dimension set covers.
    public var span: ClosedRange<Day>? {
        let all = days.values.flatMap { $0 }
        guard let first = all.min(), let last = all.max() else { return nil }
        return first...last
    }

    /// Collapses days into runs of consecutive days, for prose such as "Jun 3–4".
    public static func runs(_ days: [Day]) -> [ClosedRange<Day>] {
        var result: [ClosedRange<Day>] = []
        for day in days.sorted() {
            if let last = result.last, last.upperBound.advanced(by: 1) == day {
                result[result.count - 1] = last.lowerBound...day
            } else {
                result.append(day...day)
            }
        }
        return result
    }
}

/// A breakdown whose response reached the API's row cap: segments past the cap are missing from it.
public struct CappedBreakdown: Sendable, Equatable {
    public let day: Day
    public let dimensions: DimensionSet
    public let rows: Int

    public init(day: Day, dimensions: DimensionSet, rows: Int) {
        self.day = day
        self.dimensions = dimensions
        self.rows = rows
    }
}
