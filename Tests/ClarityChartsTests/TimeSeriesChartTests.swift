import ClarityModel
import Testing

@testable import ClarityCharts

@Suite("Time series chart")
struct TimeSeriesChartTests {
    private func parse(_ sample: Sample) throws -> SVGNode { try #require(SVGNode.parse(sample.chart.svg)) }

    private func lines(_ root: SVGNode, color: String) -> [SVGNode] {
        root.all("path").filter { $0.attributes["stroke"] == color }
    }

    @Test("Describes the week's total, its best day, the previous week, missing days and releases")
    func weekSummary() {
        #expect(
            Sample.timeSeriesWeek.chart.summary == """
                Sessions per day, Nov 16 to Nov 22: total 40,384, highest 8,102 on Wed Nov 18; \
                Previous week total 46,000; 1 day missing. Markers: v2.3 release on Wed Nov 18.
                """)
    }

    @Test("Breaks the line at a missing day and draws the previous week dashed and whole")
    func weekLines() throws {
        let root = try parse(.timeSeriesWeek)
        #expect(lines(root, color: ChartPalette.blue).count == 2)
        let previous = lines(root, color: ChartStyle.previous)
        #expect(previous.count == 1)
        #expect(previous.first?.attributes["stroke-dasharray"] != nil)
        #expect(lines(root, color: ChartPalette.blue).allSatisfy { $0.attributes["stroke-dasharray"] == nil })
    }

    @Test("Draws one line per run of present values, never joining across a gap, and a dot for each lone value")
    func gaps() throws {
        let root = try parse(.timeSeriesGaps)
        let paths = lines(root, color: ChartPalette.blue)
        let pointsPerPath = paths.map { $0.attributes["d"]!.split(separator: " ").count }
        #expect(pointsPerPath == [2, 3, 2])
        let lone = root.all("circle").filter { $0.attributes["r"] == "3" }
        #expect(lone.count == 2)
        let bands = root.all("rect").filter { $0.attributes["fill"] == ChartStyle.missing && $0.attributes["stroke"] == nil }
        #expect(bands.count == 4)
        #expect(Sample.timeSeriesGaps.chart.summary.hasSuffix("; 5 days missing."))
    }

    @Test("A series with no values draws no line and says there is no data")
    func allMissing() throws {
        let root = try parse(.timeSeriesAllMissing)
        #expect(root.all("path").isEmpty)
        #expect(root.all("circle").isEmpty)
        #expect(root.all("text").filter { $0.text == "No data" }.count == 1)
        #expect(root.all("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text) == ["0"])
        #expect(Sample.timeSeriesAllMissing.chart.summary == "Sessions per day, Nov 16 to Nov 22: no data; 7 days missing.")
    }

    @Test("A single day is a dot, centred, with its marker")
    func singleDay() throws {
        let root = try parse(.timeSeriesSingleDay)
        #expect(root.all("path").isEmpty)
        let dot = try #require(root.all("circle").only)
        let plot = root.all("line").filter { $0.attributes["stroke"] == ChartStyle.baseline }.first!
        #expect(abs(dot.number("cx")! - (plot.number("x1")! + plot.number("x2")!) / 2) < 0.01)
        #expect(root.all("line").filter { $0.attributes["stroke"] == ChartStyle.marker }.count == 1)
        #expect(Sample.timeSeriesSingleDay.chart.summary == "Sessions per day, Nov 18: 8,102. Markers: v2.3 release on Wed Nov 18.")
    }

    @Test("Labels a month of days on Mondays only")
    func monthAxis() throws {
        let root = try parse(.timeSeriesMonthRates)
        let axis = root.all("text").filter { $0.attributes["text-anchor"] == "middle" && $0.attributes["fill"] == ChartStyle.text }
        #expect(axis.map(\.text) == ["Nov 2", "Nov 9", "Nov 16", "Nov 23", "Nov 30"])
    }

    @Test("Labels a week of days in full")
    func weekAxis() throws {
        let root = try parse(.timeSeriesWeek)
        let axis = root.all("text").filter { $0.attributes["text-anchor"] == "middle" && $0.attributes["fill"] == ChartStyle.text }
        #expect(axis.map(\.text) == ["Mon Nov 16", "Tue Nov 17", "Wed Nov 18", "Thu Nov 19", "Fri Nov 20", "Sat Nov 21", "Sun Nov 22"])
    }

    @Test("Stacks labels of markers on neighbouring days and leaves out markers outside the range")
    func markers() throws {
        let root = try parse(.timeSeriesMonthRates)
        let labels = root.all("text").filter { $0.attributes["fill"] == ChartStyle.marker }
        #expect(labels.map(\.text) == ["v2.4", "Checkout redesign", "Hotfix 2.4.1", "Black Friday sale"])
        #expect(Set(labels.prefix(3).map { $0.attributes["y"]! }).count > 1)
        for row in Dictionary(grouping: labels, by: { $0.attributes["y"]! }).values {
            let spans = row.map { label in
                let width = TextMetrics.width(label.text, fontSize: 10)
                let x = label.number("x")!
                return label.attributes["text-anchor"] == "end" ? (x - width)...x : x...(x + width)
            }.sorted { $0.lowerBound < $1.lowerBound }
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }, "overlapping marker labels")
        }
        // The last marker's label (Nov 29, near the right edge) stays inside the canvas, whichever side of its line it takes.
        let last = try #require(labels.last)
        let lastWidth = TextMetrics.width(last.text, fontSize: 10)
        let lastEnd = last.attributes["text-anchor"] == "end" ? last.number("x")! : last.number("x")! + lastWidth
        #expect(lastEnd <= 600 - 4)
        let summary = Sample.timeSeriesMonthRates.chart.summary
        #expect(
            summary.hasSuffix(
                "Markers: v2.4 on Tue Nov 10, Checkout redesign on Wed Nov 11, Hotfix 2.4.1 on Thu Nov 12, Black Friday sale on Sun Nov 29."))
    }

    @Test("Describes rates by their lowest and highest day, per series, and counts days missing from every series")
    func ratesSummary() {
        let summary = Sample.timeSeriesMonthRates.chart.summary
        #expect(summary.hasPrefix("Frustration rates per day, Nov 1 to Nov 30: Rage clicks lowest 2.1% on Sun Nov 1, highest 3.0% on "))
        #expect(summary.contains("; Dead clicks lowest 3.4% on Sun Nov 1, highest "))
        #expect(summary.contains("; 2 days missing."))
    }

    @Test("Places weekly points by their Monday and a marker in the week containing its day")
    func weeks() throws {
        let root = try parse(.timeSeriesWeeks)
        let marker = try #require(root.all("line").first { $0.attributes["stroke"] == ChartStyle.marker })
        let dots = root.all("circle")
        #expect(marker.attributes["x1"] == dots.max { $0.number("cx")! < $1.number("cx")! }?.attributes["cx"])
        #expect(
            Sample.timeSeriesWeeks.chart.summary == """
                Sessions per week, week of Sep 28 to week of Nov 16: total 319,571, highest 50,320 on week of Nov 16; 1 week missing. \
                Markers: v2.3 on Wed Nov 18.
                """)
    }

    @Test("Months read in full when there is room, as short names when there is not, and in full in the description")
    func months() {
        let months = [Month(year: 2026, month: 10)!, Month(year: 2026, month: 11)!]
        let two = TimeSeriesChart(
            title: "Sessions per month", points: months.map(TimePoint.month),
            series: [.init(name: "Sessions", values: [190_000, 204_500])])
        #expect(two.summary == "Sessions per month, October 2026 to November 2026: total 394,500, highest 204,500 on November 2026.")
        #expect(two.svg.contains(">October 2026</text>"))
        let year = (1...12).map { Month(year: 2026, month: $0)! }
        let twelve = TimeSeriesChart(
            title: "Sessions per month", points: year.map(TimePoint.month),
            series: [.init(name: "Sessions", values: year.map { Double($0.month) * 1000 })])
        #expect(twelve.svg.contains(">Oct</text>"))
        #expect(twelve.summary.hasPrefix("Sessions per month, January 2026 to December 2026: total 78,000"))
    }

    @Test("Escapes hostile names, strips their invisible characters and cuts long marker labels with the whole label as a tooltip")
    func hostile() throws {
        let root = try parse(.timeSeriesHostile)
        #expect(root.children.first { $0.name == "title" }?.text == "Campaign \(Sample.hostile)")
        #expect(root.all("title").contains { $0.text == "utm_campaign=\(Sample.hostile)" })
        #expect(root.all("text").contains { $0.text == "eviltxt.exe" })
        let cut = try #require(root.all("text").first { $0.children.contains { $0.name == "title" } && $0.attributes["fill"] == ChartStyle.marker })
        #expect(cut.text.hasSuffix("…"))
        #expect(cut.children.first?.text == Sample.longLabel)
        #expect(TextMetrics.width(cut.text, fontSize: 10) <= 140)
        #expect(Sample.timeSeriesHostile.chart.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"))
    }

    @Test("Treats non-finite values as missing")
    func nonFinite() {
        let series = TimeSeriesChart.Series(name: "Sessions", values: [1, .nan, .infinity, 4])
        #expect(series.values == [1, nil, nil, 4])
    }

    @Test("Refuses a series whose length does not match the points")
    func mismatchedLengths() async {
        await #expect(processExitsWith: .failure) {
            _ = TimeSeriesChart(title: "Sessions", days: [Day(ordinal: 0)], series: [.init(name: "Sessions", values: [1, 2])])
        }
    }

    @Test("Names every line at its end instead of in a legend, labels 12 px apart; a chart too narrow for them keeps the legend")
    func directLabels() throws {
        // Three lines ending at 5.0%, 5.1% and 2.0%: the first two would overlap at their ends.
        let days = Sample.days(from: Sample.day(11, 16), count: 7)
        func chart(width: Int) -> TimeSeriesChart {
            TimeSeriesChart(
                title: "Rates", days: days,
                series: [
                    .init(name: "Rage clicks", values: [0.02, 0.03, 0.04, 0.05, 0.05, 0.05, 0.05]),
                    .init(name: "Excessive scrolling", values: [0.06, 0.06, 0.05, 0.05, 0.05, 0.051, 0.051]),
                    .init(name: "Script errors", values: [0.01, 0.01, 0.02, 0.02, 0.02, nil, 0.02]),
                ], format: .percent, width: width)
        }
        let wide = chart(width: 600)
        let gutter = try #require(wide.directLabelGutter)
        let root = try #require(SVGNode.parse(wide.svg))
        let names = ["Rage clicks", "Excessive scrolling", "Script errors"]
        let labels = names.map { name in root.all("text").filter { $0.text == name } }
        #expect(labels.allSatisfy { $0.count == 1 }, "each name once: no legend entry besides the label")
        let xs = labels.map { $0[0].number("x")! }
        #expect(xs.allSatisfy { abs($0 - (600 - gutter + 14)) < 0.01 })
        let ys = labels.map { $0[0].number("y")! }.sorted()
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $1 - $0 >= 12 - 1e-9 }, "\(ys)")
        // Excessive scrolling ends above rage clicks (5.1% against 5.0%), so its label is the upper one.
        #expect(labels[1][0].number("y")! < labels[0][0].number("y")!)
        // Each leader starts at its line's last point and is drawn in the line's colour.
        let leaders = root.all("path").filter { $0.attributes["stroke-width"] == "1.5" }
        #expect(leaders.map { $0.attributes["stroke"]! } == (0..<3).map { ChartPalette.seriesColor(at: $0) })
        // A phone-width chart has no room for a 120 px gutter: the legend names the lines.
        let narrow = chart(width: 280)
        #expect(narrow.directLabelGutter == nil)
        let narrowRoot = try #require(SVGNode.parse(narrow.svg))
        #expect(narrowRoot.all("path").allSatisfy { $0.attributes["stroke-width"] != "1.5" })
        #expect(names.allSatisfy { name in narrowRoot.all("text").contains { $0.text == name } })
        // One line needs no name.
        #expect(
            TimeSeriesChart(title: "Sessions", days: days, series: [.init(name: "Sessions", values: Array(repeating: 1.0, count: 7))])
                .directLabelGutter == nil)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
