import ClarityModel
import PropertyBased
import Testing

@Suite("Weighted means and rates")
struct TotalsTests {
    static let dayGenerator = Gen.int(in: 1...50_000).array(of: 1...10)

    func observation(sessions: Int, value: Double, percentage: Double) -> Observation {
        Observation(
            segment: .site, sessions: Int64(sessions), distinctUsers: Int64(sessions / 2), pagesPerSession: value,
            signals: [.rageClick: SignalFigures(sessions: Int64(sessions), percentage: percentage)], scrollDepth: value)
    }

    @Test("a weighted mean equals Σ value × sessions / Σ sessions, lies between the daily values, and ignores day order")
    func weightedMean() async {
        await propertyCheck(count: 300, input: Self.dayGenerator, Gen.int(in: 0...10_000).array(of: 10)) { sessions, values in
            let days = sessions.enumerated().map { index, count in
                observation(sessions: count, value: Double(values[index]) / 100, percentage: Double(values[index] % 101))
            }
            let totals = Totals(days: days)
            let expected = zip(sessions, values).reduce(0.0) { $0 + Double($1.0) * Double($1.1) / 100 } / Double(sessions.reduce(0, +))
            let mean = totals.mean(.pagesPerSession)!
            #expect(abs(mean - expected) <= 1e-9 * max(1, expected))
            let dailyValues = days.map { $0.pagesPerSession! }
            #expect(mean >= dailyValues.min()! - 1e-9 && mean <= dailyValues.max()! + 1e-9)
            let reversed = Totals(days: days.reversed()).mean(.pagesPerSession)!
            #expect(abs(reversed - mean) <= 1e-9 * max(1, mean))
        }
    }

    @Test("a rate is Σ sessions × percentage / Σ sessions, not the mean of daily percentages")
    func rateIsWeighted() {
        let totals = Totals(days: [observation(sessions: 900, value: 1, percentage: 10), observation(sessions: 100, value: 1, percentage: 50)])
        #expect(totals.rate(.rageClick) == 0.14)
    }

    @Test("distinct users are averaged over days, never summed")
    func usersAveraged() {
        let totals = Totals(days: [observation(sessions: 1_000, value: 1, percentage: 1), observation(sessions: 3_000, value: 1, percentage: 1)])
        #expect(totals.averageDailyUsers == 1_000)
    }

    @Test("missing figures are left out of both the sum and the weight")
    func missingLeftOut() {
        var blank = observation(sessions: 5_000, value: 1, percentage: 1)
        blank.pagesPerSession = nil
        blank.signals[.rageClick]?.percentage = nil
        let totals = Totals(days: [observation(sessions: 1_000, value: 3, percentage: 20), blank])
        #expect(totals.mean(.pagesPerSession) == 3)
        #expect(totals.rate(.rageClick) == 0.2)
        #expect(totals.sessions == 6_000)
    }
}

@Suite("Formatting")
struct FormatTests {
    @Test("numbers format without a locale")
    func numbers() {
        #expect(Format.integer(1_234_567) == "1,234,567")
        #expect(Format.integer(-999.6) == "-1,000")
        #expect(Format.integer(12) == "12")
        #expect(Format.percent(0.0423) == "4.2%")
        #expect(Format.percent(0.0064) == "0.64%")
        #expect(Format.change(0.1234) == "+12%")
        #expect(Format.change(-0.034) == "\u{2212}3.4%")
        #expect(Format.change(0.0001) == "±0.0%")
        #expect(Format.duration(94.3) == "1m 34s")
        #expect(Format.decimal(2.005, places: 2) == "2.01" || Format.decimal(2.005, places: 2) == "2.00")
        #expect(Format.decimal(-0.001, places: 1) == "0.0")
    }
}
