/// How far one day's figure lies from the same weekday's usual values, with the evidence behind it.
public struct DailyScore: Sendable, Equatable, Encodable {
    public let value: Double
    /// Sessions behind the figure: the trials of a rate, the count itself for sessions.
    public let sessions: Double
    /// The baseline days that had the figure, newest first.
    public let baselineDays: [Day]
    /// The weekday factor of the checked day: its weekday's usual level over the baseline's (1 for no rhythm).
    public let weekdayFactor: Double
    /// Median of the baseline values, each put on the checked day's weekday by the weekday factors.
    public let median: Double
    /// 1.4826 × the baseline's median absolute deviation.
    public let spread: Double
    /// The scale z divides by: the spread, or the sampling floor when that is larger.
    public let scale: Double
    /// The usual range: the 10th and 90th percentiles of the weekday-adjusted baseline (its lowest and highest below 10 days).
    public let lowest: Double
    public let highest: Double
    /// (value − median) / scale.
    public let z: Double
    /// Student's t tail of z with 0.37 × (baseline days − 1) degrees of freedom: upper for rates, two-sided for sessions.
    public let pValue: Double

    /// Scores a day's figure against its baseline days (`AlertBaseline`); nil when the day has no figure, too few
    /// sessions, or too few baseline days with the figure.
    ///
    /// Each baseline day's value x is put on the checked day's weekday: x × f(checked weekday) / f(its weekday), where
    /// f are the site's weekday factors for the metric (`WeekdayFactors`; all 1 for a same-weekday baseline).
    /// Their median m and spread s = 1.4826 × MAD are the usual value and its day-to-day variation, which a few odd days
    /// cannot inflate. The scale is s, or the sampling floor when larger (binomial √(m(1 − m)/n) for a rate over n
    /// sessions, Poisson √m for a count), so a segment whose baseline happens to be flat does not alarm on a few
    /// sessions. z = (value − m) / scale, and its p-value is Student's t tail with 0.37 × (baseline days − 1) degrees
    /// of freedom: the spread is estimated from the baseline itself, and the MAD of n normal values pins the scale down
    /// only as well as the standard deviation of 0.37 n would (its Gaussian efficiency, 36.75%).
    public static func score(
        _ metric: AlertMetric, on day: Day, baseline: AlertBaseline, minimumSessions: Int, factors: WeekdayFactors,
        totals: (Day) -> Totals?
    ) -> DailyScore? {
        guard let today = totals(day), today.sessions >= Int64(minimumSessions), let (value, sessions) = metric.observe(today) else { return nil }
        var days: [Day] = []
        var values: [Double] = []
        let target = factors.factor(day.weekday)
        for baselineDay in baseline.days(before: day) {
            guard let figures = totals(baselineDay), let observed = metric.observe(figures) else { continue }
            days.append(baselineDay)
            values.append(observed.value * target / factors.factor(baselineDay.weekday))
        }
        guard values.count >= baseline.minimumDays else { return nil }
        let median = Onset.median(values)
        let spread = 1.4826 * Onset.median(values.map { abs($0 - median) })
        let floor: Double
        switch metric {
        case .sessions:
            floor = max(median, 1).squareRoot()
        case .rate:
            let clamped = min(max(median, 1 / sessions), 1 - 1 / sessions)
            floor = (clamped * (1 - clamped) / sessions).squareRoot()
        }
        let scale = max(spread, floor)
        guard scale > 0 else { return nil }
        let z = (value - median) / scale
        let degrees = max(1, AlertSettings.madEfficiency * Double(values.count - 1))
        let pValue =
            metric.isTwoSided
            ? min(1, 2 * Statistics.studentTUpperTail(abs(z), degrees: degrees))
            : Statistics.studentTUpperTail(z, degrees: degrees)
        let sorted = values.sorted()
        return DailyScore(
            value: value, sessions: sessions, baselineDays: days, weekdayFactor: target, median: median, spread: spread, scale: scale,
            lowest: sorted[sorted.count / 10], highest: sorted[sorted.count - 1 - sorted.count / 10], z: z, pValue: pValue)
    }

    /// Whether the figure left its usual values in the watched direction: z at least 3 and outside the usual range.
    func isBeyond(_ metric: AlertMetric) -> Bool {
        let up = z >= AlertSettings.minimumZ && value > highest
        let down = z <= -AlertSettings.minimumZ && value < lowest
        return metric.isTwoSided ? up || down : up
    }
}
