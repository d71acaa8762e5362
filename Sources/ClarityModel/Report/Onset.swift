/// The first day of the week a segment's daily rate left its baseline, and the releases that may have caused it.
public struct Onset: Sendable, Equatable, Encodable {
    public let day: Day
    /// `Tue Nov 17`.
    public let dayText: String
    /// The robust z of that day's rate.
    public let z: Double
    /// Median of the baseline days' rates.
    public let baselineMedian: Double
    /// 1.4826 × the baseline's median absolute deviation.
    public let baselineSpread: Double
    public let baselineDays: Int
    /// Versions of the releases dated that day or the day before.
    public let releases: [String]
    /// `from Tue Nov 17, the day 2.6.0 shipped`.
    public let text: String

    /// Robust z a day's rate must reach, in the move's direction, on the onset day and on the next covered day.
    static let threshold = 3.0
    /// Days before the week whose daily rates form the baseline.
    static let baselineLength = 28
    /// Baseline days with sessions needed before an onset is looked for.
    static let minimumBaselineDays = 7

    /// Finds the onset of a move in a segment's daily figures, or nil when no day of the week left the baseline.
    ///
    /// The baseline is the segment's daily rates over the 28 days before the week: their median m and their spread
    /// s = 1.4826 × the median absolute deviation (a standard deviation that a few odd days cannot inflate). A day's
    /// robust z is (rate − m) / max(s, √(m(1 − m) / sessions)), the binomial floor keeping a small segment's single
    /// sessions from counting as a shift. The onset is the first covered day of the week whose z is at least 3 in the
    /// move's direction and whose next covered day in the week, when there is one, is too, so a one-day blip is not an
    /// onset. Releases dated the onset day or the day before are named as the likely cause.
    public static func find(days: [Day: Observation], signal: FrustrationSignal, week: ISOWeek, rising: Bool, releases: [Release]) -> Onset? {
        func rate(_ day: Day) -> (rate: Double, sessions: Double)? {
            guard let observation = days[day], let totals = Totals(days: [observation]).signals[signal],
                totals.sessions > 0, let rate = totals.rate
            else { return nil }
            return (rate, totals.sessions)
        }
        let baseline = (1...baselineLength).compactMap { rate(week.firstDay.advanced(by: -$0))?.rate }
        guard baseline.count >= minimumBaselineDays else { return nil }
        let median = Self.median(baseline)
        let spread = 1.4826 * Self.median(baseline.map { abs($0 - median) })
        let scored = week.days.compactMap { day -> (day: Day, z: Double)? in
            guard let (value, sessions) = rate(day) else { return nil }
            let clamped = min(max(median, 1 / sessions), 1 - 1 / sessions)
            let scale = max(spread, (clamped * (1 - clamped) / sessions).squareRoot())
            guard scale > 0 else { return nil }
            return (day, (value - median) / scale)
        }
        let beyond = { (z: Double) in rising ? z >= threshold : z <= -threshold }
        guard let index = scored.indices.first(where: { beyond(scored[$0].z) && (($0 + 1 == scored.count) || beyond(scored[$0 + 1].z)) }) else {
            return nil
        }
        let day = scored[index].day
        let onDay = releases.filter { $0.day == day }.map(\.version).sorted()
        let dayBefore = releases.filter { $0.day == day.advanced(by: -1) }.map(\.version).sorted()
        let dayText = "\(day.weekdayName) \(day.shortLabel)"
        var causes: [String] = []
        if !onDay.isEmpty { causes.append("the day \(ReleaseImpact.list(onDay)) shipped") }
        if !dayBefore.isEmpty { causes.append("the day after \(ReleaseImpact.list(dayBefore)) shipped") }
        return Onset(
            day: day, dayText: dayText, z: scored[index].z, baselineMedian: median, baselineSpread: spread, baselineDays: baseline.count,
            releases: onDay + dayBefore, text: "from \(dayText)" + (causes.isEmpty ? "" : ", " + causes.joined(separator: " and ")))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
