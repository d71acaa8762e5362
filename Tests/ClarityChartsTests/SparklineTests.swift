import ClarityCharts
import Testing

@Suite("Sparkline")
struct SparklineTests {
    @Test("Is a small, text-free line with the latest value described")
    func basics() throws {
        let chart = Sample.sparkline.chart
        #expect(chart.summary == "Sessions, last 8 weeks: latest 5,200, lowest 4,100, highest 5,200 over 8 values; 1 missing.")
        let root = try #require(SVGNode.parse(chart.svg))
        #expect(root.attributes["width"] == "80" && root.attributes["height"] == "20")
        #expect(root.all("text").isEmpty)
        #expect(root.all("path").count == 2)
    }

    @Test("Breaks at gaps, dots lone values and emphasises the latest present value")
    func gaps() throws {
        let chart = Sparkline(title: "Sessions", values: [nil, 3, nil, 5, 6, nil, 7, nil])
        let root = try #require(SVGNode.parse(chart.svg))
        #expect(root.all("path").count == 1)
        let circles = root.all("circle")
        #expect(circles.filter { $0.attributes["r"] == "1.5" }.count == 2)
        let latest = try #require(circles.filter { $0.attributes["r"] == "2.5" }.only)
        let loneSeven = circles.filter { $0.attributes["r"] == "1.5" }.last!
        #expect(latest.attributes["cx"] == loneSeven.attributes["cx"])
        #expect(latest.number("cy")! < 4)
    }

    @Test("Draws a flat series across the middle")
    func flat() throws {
        let root = try #require(SVGNode.parse(Sparkline(title: "Sessions", values: [5, 5, 5]).svg))
        #expect(root.all("path").first?.attributes["d"] == "M3,10 L40,10 L77,10")
    }

    @Test("With no values draws nothing and says so")
    func allMissing() throws {
        let root = try #require(SVGNode.parse(Sample.sparklineAllMissing.chart.svg))
        #expect(root.all("path").isEmpty && root.all("circle").isEmpty)
        #expect(Sample.sparklineAllMissing.chart.summary == "Sessions, last 8 weeks: no data.")
    }
}
