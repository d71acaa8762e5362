/// How a metric's usual level differs by weekday, as ratios to its level over the whole baseline.
public struct WeekdayFactors: Sendable, Equatable {
    /// Factor per ISO weekday, index 0 for Monday; 1 where unknown.
    public let factors: [Double]

    public init(_ factors: [Double] = Array(repeating: 1, count: 7)) { self.factors = factors }

    public func factor(_ weekday: Int) -> Double { factors[weekday - 1] }

    /// The site's factors for a metric over the baseline days: f(w) = median of its values on weekday w / median of all.
    ///
    /// They come from the site, not from each segment: the site's figures stand on the most sessions, so four values per
    /// weekday are enough; a segment's own four would mostly measure its noise. A weekday with fewer than 2 values, or
    /// a baseline whose median is 0, keeps the factor 1.
    public static func site(_ metric: AlertMetric, days: [Day], totals: (Day) -> Totals?) -> WeekdayFactors {
        var byWeekday: [[Double]] = Array(repeating: [], count: 7)
        for day in days {
            guard let figures = totals(day), let observed = metric.observe(figures) else { continue }
            byWeekday[day.weekday - 1].append(observed.value)
        }
        let all = byWeekday.flatMap { $0 }
        guard !all.isEmpty else { return WeekdayFactors() }
        let overall = Onset.median(all)
        guard overall > 0 else { return WeekdayFactors() }
        return WeekdayFactors(
            byWeekday.map { values in
                guard values.count >= 2 else { return 1 }
                let factor = Onset.median(values) / overall
                return factor > 0 ? factor : 1
            })
    }
}
