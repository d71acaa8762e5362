import ClarityCharts
import ClarityModel

/// The monthly summary's charts, drawn from its model.
public struct MonthlyCharts: Sendable {
    public let sessions: TimeSeriesChart
    public let frustration: TimeSeriesChart
    public let segments: SegmentBarChart
    /// One sparkline per headline KPI id, over the last 12 months.
    public let sparklines: [String: Sparkline]

    /// The charts drawn `width` pixels wide: 600 for the page, the email and the PDF; narrower ones for phones.
    public init(_ report: MonthlyReport, width: Int = 600) {
        let points = report.weeklyTrend.map { point in
            ISOWeek(label: point.week).map(TimePoint.week) ?? TimePoint(label: point.week)
        }
        let markers = report.trendReleases.map { ChartMarker(day: $0.day, label: $0.version) }
        sessions = TimeSeriesChart(
            title: "Sessions per covered day, by ISO week", points: points,
            series: [.init(name: "Sessions per day", values: report.weeklyTrend.map(\.sessionsPerDay))],
            markers: markers, format: .count, width: width)
        frustration = TimeSeriesChart(
            title: "Share of sessions with each frustration signal, by ISO week", points: points,
            series: FrustrationSignal.allCases.map { signal in
                .init(name: signal.label, values: report.weeklyTrend.map { $0.rates[signal.rawValue] })
            },
            markers: markers, format: .percent, width: width, height: width < 600 ? 300 : 240)
        segments = SegmentChartRows.chart(
            title: "Top frustration segments of the month: rate as a multiple of the site's rate",
            report.frustrationSegments, width: width)
        var lines: [String: Sparkline] = [:]
        for entry in report.headline {
            lines[entry.kpi.id] = Sparkline(
                title: "\(entry.kpi.label)\(entry.kpi.kind == "count" ? " per day" : ""), last 12 months", values: entry.kpi.history,
                format: entry.kpi.kind == "rate" ? .percent : .count, width: 120, height: 28,
                partial: zip(report.historyLabels, report.historyDaysCovered).map { label, days in
                    days > 0 && days < (Month(label: label)?.dayCount ?? days)
                })
        }
        sparklines = lines
    }
}
