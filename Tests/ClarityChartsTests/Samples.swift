import ClarityCharts
import ClarityModel

/// Charts covering every chart type and the edge cases the reports meet, each with a golden file.
enum Sample: String, CaseIterable, Sendable, CustomStringConvertible {
    case timeSeriesWeek = "time-series-week"
    case timeSeriesGaps = "time-series-gaps"
    case timeSeriesAllMissing = "time-series-all-missing"
    case timeSeriesSingleDay = "time-series-single-day"
    case timeSeriesMonthRates = "time-series-month-rates"
    case timeSeriesWeeks = "time-series-weeks"
    case timeSeriesHostile = "time-series-hostile"
    case barDevices = "bar-devices"
    case barBrowserRates = "bar-browser-rates"
    case barAllMissing = "bar-all-missing"
    case segmentFrustration = "segment-frustration"
    case segmentEmpty = "segment-empty"
    case sparkline = "sparkline"
    case sparklineAllMissing = "sparkline-all-missing"

    var description: String { rawValue }
    var goldenName: String { rawValue + ".svg" }

    static let hostile = "<script>alert(1)</script>&\"'"
    static let longLabel = String(
        ("https://shop.example.com/collections/" + String(repeating: "limited-edition-winter-jacket-", count: 12)).prefix(300))

    static func day(_ month: Int, _ day: Int) -> Day { Day(year: 2026, month: month, day: day)! }
    static func days(from start: Day, count: Int) -> [Day] { (0..<count).map { start.advanced(by: $0) } }

    var chart: any Chart {
        switch self {
        case .timeSeriesWeek:
            return TimeSeriesChart(
                title: "Sessions per day", days: Self.days(from: Self.day(11, 16), count: 7),
                series: [.init(name: "Sessions", values: [6812, 7420, 8102, 7950, nil, 5210, 4890])],
                previous: .init(name: "Previous week", values: [6500, 7100, 7600, 7700, 7400, 5000, 4700]),
                markers: [ChartMarker(day: Self.day(11, 18), label: "v2.3 release")])
        case .timeSeriesGaps:
            return TimeSeriesChart(
                title: "Sessions per day", days: Self.days(from: Self.day(11, 9), count: 14),
                series: [.init(name: "Sessions", values: Self.gappy.map { $0.map { $0 * 100 } })])
        case .timeSeriesAllMissing:
            return TimeSeriesChart(
                title: "Sessions per day", days: Self.days(from: Self.day(11, 16), count: 7),
                series: [.init(name: "Sessions", values: Array(repeating: nil, count: 7))])
        case .timeSeriesSingleDay:
            return TimeSeriesChart(
                title: "Sessions per day", days: [Self.day(11, 18)],
                series: [.init(name: "Sessions", values: [8102])],
                markers: [ChartMarker(day: Self.day(11, 18), label: "v2.3 release")])
        case .timeSeriesMonthRates:
            let rage: [Double?] = (0..<30).map { [12, 13].contains($0) ? nil : 0.021 + Double(($0 * 7) % 11) * 0.0009 }
            let dead: [Double?] = (0..<30).map { [12, 13, 20].contains($0) ? nil : 0.034 + Double(($0 * 5) % 9) * 0.0011 }
            return TimeSeriesChart(
                title: "Frustration rates per day", days: Self.days(from: Self.day(11, 1), count: 30),
                series: [.init(name: "Rage clicks", values: rage), .init(name: "Dead clicks", values: dead)],
                markers: [
                    ChartMarker(day: Self.day(11, 10), label: "v2.4"),
                    ChartMarker(day: Self.day(11, 11), label: "Checkout redesign"),
                    ChartMarker(day: Self.day(11, 12), label: "Hotfix 2.4.1"),
                    ChartMarker(day: Self.day(11, 29), label: "Black Friday sale"),
                    ChartMarker(day: Self.day(12, 2), label: "Outside the month"),
                ],
                format: .percent)
        case .timeSeriesWeeks:
            let weeks = (40...47).map { ISOWeek(year: 2026, week: $0)! }
            return TimeSeriesChart(
                title: "Sessions per week", points: weeks.map(TimePoint.week),
                series: [.init(name: "Sessions", values: [41200, 43950, nil, 45010, 46780, 44100, 48211, 50320])],
                markers: [ChartMarker(day: Self.day(11, 18), label: "v2.3")])
        case .timeSeriesHostile:
            return TimeSeriesChart(
                title: "Campaign \(Self.hostile)", days: Self.days(from: Self.day(11, 16), count: 7),
                series: [
                    .init(name: "utm_campaign=\(Self.hostile)", values: [120, 130, 90, 160, 150, 80, 70]),
                    .init(name: "evil\u{202E}txt.exe\u{200B}", values: [20, 30, 25, 40, 35, 15, 10]),
                ],
                markers: [
                    ChartMarker(day: Self.day(11, 17), label: Self.longLabel),
                    ChartMarker(day: Self.day(11, 20), label: Self.hostile),
                ])
        case .barDevices:
            return BarChart(
                title: "Sessions by device",
                categories: [
                    .init(label: "Mobile", current: 30102, previous: 28000),
                    .init(label: "Desktop", current: 15000, previous: 16200),
                    .init(label: "Tablet", current: 3109, previous: nil),
                ])
        case .barBrowserRates:
            return BarChart(
                title: "Rage click rate by browser",
                categories: [
                    .init(label: "Chrome", current: 0.021, previous: 0.019),
                    .init(label: "Safari", current: 0.034, previous: 0.031),
                    .init(label: "Edge", current: 0.018, previous: 0.02),
                    .init(label: "Firefox", current: 0.015, previous: 0.016),
                    .init(label: "Samsung Internet", current: 0.042, previous: 0.038),
                    .init(label: "Chrome Mobile WebView", current: nil, previous: 0.027),
                    .init(label: "Opera", current: 0.012, previous: 0.013),
                    .init(label: Self.longLabel, current: 0.051, previous: 0.044),
                ], format: .percent)
        case .barAllMissing:
            return BarChart(
                title: "Sessions by device",
                categories: [
                    .init(label: "Mobile", current: nil), .init(label: "Desktop", current: nil),
                ])
        case .segmentFrustration:
            return SegmentBarChart(
                title: "Rage click rate by segment",
                rows: [
                    .init(label: "Safari · iOS · Mobile", value: 0.063),
                    .init(label: "Chrome Mobile WebView · Android", value: 0.052),
                    .init(label: Self.longLabel, value: 0.047),
                    .init(label: Self.hostile, value: 0.041),
                    .init(label: "Firefox · Windows", value: 0.031),
                    .init(label: "Edge · Windows · Desktop", value: 0.024),
                ], reference: 0.021)
        case .segmentEmpty:
            return SegmentBarChart(title: "Rage click rate by segment", rows: [], reference: 0.021)
        case .sparkline:
            return Sparkline(title: "Sessions, last 8 weeks", values: [4100, 4350, nil, 4720, 4980, 4600, 5050, 5200])
        case .sparklineAllMissing:
            return Sparkline(title: "Sessions, last 8 weeks", values: Array(repeating: nil, count: 8))
        }
    }

    /// Fourteen values with gaps: runs of 2, 1, 3, 1 and 2 present values.
    static let gappy: [Double?] = [1, 2, nil, 4, nil, nil, 7, 8, 9, nil, 11, nil, 13, 14]
}
