import ClarityModel
import ClarityStore

extension ClarityTools {
    /// The ranking depth asked of the pipelines, so that filters see every ranked segment, not the report's top 5.
    static let rankingDepth = 100_000

    struct SegmentsAnswer: Encodable {
        let period: PeriodSummary
        let frustrationSegments: [FrustrationSegment]
        let frustrationSegmentsTruncated: Truncation?
        let segmentMovers: [SegmentMover]
        let segmentMoversTruncated: Truncation?
        let note: String
    }

    func segments(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let period = try period(arguments, store: store)
        let dimensions = try arguments.dimensions("dimension")
        let signal = try arguments.signal("signal")
        let limit = try arguments.integer("limit", default: 10, in: 1...50)
        _ = try period.requireData(store, tool: arguments.tool)
        var settings = source.settings
        settings.topSegments = Self.rankingDepth
        let summary: PeriodSummary
        let ranked: [FrustrationSegment]
        let movers: [SegmentMover]
        var note = "Ranks are over every segment of the period, as in the reports."
        switch period {
        case .week(let week):
            let report = try source.weekly(week, settings: settings)
            (summary, ranked, movers) = (report.period, report.frustrationSegments, report.segmentMovers)
        case .month(let month):
            let report = try source.monthly(month, settings: settings)
            (summary, ranked, movers) = (report.period, report.frustrationSegments, [])
            note += " Segment movers are a weekly analysis: ask for a week to get them."
        case .range:
            throw ToolFailure.invalid(arguments.tool, "segments answers for a week or a month; give week (2026-W47) or month (2026-11).")
        }
        func keep(_ segmentDimensions: [String], _ segmentSignal: String) -> Bool {
            if let signal, segmentSignal != signal.rawValue { return false }
            if let dimensions, !dimensions.dimensions.allSatisfy({ segmentDimensions.contains($0.name) }) { return false }
            return true
        }
        let segments = ranked.filter { keep($0.dimensions, $0.signal) }
        let moving = movers.filter { keep($0.dimensions, $0.signal) }
        return try ToolAnswer.fitting(
            rows: limit,
            summary: { count in
                "\(summary.label): \(segments.count) frustration segments above the site's rate\(dimensions.map { " split by \($0.key)" } ?? "")"
                    + "\(signal.map { " for \($0.label)" } ?? ""), \(min(count, segments.count)) shown; "
                    + (period.isWeek ? "\(moving.count) segment movers beyond noise, \(min(count, moving.count)) shown." : "no movers for a month.")
            },
            value: { count in
                let advice =
                    count < limit
                    ? "cut to stay under \(ToolAnswer.maximumBytes) bytes; narrow with dimension or signal."
                    : "narrow with dimension or signal, or raise limit (at most 50)."
                return SegmentsAnswer(
                    period: summary, frustrationSegments: Array(segments.prefix(count)),
                    frustrationSegmentsTruncated: Truncation.of(shown: min(count, segments.count), total: segments.count, advice: advice),
                    segmentMovers: Array(moving.prefix(count)),
                    segmentMoversTruncated: Truncation.of(shown: min(count, moving.count), total: moving.count, advice: advice),
                    note: note)
            }
        ).answer
    }
}

extension PeriodRequest {
    var isWeek: Bool {
        if case .week = self { return true }
        return false
    }
}
