import Testing

@testable import ClarityCharts

@Suite("Nice scales")
struct NiceScaleTests {
    @Test(
        "Count axes start at zero and step in round numbers",
        arguments: [
            (8_102.0, 2_500.0, 10_000.0),
            (48_211, 20_000, 60_000),
            (5_000, 2_000, 6_000),
            (3, 1, 3),
            (14, 5, 15),
            (1_400, 500, 1_500),
        ])
    func counts(maximum: Double, step: Double, upper: Double) {
        let scale = NiceScale(covering: [maximum / 2, maximum], format: .count)
        #expect(scale.lower == 0)
        #expect(scale.step == step)
        #expect(scale.upper == upper)
    }

    @Test("Rate axes start at zero and step in round percentages")
    func rates() {
        let scale = NiceScale(covering: [0.021, 0.063], format: .percent)
        #expect(scale.lower == 0)
        #expect(abs(scale.step - 0.02) < 1e-12)
        #expect(abs(scale.upper - 0.08) < 1e-12)
        #expect(scale.ticks.count == 5)
    }

    @Test("Counts never take fractional steps")
    func wholeSteps() {
        #expect(NiceScale(covering: [2], format: .count).step == 1)
        #expect(NiceScale(covering: [9], format: .count).step == 5)
    }

    @Test("Tiny rates keep a step of a tenth of a percent")
    func tinyRates() {
        let scale = NiceScale(covering: [0.00004], format: .percent)
        #expect(scale.step == 0.001)
        #expect(scale.ticks == [0, 0.001])
    }

    @Test("Empty and all-zero data still get an axis")
    func empty() {
        #expect(NiceScale(covering: [], format: .count).ticks == [0, 1, 2, 3, 4])
        #expect(NiceScale(covering: [0, 0], format: .count).upper == 4)
        #expect(abs(NiceScale(covering: [], format: .percent).upper - 0.01) < 1e-12)
    }

    @Test("Negative values extend the axis below zero")
    func negatives() {
        let scale = NiceScale(covering: [-3, 10], format: .count)
        #expect(scale.lower == -5)
        #expect(scale.upper == 10)
        #expect(scale.ticks == [-5, 0, 5, 10])
    }

    @Test("Across magnitudes, ticks are 1, 2, 2.5 or 5 × 10^k, cover the data tightly, and number 3 to 5")
    func roundAcrossMagnitudes() {
        var maximum = 4.0
        while maximum < 5e9 {
            for format in [ValueFormat.count, .percent] {
                let value = format == .percent ? maximum / 1000 : maximum
                let scale = NiceScale(covering: [value], format: format)
                #expect(scale.lower == 0)
                #expect(scale.upper >= value && scale.upper - scale.step < value, "\(value)")
                #expect((3...5).contains(scale.ticks.count), "\(value): \(scale.ticks)")
                var mantissa = scale.step
                while mantissa >= 10 { mantissa /= 10 }
                while mantissa < 1 { mantissa *= 10 }
                #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(value): step \(scale.step)")
            }
            maximum *= 1.37
        }
    }
}
