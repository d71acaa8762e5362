@testable import ClarityCharts
import Testing

@Suite("Text fitting")
struct TextMetricsTests {
    @Test("Short labels stay whole")
    func fits() {
        #expect(TextMetrics.fit("Mobile", maxWidth: 100, fontSize: 11) == "Mobile")
    }

    @Test("Long labels are cut to the width and end with an ellipsis")
    func cuts() {
        let label = String(repeating: "checkout-step-", count: 20)
        let cut = TextMetrics.fit(label, maxWidth: 120, fontSize: 11)
        #expect(cut.hasSuffix("…"))
        #expect(label.hasPrefix(String(cut.dropLast())))
        #expect(TextMetrics.width(cut, fontSize: 11) <= 120)
        #expect(TextMetrics.width(cut, fontSize: 11) > 100)
    }

    @Test("Cuts never leave a space before the ellipsis or split a character")
    func cutsCleanly() {
        #expect(TextMetrics.fit("Black Friday sale", maxWidth: 37, fontSize: 10) == "Black…")
        let thumbs = String(repeating: "👍🏽", count: 20)
        #expect(TextMetrics.fit(thumbs, maxWidth: 60, fontSize: 11).dropLast().allSatisfy { $0 == "👍🏽" })
    }

    @Test("Wide letters measure wider than narrow ones")
    func widths() {
        #expect(TextMetrics.width("WWWW", fontSize: 10) > TextMetrics.width("iiii", fontSize: 10) * 3)
        #expect(TextMetrics.width("東京", fontSize: 10) > TextMetrics.width("ab", fontSize: 10))
    }
}
