import ClarityModel
import Testing

@Suite("Kitagawa attribution of a rate's change over a breakdown")
struct RateAttributionTests {
    func browser(_ value: String, sessions: Double, withSignal: Double) -> SegmentTotals {
        var totals = Totals()
        (totals.days, totals.daysWithSessions, totals.sessions) = (7, 7, Int64(sessions))
        totals.signals[.rageClick] = SignalTotals(sessions: sessions, withSignal: withSignal)
        return SegmentTotals(segment: Segment([.init(.browser, value)]), totals: totals)
    }

    @Test("mix effect plus rate effect is the change exactly, and the value carrying it is named (worked by hand)")
    func rateDominates() throws {
        // Before: A 50% of sessions at 2%, B 50% at 4%: 3%. After: A 40% at 2%, B 60% at 6%: 4.4%, a change of +1.4 pt.
        // Mix: 0.02 × −0.1 + 0.05 × 0.1 = +0.3 pt. Rate: 0.45 × 0 + 0.55 × 0.02 = +1.1 pt. B: 0.5 + 1.1 = +1.6 pt, 114% of the change.
        let previous = [browser("A", sessions: 5_000, withSignal: 100), browser("B", sessions: 5_000, withSignal: 200)]
        let current = [browser("A", sessions: 4_000, withSignal: 80), browser("B", sessions: 6_000, withSignal: 360)]
        let result = try #require(RateAttribution.decompose(.rageClick, over: .browser, current: current, previous: previous, site: ""))
        #expect(abs(result.change - 0.014) < 1e-12)
        #expect(abs(result.mixEffect - 0.003) < 1e-12)
        #expect(abs(result.rateEffect - 0.011) < 1e-12)
        #expect(abs(result.mixEffect + result.rateEffect - result.change) < 1e-15)
        #expect(result.dominatedBy == "rate")
        #expect(result.parts.map(\.value) == ["B", "A"])
        #expect(abs(result.parts[0].contribution - 0.016) < 1e-12)
        #expect(abs(result.parts[1].contribution + 0.002) < 1e-12)
        #expect(result.text == "By Browser, B carries all of the rise (+1.6 pt against a net +1.4 pt).")
    }

    @Test("when the mix carries the change, the sentence says which share moved and that rates within did not")
    func mixDominates() throws {
        // A 50% → 30% at 2%, B 50% → 70% at 4%: 3% → 3.4%; mix 0.02 × −0.2 + 0.04 × 0.2 = +0.4 pt, rate effect 0.
        let previous = [browser("A", sessions: 5_000, withSignal: 100), browser("B", sessions: 5_000, withSignal: 200)]
        let current = [browser("A", sessions: 3_000, withSignal: 60), browser("B", sessions: 7_000, withSignal: 280)]
        let result = try #require(RateAttribution.decompose(.rageClick, over: .browser, current: current, previous: previous, site: ""))
        #expect(abs(result.mixEffect - 0.004) < 1e-12)
        #expect(abs(result.rateEffect) < 1e-15)
        #expect(result.dominatedBy == "mix")
        #expect(
            result.text
                == "By Browser, the mix of sessions carries the rise (+0.40 of +0.40 pt): the A share fell from 50.0% to 30.0%; within each value the rate did not change."
        )
    }

    @Test("a value seen in one week only is all mix, and a breakdown missing from a week gives no attribution")
    func oneSided() throws {
        let previous = [browser("A", sessions: 5_000, withSignal: 100)]
        let current = [browser("A", sessions: 5_000, withSignal: 100), browser("New", sessions: 5_000, withSignal: 500)]
        let result = try #require(RateAttribution.decompose(.rageClick, over: .browser, current: current, previous: previous, site: ""))
        // 2% → 6%: New's share 0 → 50% at 10% is +5 pt of mix; A's share 100% → 50% at 2% is −1 pt.
        #expect(abs(result.mixEffect - 0.04) < 1e-12)
        #expect(abs(result.rateEffect) < 1e-15)
        #expect(RateAttribution.decompose(.rageClick, over: .device, current: current, previous: previous, site: "") == nil)
    }
}
