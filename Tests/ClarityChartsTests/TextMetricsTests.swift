import Testing

@testable import ClarityCharts

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

@Suite("Text fitting from the middle")
struct TextMetricsMiddleTests {
    @Test("a long label keeps its start and its end, and fits")
    func keepsEnds() {
        let label = "Safari · /collections/limited-edition-winter-jacket/reviews/page-2"
        let cut = TextMetrics.fitMiddle(label, maxWidth: 200, fontSize: 12)
        #expect(cut.contains("…"))
        #expect(TextMetrics.width(cut, fontSize: 12) <= 200)
        let parts = cut.components(separatedBy: "…")
        #expect(label.hasPrefix(parts[0]) && label.hasSuffix(parts[1]))
        #expect(parts[1].hasSuffix("page-2") && parts[0].hasPrefix("Safari"))
        #expect(TextMetrics.fitMiddle("Safari · /checkout", maxWidth: 200, fontSize: 12) == "Safari · /checkout")
    }

    @Test("a 10 kB label is cut in bounded time")
    func longLabel() {
        let label = String(repeating: "é漢😀|[x](y)", count: 1_000)
        let cut = TextMetrics.fitMiddle(label, maxWidth: 150, fontSize: 12)
        #expect(TextMetrics.width(cut, fontSize: 12) <= 150)
    }
}
