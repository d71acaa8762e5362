import ClarityModel
import ClarityStore

extension ClarityTools {
    struct SeriesAnswer: Encodable {
        struct Point: Encodable {
            /// The day (`2026-11-16`) or the ISO week (`2026-W47`).
            let label: String
            let firstDay: Day
            let lastDay: Day
            let daysCovered: Int
            /// The figure over the point's covered days (a sum for counts); absent without data.
            let value: Double?
            /// For counts: the value per covered day, what comparisons across points use (the reports' `history`).
            let perDay: Double?
            let text: String
        }
        let figure: String
        let label: String
        let granularity: String
        let from: Day
        let to: Day
        let segment: [SegmentValue]
        let points: [Point]
        let truncated: Truncation?
    }

    func series(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let tool = arguments.tool
        guard let kpi = try arguments.figure("figure") else {
            throw ToolFailure.invalid(tool, "figure is required; valid: \(ToolArguments.figureList).")
        }
        let granularity = try arguments.choice("granularity", of: ["daily", "weekly"], default: "daily")
        let limit = try arguments.integer("limit", default: 120, in: 1...400)
        let query = try arguments.segment("segment")
        let range: ClosedRange<Day>
        if let asked = try PeriodRequest.read(arguments) {
            range = asked.days
        } else if let last = try store.latestSiteDay() {
            range = ISOWeek(containing: last).firstDay.advanced(by: -49)...last
        } else {
            throw ToolFailure.invalid(tool, "no data: the store holds no day yet. Ingest responses with `clarity-report ingest` or `fetch` first.")
        }
        let dimensions = query?.dimensions ?? .none
        let request = PeriodRequest.range(range)
        _ = try request.requireData(store, dimensions: dimensions, tool: tool)
        let periods: [(label: String, days: ClosedRange<Day>)] =
            granularity == "daily"
            ? range.map { ($0.iso, $0...$0) }
            : stride(from: ISOWeek(containing: range.lowerBound).firstDay, through: range.upperBound, by: 7).map { first in
                (ISOWeek(containing: first).label, first...first.advanced(by: 6))
            }
        let read = periods.first!.days.lowerBound...periods.last!.days.upperBound
        var segment: Segment?
        if let query {
            segment = try rows(store, dimensions, in: read).first { query.matches($0.segment) }?.segment
            if segment == nil {
                throw ToolFailure.invalid(
                    tool,
                    "the store has no \(dimensions.key) row for this segment between \(range.lowerBound.iso) and \(range.upperBound.iso); the breakdown tool lists the values it holds."
                )
            }
        }
        let days = try segment.map { try store.segmentDays($0, in: read) } ?? store.siteDays(in: read)
        // Blocks of missed days known only together count in weekly points that hold them whole, as in the reports.
        let blocks = segment == nil && granularity == "weekly" ? try store.derivedBlocks(touching: read) : []
        let points = periods.prefix(limit).map { period -> SeriesAnswer.Point in
            var totals = Totals(days: period.days.compactMap { days[$0] })
            DerivedBlock.add(blocks, inside: period.days, to: &totals)
            let value = totals.days > 0 ? kpi.value(of: totals) : nil
            let perDay = kpi.kind == .count && totals.days > 0 ? kpi.comparable(totals) : nil
            return SeriesAnswer.Point(
                label: period.label, firstDay: period.days.lowerBound, lastDay: period.days.upperBound, daysCovered: totals.days,
                value: value, perDay: perDay, text: value.map(kpi.display) ?? "no data")
        }
        let truncated = Truncation.of(
            shown: points.count, total: periods.count,
            advice:
                "ask again with from \(periods[min(limit, periods.count - 1)].days.lowerBound.iso), or weekly points, or a larger limit (at most 400)."
        )
        let answer = SeriesAnswer(
            figure: kpi.rawValue, label: kpi.label, granularity: granularity, from: range.lowerBound, to: range.upperBound,
            segment: segment.map(SegmentValue.of) ?? [], points: Array(points), truncated: truncated)
        let known = points.compactMap(\.value)
        var summary =
            "\(kpi.label), \(granularity), \(range.lowerBound.iso) to \(range.upperBound.iso)\(segment == nil ? "" : " for the segment"): "
            + "\(points.count) points, \(known.count) with data"
        if let low = known.min(), let high = known.max() { summary += ", from \(kpi.display(low)) to \(kpi.display(high))" }
        if let truncated { summary += ". \(truncated.note)" }
        return try ToolAnswer(summary: summary + ".", value: answer)
    }
}
