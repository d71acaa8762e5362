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

    @Test("Marks values of partly covered periods as hollow dots and says how many there are")
    func partialPeriods() throws {
        // Weeks 3 and 8 (the latest) missed days; week 5 is missing altogether, so it has nothing to mark.
        let chart = Sparkline(title: "Sessions", values: [4, 5, 3, 6, nil, 6, 7, 8], partial: [false, false, true, false, true, false, false, true])
        #expect(chart.summary == "Sessions: latest 8, lowest 3, highest 8 over 8 values; 1 missing; 2 from partly covered periods (hollow).")
        let root = try #require(SVGNode.parse(chart.svg))
        let hollow = root.all("circle").filter { $0.attributes["fill"] == "#FFFFFF" }
        #expect(hollow.count == 2)
        // The third value (3, the lowest) sits at x = 3 + 2 × 74 / 7 on the bottom edge; the latest keeps its larger dot.
        #expect(abs(hollow[0].number("cx")! - (3 + 2 * 74.0 / 7)) < 0.01)
        #expect(hollow[0].number("cy") == 17)
        #expect(hollow[1].attributes["r"] == "2.5" && hollow[1].attributes["stroke"] == "#0072B2")
        // Without partial periods nothing is hollow.
        let full = try #require(SVGNode.parse(Sparkline(title: "Sessions", values: [4, 5, 3]).svg))
        #expect(full.all("circle").allSatisfy { $0.attributes["fill"] != "#FFFFFF" })
    }
}
