import ClarityCharts
import Testing

@Suite("Bar chart")
struct BarChartTests {
    private func bars(_ root: SVGNode, color: String) -> [SVGNode] {
        root.all("rect").filter { $0.attributes["fill"] == color && $0.attributes["stroke"] == nil }
    }

    @Test("Describes each category this week against last week")
    func summary() {
        #expect(
            Sample.barDevices.chart.summary == """
                Sessions by device (This week vs Last week): Mobile 30,102 vs 28,000; Desktop 15,000 vs 16,200; Tablet 3,109 vs no data.
                """)
    }

    @Test("Pairs a grey last-week bar with a blue this-week bar, heights in proportion to the values")
    func pairs() throws {
        let root = try #require(SVGNode.parse(Sample.barDevices.chart.svg))
        let current = bars(root, color: ChartPalette.blue)
        let previous = bars(root, color: ChartStyle.previous)
        #expect(current.count == 3)
        #expect(previous.count == 2)
        let heights = current.map { $0.number("height")! }
        #expect(abs(heights[0] / heights[1] - 30_102.0 / 15_000) < 0.01)
        #expect(previous[0].number("x")! < current[0].number("x")!)
        #expect(root.all("text").map(\.text).starts(with: ["0", "10k", "20k", "30k", "40k"]))
    }

    @Test("Writes each value above its bar, n/a when it is missing, and cuts long category labels")
    func labels() throws {
        let root = try #require(SVGNode.parse(Sample.barBrowserRates.chart.svg))
        let texts = root.all("text").map(\.text)
        #expect(texts.contains("3.4%"))
        #expect(texts.contains("n/a"))
        let cut = try #require(root.all("text").first { $0.children.first?.text == Sample.longLabel })
        #expect(cut.text.hasSuffix("…"))
        #expect(Sample.barBrowserRates.chart.summary.contains("; Chrome Mobile WebView no data vs 2.7%;"))
    }

    @Test("Without previous values draws single bars and no legend")
    func single() throws {
        let chart = BarChart(
            title: "Sessions by device",
            categories: [
                .init(label: "Mobile", current: 300), .init(label: "Desktop", current: 150),
            ])
        #expect(chart.summary == "Sessions by device: Mobile 300; Desktop 150.")
        let root = try #require(SVGNode.parse(chart.svg))
        #expect(bars(root, color: ChartPalette.blue).count == 2)
        #expect(!root.all("text").contains { $0.text == "This week" })
    }

    @Test("With no values says there is no data")
    func allMissing() throws {
        let root = try #require(SVGNode.parse(Sample.barAllMissing.chart.svg))
        #expect(bars(root, color: ChartPalette.blue).isEmpty)
        #expect(root.all("text").contains { $0.text == "No data" })
        #expect(Sample.barAllMissing.chart.summary == "Sessions by device: Mobile no data; Desktop no data.")
    }
}
