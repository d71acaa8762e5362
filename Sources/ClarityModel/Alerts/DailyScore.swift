/// How far one day's figure lies from the same weekday's usual values, with the evidence behind it.
public struct DailyScore: Sendable, Equatable, Encodable {
    public let value: Double
    /// Sessions behind the figure: the trials of a rate, the count itself for sessions.
    public let sessions: Double
    /// The baseline days that had the figure, newest first.
    public let baselineDays: [Day]
    /// Median of the baseline values.
    public let median: Double
    /// 1.4826 × the baseline's median absolute deviation.
    public let spread: Double
    /// The scale z divides by: the spread, or the sampling floor when that is larger.
    public let scale: Double
    public let lowest: Double
    public let highest: Double
    /// (value − median) / scale.
    public let z: Double
    /// Student's t tail of z with (baseline days − 1) degrees of freedom: upper for rates, two-sided for sessions.
    public let pValue: Double

    /// Scores a day's figure against the same weekday in the weeks before; nil when the day has no figure, too few
    /// sessions, or fewer than `AlertSettings.minimumBaselineDays` baseline days with the figure.
    ///
    /// The baseline is the figure on the same weekday in each of the `weeks` weeks before (so a Monday peak is compared
    /// with Mondays): its median m and spread s = 1.4826 × MAD, which one odd day cannot inflate. The scale is s, or the
    /// sampling floor when larger (binomial √(m(1 − m)/n) for a rate over n sessions, Poisson √m for a count), so a
    /// segment whose baseline happens to be flat does not alarm on a few sessions. z = (value − m) / scale, and its
    /// p-value is Student's t tail with (baseline days − 1) degrees of freedom, because the spread is estimated from
    /// only 4 to 8 days.
    public static func score(_ metric: AlertMetric, on day: Day, weeks: Int, minimumSessions: Int, totals: (Day) -> Totals?) -> DailyScore? {
        guard let today = totals(day), today.sessions >= Int64(minimumSessions), let (value, sessions) = metric.observe(today) else { return nil }
        var days: [Day] = []
        var values: [Double] = []
        for baselineDay in AlertInput.baselineDays(of: day, weeks: weeks) {
            guard let figures = totals(baselineDay), let observed = metric.observe(figures) else { continue }
            days.append(baselineDay)
            values.append(observed.value)
        }
        guard values.count >= AlertSettings.minimumBaselineDays else { return nil }
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
        let degrees = Double(values.count - 1)
        let pValue = metric.isTwoSided ? min(1, 2 * Statistics.studentTUpperTail(abs(z), degrees: degrees))
                                       : Statistics.studentTUpperTail(z, degrees: degrees)
        return DailyScore(value: value, sessions: sessions, baselineDays: days, median: median, spread: spread, scale: scale,
                          lowest: values.min()!, highest: values.max()!, z: z, pValue: pValue)
    }

    /// Whether the figure left its usual values in the watched direction: z at least 3 and outside every baseline day's value.
    func isBeyond(_ metric: AlertMetric) -> Bool {
        let up = z >= AlertSettings.minimumZ && value > highest
        let down = z <= -AlertSettings.minimumZ && value < lowest
        return metric.isTwoSided ? up || down : up
    }
}
