/// Whether a value stands out from the earlier periods: outside their range and beyond their spread.
///
/// Daily rates move far more than independent sessions would (releases, campaigns, bots), so a period is judged
/// against how the same figure moved from period to period: it must lie outside the earlier periods' range, and
/// its z against their mean and sample standard deviation must give a two-sided p below the significance level.
/// With identical earlier values the range alone decides. Fewer than 3 earlier periods give no verdict.
struct HistoryTest: Sendable, Equatable {
    let z: Double?
    let pValue: Double?
    let minimum: Double?
    let maximum: Double?
    let count: Int
    let inside: Bool?

    init(value: Double?, earlier: [Double]) {
        count = earlier.count
        minimum = earlier.min()
        maximum = earlier.max()
        if let value, let minimum, let maximum {
            inside = value >= minimum && value <= maximum
        } else {
            inside = nil
        }
        z = value.flatMap { Statistics.zScore(of: $0, against: earlier) }
        pValue = z.map(Statistics.pValue(z:))
    }

    /// True, false, or nil with too little history to tell.
    func beyond(significance: Double) -> Bool? {
        guard count >= 3, let inside else { return nil }
        guard !inside else { return false }
        return pValue.map { $0 < significance } ?? true
    }
}
