/// Consecutive missed days known only together: a multi-day pull minus the pulls of its other days.
///
/// A period that holds every day of the block counts its figures in its totals; daily figures and charts show the gap.
public struct DerivedBlock: Equatable, Sendable {
    public let days: ClosedRange<Day>
    public let dimensions: DimensionSet
    /// The window of the pull it was derived from: 2 or 3 days.
    public let numOfDays: Int
    /// The block's figures, for the site totals; nil when read for a listing only.
    public let site: Observation?

    public init(days: ClosedRange<Day>, dimensions: DimensionSet, numOfDays: Int, site: Observation? = nil) {
        self.days = days
        self.dimensions = dimensions
        self.numOfDays = numOfDays
        self.site = site
    }

    /// The number of days the block holds.
    public var dayCount: Int { days.lowerBound.distance(to: days.upperBound) + 1 }

    /// Adds to a period's totals the site figures of every block that lies wholly inside the period.
    public static func add(_ blocks: [DerivedBlock], inside period: ClosedRange<Day>, to totals: inout Totals) {
        for block in blocks where period.contains(block.days.lowerBound) && period.contains(block.days.upperBound) && block.dimensions == .none {
            if let site = block.site { totals.add(site, spanning: block.dayCount) }
        }
    }

    /// A sentence for a report's coverage note about the site-totals blocks that touch a range; empty when none does.
    public static func note(_ blocks: [DerivedBlock], in range: ClosedRange<Day>) -> String {
        let touching = blocks.filter { $0.dimensions == .none && $0.days.overlaps(range) }
        guard !touching.isEmpty else { return "" }
        return " "
            + touching.map { block in
                let inside = range.contains(block.days.lowerBound) && range.contains(block.days.upperBound)
                return
                    "\(block.days.lowerBound.weekdayName) \(block.days.lowerBound.shortLabel)–\(block.days.upperBound.weekdayName) \(block.days.upperBound.shortLabel) "
                    + "are known only together, from a \(block.numOfDays)-day pull: "
                    + (inside
                        ? "their sum is in the totals, and the daily chart shows the gap" : "the block crosses the period's edge, so it is left out")
            }.joined(separator: "; ") + "."
    }
}
