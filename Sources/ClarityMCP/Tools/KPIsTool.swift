import ClarityModel
import ClarityStore

extension ClarityTools {
    struct KPIsAnswer: Encodable {
        let period: PeriodSummary
        let previousPeriod: PeriodSummary
        /// Empty for the whole site.
        let segment: [SegmentValue]
        /// Which engine judged the figures: `weeklyReport`, `monthlyReport`, `range` or `segmentTable`.
        let basis: String
        let rule: String
        let kpis: [KPIEntry]
    }

    func kpis(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let period = try period(arguments, store: store)
        let segment = try arguments.segment("segment")
        let figures = try arguments.figures("figures")
        let answer: KPIsAnswer
        if let segment {
            answer = try segmentKPIs(segment, period: period, figures: figures, store: store, tool: arguments.tool)
        } else {
            let covered = try period.requireData(store, tool: arguments.tool)
            switch period {
            case .week(let week):
                let report = try source.weekly(week, settings: source.settings)
                answer = KPIsAnswer(
                    period: report.period, previousPeriod: report.previousPeriod, segment: [], basis: "weeklyReport",
                    rule:
                        "The weekly report's: this week against the week before; counts per covered day when coverage differs; noise of counts and means from the 8 weeks before, rates also by a two-proportion test.",
                    kpis: report.kpis.filter { entry in figures.contains { $0.rawValue == entry.id } })
            case .month(let month):
                let report = try source.monthly(month, settings: source.settings)
                answer = KPIsAnswer(
                    period: report.period, previousPeriod: report.previousPeriod, segment: [], basis: "monthlyReport",
                    rule:
                        "The monthly report's: this month against the month before; counts per covered day when coverage differs; noise of counts and means from the 12 months before, rates also by a two-proportion test.",
                    kpis: report.kpis.filter { entry in figures.contains { $0.rawValue == entry.id } })
            case .range(let range):
                let siteDays = try store.siteDays(in: RangeComparison.siteDayRange(for: range))
                let blocks = try store.derivedBlocks(touching: RangeComparison.siteDayRange(for: range))
                let comparisons = RangeComparison.compare(range, siteDays: siteDays, blocks: blocks, settings: judgement, figures: figures)
                answer = KPIsAnswer(
                    period: period.summary(covered: covered), previousPeriod: period.previous.summary(covered: Set(siteDays.keys)),
                    segment: [], basis: "range",
                    rule:
                        "The weekly report's rule for any length: the range against the range of the same length before it; noise of counts and means from the 8 ranges of that length before it, rates also by a two-proportion test.",
                    kpis: comparisons.map(KPIEntry.init))
            }
        }
        return try ToolAnswer(
            summary: Self.kpiSummary(
                answer.kpis, period: answer.period.label, previous: answer.previousPeriod.label,
                segment: !answer.segment.isEmpty), value: answer)
    }

    /// A segment's figures against the previous period, judged as the reports' device and browser tables are.
    func segmentKPIs(_ query: SegmentQuery, period: PeriodRequest, figures: [KPI], store: MetricStore, tool: String) throws -> KPIsAnswer {
        let covered = try period.requireData(store, dimensions: query.dimensions, tool: tool)
        let current = try rows(store, query.dimensions, in: period.days).first { query.matches($0.segment) }
        guard let current else {
            throw ToolFailure.invalid(
                tool,
                "the store has no \(query.dimensions.key) row for this segment in \(period.label); the breakdown tool lists the values it holds.")
        }
        let segment = current.segment
        let previousPeriod = period.previous
        let previous = try rows(store, segment.dimensions, in: previousPeriod.days).first { $0.segment == segment }
        let previousCovered = try store.coverage(in: previousPeriod.days).covered(segment.dimensions)
        let kpis = figures.map { kpi in
            KPIEntry(KPIComparison(kpi: kpi, current: current.totals, previous: previous?.totals, history: [], earlier: nil, settings: judgement))
        }
        return KPIsAnswer(
            period: period.summary(covered: covered), previousPeriod: previousPeriod.summary(covered: Set(previousCovered)),
            segment: SegmentValue.of(segment), basis: "segmentTable",
            rule:
                "The reports' device and browser tables: the segment's totals against the previous period's; rates by a two-proportion test, counts and means without a noise verdict (no history is read for a segment).",
            kpis: kpis)
    }

    /// `2026-W47 against 2026-W46: 2 of 13 figures moved beyond noise: Rage clicks ▲ +0.26 pt (+11%); …`, in our words only.
    static func kpiSummary(_ kpis: [KPIEntry], period: String, previous: String, segment: Bool) -> String {
        let moved = kpis.filter { $0.verdict == Verdict.significant.rawValue }
        var text = "\(period) against \(previous)\(segment ? " for the segment" : ""): \(moved.count) of \(kpis.count) figures moved beyond noise"
        if !moved.isEmpty {
            text += ": " + moved.map { "\($0.label) \($0.arrow) \($0.changeText) (\($0.currentText))" }.joined(separator: "; ")
        }
        let sessions = kpis.first { $0.id == KPI.sessions.rawValue }
        if let sessions { text += ". Sessions: \(sessions.currentText) (\(sessions.changeText))" }
        return text + "."
    }
}
