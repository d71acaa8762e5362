import ClarityCharts
import ClarityModel

/// The weekly report's charts, drawn from its model.
public struct WeeklyCharts: Sendable {
    public let sessions: TimeSeriesChart
    public let frustration: TimeSeriesChart
    public let devices: BarChart
    public let browsers: BarChart
    public let segments: SegmentBarChart
    /// One sparkline per KPI id, over the 8 weeks ending with the report's.
    public let sparklines: [String: Sparkline]

    /// The charts drawn `width` pixels wide: 600 for the page, the email and the log; narrower ones for phones.
    public init(_ report: WeeklyReport, width: Int = 600) {
        let days = report.daily.map(\.day)
        let markers = report.releases.filter { days.contains($0.release.day) }.map { ChartMarker(day: $0.release.day, label: $0.release.version) }
        sessions = TimeSeriesChart(
            title: "Sessions per day, \(report.period.title)", days: days,
            series: [.init(name: "This week", values: report.daily.map(\.sessions))],
            previous: .init(name: "Last week", values: report.daily.map(\.previousSessions)),
            markers: markers, format: .count, width: width)
        frustration = TimeSeriesChart(
            title: "Share of sessions with each frustration signal, \(report.period.title)", days: days,
            series: FrustrationSignal.allCases.map { signal in
                .init(name: signal.label, values: report.daily.map { $0.rates[signal.rawValue] })
            },
            markers: markers, format: .percent, width: width, height: width < 600 ? 300 : 240)
        devices = Self.shares(title: "Share of sessions by device", report.devices, width: width)
        browsers = Self.shares(title: "Share of sessions by browser", report.browsers, width: width)
        segments = SegmentChartRows.chart(
            title: "Top frustration segments: rate as a multiple of the site's rate", report.frustrationSegments,
            width: width)
        var lines: [String: Sparkline] = [:]
        for kpi in report.kpis {
            lines[kpi.id] = Sparkline(
                title: "\(kpi.label)\(kpi.kind == "count" ? " per day" : ""), last 8 weeks", values: kpi.history,
                format: kpi.kind == "rate" ? .percent : .count,
                partial: report.historyDaysCovered.map { (1..<7).contains($0) })
        }
        sparklines = lines
    }

    static func shares(title: String, _ rows: [SegmentComparison], width: Int = 600) -> BarChart {
        BarChart(
            title: title, categories: rows.prefix(width < 600 ? 5 : 8).map { .init(label: $0.value, current: $0.share, previous: $0.previousShare) },
            format: .percent, width: width)
    }
}
