import ClarityModel

/// KPI comparisons of any stretch of days, judged as the weekly report judges a week.
///
/// The range is compared with the range of the same length just before it; the noise of counts and means is measured
/// on the 8 ranges of that length before it, per covered day for counts, as `WeeklyReport.build` does with 8 weeks.
/// A range that is exactly an ISO week therefore gets the weekly report's figures and verdicts.
enum RangeComparison {
    /// Earlier ranges the noise is measured on.
    static let earlierPeriods = 8

    /// The days of site totals `compare` reads for a range.
    static func siteDayRange(for range: ClosedRange<Day>) -> ClosedRange<Day> {
        range.lowerBound.advanced(by: -length(range) * earlierPeriods)...range.upperBound
    }

    static func length(_ range: ClosedRange<Day>) -> Int { range.lowerBound.distance(to: range.upperBound) + 1 }

    /// Every KPI of the range against the range before it, with the history of the 8 ranges ending with this one.
    static func compare(
        _ range: ClosedRange<Day>, siteDays: [Day: Observation], blocks: [DerivedBlock], settings: JudgementSettings,
        figures: [KPI] = KPI.allCases
    ) -> [KPIComparison] {
        let length = length(range)
        let totals = (0...earlierPeriods).map { offset -> Totals in
            let first = range.lowerBound.advanced(by: -length * offset)
            let period = first...first.advanced(by: length - 1)
            var totals = Totals(days: period.compactMap { siteDays[$0] })
            DerivedBlock.add(blocks, inside: period, to: &totals)
            return totals
        }
        let current = totals[0]
        let previous = totals[1]
        return figures.map { kpi in
            let history = (0..<earlierPeriods).reversed().map { totals[$0].days > 0 ? kpi.comparable(totals[$0]) : nil }
            let earlier = (1...earlierPeriods).compactMap { totals[$0].days > 0 ? kpi.comparable(totals[$0]) : nil }
            return KPIComparison(
                kpi: kpi, current: current, previous: previous.days > 0 ? previous : nil, history: history, earlier: earlier, settings: settings)
        }
    }
}
