import ClarityCharts
import Testing

@Suite("Segment bar chart")
struct SegmentBarChartTests {
    private func bars(_ root: SVGNode) -> [SVGNode] {
        root.all("rect").filter { $0.attributes["fill"] == ChartPalette.blue }
    }

    @Test("Describes each segment's rate as a multiple of the site rate")
    func summary() {
        let summary = Sample.segmentFrustration.chart.summary
        #expect(summary.hasPrefix("Rage click rate by segment, compared with the site rate of 2.1%: Safari · iOS · Mobile 6.3% (3.0×), "))
        #expect(summary.hasSuffix(", Edge · Windows · Desktop 2.4% (1.1×)."))
        #expect(summary.contains(Sample.longLabel))
    }

    @Test("Draws bars in proportion from a zero axis and a dashed reference line at the site rate")
    func geometry() throws {
        let root = try #require(SVGNode.parse(Sample.segmentFrustration.chart.svg))
        let bars = bars(root)
        #expect(bars.count == 6)
        let left = bars[0].number("x")!
        #expect(bars.allSatisfy { $0.number("x") == left })
        #expect(abs(bars[0].number("width")! / bars[5].number("width")! - 0.063 / 0.024) < 0.01)
        let reference = try #require(root.all("line").first { $0.attributes["stroke-dasharray"] != nil })
        let referenceX = reference.number("x1")!
        #expect(abs((referenceX - left) / bars[0].number("width")! - 0.021 / 0.063) < 0.01)
        #expect(root.all("text").contains { $0.text == "site rate 2.1%" })
        #expect(Sample.segmentFrustration.chart.svg.contains("height=\"208\""))
    }

    @Test("Cuts long segment labels in the middle, keeping both ends, with the whole label as a tooltip; escapes hostile ones")
    func labels() throws {
        let root = try #require(SVGNode.parse(Sample.segmentFrustration.chart.svg))
        let cut = try #require(root.all("text").first { $0.children.first?.text == Sample.longLabel })
        let ends = cut.text.components(separatedBy: "…")
        #expect(ends.count == 2 && Sample.longLabel.hasPrefix(ends[0]) && Sample.longLabel.hasSuffix(ends[1]))
        #expect(!ends[1].isEmpty)
        #expect(root.all("text").contains { $0.text == Sample.hostile })
    }

    @Test("Without a reference describes plain rates and draws no reference line")
    func noReference() throws {
        let chart = SegmentBarChart(title: "Dead click rate", rows: [.init(label: "Mobile", value: 0.02), .init(label: "Desktop", value: .nan)])
        #expect(chart.summary == "Dead click rate: Mobile 2.0%.")
        let root = try #require(SVGNode.parse(chart.svg))
        #expect(!root.all("line").contains { $0.attributes["stroke-dasharray"] != nil })
    }

    @Test("With no segments says so")
    func empty() throws {
        let root = try #require(SVGNode.parse(Sample.segmentEmpty.chart.svg))
        #expect(bars(root).isEmpty)
        #expect(root.all("text").contains { $0.text == "No data" })
        #expect(root.all("line").isEmpty)
        #expect(Sample.segmentEmpty.chart.summary == "Rage click rate by segment: no segments; site rate 2.1%.")
    }
}
