import Testing

@testable import ClarityCharts

@Suite("Value formats")
struct ValueFormatTests {
    @Test("Counts are whole numbers with thousands separators")
    func counts() {
        #expect(ValueFormat.count.format(0) == "0")
        #expect(ValueFormat.count.format(999) == "999")
        #expect(ValueFormat.count.format(12_345) == "12,345")
        #expect(ValueFormat.count.format(1_234_567.5) == "1,234,568")
        #expect(ValueFormat.count.format(-48_211) == "-48,211")
        #expect(ValueFormat.count.format(-0.4) == "0")
    }

    @Test("Rates are fractions shown as percentages with one decimal")
    func percents() {
        #expect(ValueFormat.percent.format(0.042) == "4.2%")
        #expect(ValueFormat.percent.format(0.04249) == "4.2%")
        #expect(ValueFormat.percent.format(0) == "0.0%")
        #expect(ValueFormat.percent.format(1) == "100.0%")
        #expect(ValueFormat.percent.format(12.5) == "1,250.0%")
    }

    @Test("Compact counts shorten ten thousand and more to k and M")
    func compact() {
        #expect(ValueFormat.count.compact(9_999) == "9,999")
        #expect(ValueFormat.count.compact(12_345) == "12.3k")
        #expect(ValueFormat.count.compact(40_000) == "40k")
        #expect(ValueFormat.count.compact(999_999) == "1M")
        #expect(ValueFormat.count.compact(4_120_000) == "4.1M")
        #expect(ValueFormat.percent.compact(0.042) == "4.2%")
    }

    @Test("Axis labels share one unit and show as many decimals as the step needs")
    func axisLabels() {
        #expect(ValueFormat.count.axisLabels(for: [0, 2_500, 5_000, 7_500, 10_000], step: 2_500) == ["0", "2.5k", "5k", "7.5k", "10k"])
        #expect(ValueFormat.count.axisLabels(for: [0, 2_000, 4_000, 6_000], step: 2_000) == ["0", "2,000", "4,000", "6,000"])
        #expect(ValueFormat.count.axisLabels(for: [0, 5_000_000, 10_000_000], step: 5_000_000) == ["0", "5M", "10M"])
        #expect(ValueFormat.percent.axisLabels(for: [0, 0.005, 0.01, 0.015], step: 0.005) == ["0%", "0.5%", "1%", "1.5%"])
        #expect(ValueFormat.percent.axisLabels(for: [0, 0.0025, 0.005], step: 0.0025) == ["0%", "0.25%", "0.5%"])
    }

    @Test("Coordinates have at most two decimals and no trailing zeros")
    func coordinates() {
        #expect(12.0.svg == "12")
        #expect(12.5.svg == "12.5")
        #expect((1.0 / 3).svg == "0.33")
        #expect((-0.001).svg == "0")
        #expect(599.999.svg == "600")
    }
}
