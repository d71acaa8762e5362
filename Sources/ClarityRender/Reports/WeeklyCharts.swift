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

    public init(_ report: WeeklyReport) {
        let days = report.daily.map(\.day)
        let markers = report.releases.filter { days.contains($0.release.day) }.map { ChartMarker(day: $0.release.day, label: $0.release.version) }
        sessions = TimeSeriesChart(
            title: "Sessions per day, \(report.period.title)", days: days,
            series: [.init(name: "This week", values: report.daily.map(\.sessions))],
            previous: .init(name: "Last week", values: report.daily.map(\.previousSessions)),
            markers: markers, format: .count)
        frustration = TimeSeriesChart(
            title: "Share of sessions with each frustration signal, \(report.period.title)", days: days,
            series: FrustrationSignal.allCases.map { signal in
                .init(name: signal.label, values: report.daily.map { $0.rates[signal.rawValue] })
            },
            markers: markers, format: .percent, height: 240)
        devices = Self.shares(title: "Share of sessions by device", report.devices)
        browsers = Self.shares(title: "Share of sessions by browser", report.browsers)
        segments = SegmentChartRows.chart(
            title: "Top frustration segments: rate as a multiple of the site's rate", report.frustrationSegments,
            site: report.project.site)
        var lines: [String: Sparkline] = [:]
        for kpi in report.kpis {
            lines[kpi.id] = Sparkline(title: "\(kpi.label)\(kpi.kind == "count" ? " per day" : ""), last 8 weeks", values: kpi.history, format: kpi.kind == "rate" ? .percent : .count)
        }
        sparklines = lines
    }

    static func shares(title: String, _ rows: [SegmentComparison]) -> BarChart {
        BarChart(title: title, categories: rows.prefix(8).map { .init(label: $0.value, current: $0.share, previous: $0.previousShare) },
                 format: .percent)
    }
}
