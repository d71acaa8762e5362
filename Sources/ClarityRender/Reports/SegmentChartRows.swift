import ClarityCharts
import ClarityModel

/// The top frustration segments as chart rows: one comparable bar each (the rate as a multiple of the site's rate for
/// the same signal), labelled by what tells the segment apart, with the signal and both rates on a second line.
enum SegmentChartRows {
    static func chart(title: String, _ segments: [FrustrationSegment], width: Int = 600) -> SegmentBarChart {
        SegmentBarChart(
            title: title,
            rows: segments.map { segment in
                .init(
                    label: segment.name,
                    value: segment.siteRate > 0 ? segment.rate / segment.siteRate : .nan,
                    detail: "\(segment.signalLabel), \(segment.rateText) against \(segment.siteRateText)",
                    fullText: "\(segment.signalLabel): \(segment.label), \(segment.rateText) of \(segment.sessionsText) sessions "
                        + "against \(segment.siteRateText) site-wide")
            },
            reference: 1, referenceName: "site rate", format: .multiple, width: width)
    }
}
