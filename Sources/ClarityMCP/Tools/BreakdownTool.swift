import ClarityModel
import ClarityStore

extension ClarityTools {
    /// The figures a breakdown row carries unless asked otherwise.
    static let breakdownFigures: [KPI] = [.sessions] + FrustrationSignal.allCases.map(KPI.rate(of:))

    struct BreakdownAnswer: Encodable {
        struct Row: Encodable {
            let rank: Int
            let values: [SegmentValue]
            let sessions: Int64
            /// Share of the breakdown's sessions in the period.
            let share: Double?
            let previousShare: Double?
            let shareText: String
            let kpis: [KPIEntry]
        }
        let dimensions: String
        let period: PeriodSummary
        let previousPeriod: PeriodSummary
        let sort: String
        let order: String
        let rule: String
        let rows: [Row]
        let totalRows: Int
        let truncated: Truncation?
    }

    func breakdown(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let tool = arguments.tool
        guard let dimensions = try arguments.dimensions("dimensions") else {
            throw ToolFailure.invalid(tool, "dimensions is required: \(ToolCatalog.dimensionHelp)")
        }
        let period = try period(arguments, store: store)
        let sort = try arguments.figure("sort") ?? .sessions
        let descending = try arguments.choice("order", of: ["descending", "ascending"], default: "descending") == "descending"
        let figures = arguments.has("figures") ? try arguments.figures("figures") : Self.breakdownFigures
        let limit = try arguments.integer("limit", default: 20, in: 1...100)
        let covered = try period.requireData(store, dimensions: dimensions, tool: tool)
        let previousPeriod = period.previous
        let now = try rows(store, dimensions, in: period.days)
        let before = try rows(store, dimensions, in: previousPeriod.days)
        let previousCovered = try store.coverage(in: previousPeriod.days).covered(dimensions)
        let totalNow = now.reduce(0) { $0 + Double($1.totals.sessions) }
        let totalBefore = before.reduce(0) { $0 + Double($1.totals.sessions) }
        let previousBySegment = Dictionary(before.map { ($0.segment, $0.totals) }, uniquingKeysWith: { first, _ in first })
        // Sorted as the reports' tables are: by the figure, then by segment; rows without the figure last.
        let sorted = now.map { ($0, sort.value(of: $0.totals)) }.sorted { a, b in
            switch (a.1, b.1) {
            case (let x?, let y?) where x != y: return descending ? x > y : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.0.segment < b.0.segment
            }
        }
        let rows = sorted.prefix(limit).enumerated().map { index, pair -> BreakdownAnswer.Row in
            let entry = pair.0
            let last = previousBySegment[entry.segment]
            let share = totalNow > 0 ? Double(entry.totals.sessions) / totalNow : nil
            let previousShare = last.flatMap { totalBefore > 0 ? Double($0.sessions) / totalBefore : nil }
            return BreakdownAnswer.Row(
                rank: index + 1, values: SegmentValue.of(entry.segment), sessions: entry.totals.sessions, share: share, previousShare: previousShare,
                shareText: share.map(Format.percent) ?? "n/a",
                kpis: figures.map {
                    KPIEntry(KPIComparison(kpi: $0, current: entry.totals, previous: last, history: [], earlier: nil, settings: judgement))
                })
        }
        let order = descending ? "descending" : "ascending"
        return try ToolAnswer.fitting(
            rows: rows.count,
            summary: { count in
                let moved = rows.prefix(count).reduce(0) { $0 + $1.kpis.filter { $0.verdict == Verdict.significant.rawValue }.count }
                return
                    "\(dimensions.key) for \(period.label): \(now.count) values with \(Format.integer(totalNow)) sessions; \(count) shown, sorted by \(sort.label) \(order); "
                    + "\(moved) figures of the rows shown moved beyond noise."
            },
            value: { count in
                BreakdownAnswer(
                    dimensions: dimensions.key, period: period.summary(covered: covered),
                    previousPeriod: previousPeriod.summary(covered: Set(previousCovered)),
                    sort: sort.rawValue, order: order,
                    rule:
                        "Each value's totals against the previous period's, judged as the reports' device and browser tables: rates by a two-proportion test, counts and means without a noise verdict.",
                    rows: Array(rows.prefix(count)), totalRows: now.count,
                    truncated: Truncation.of(
                        shown: count, total: now.count,
                        advice: count < rows.count
                            ? "cut to stay under \(ToolAnswer.maximumBytes) bytes; ask for fewer figures or a narrower dimension."
                            : "raise limit (at most 100), or sort by another figure."))
            }
        ).answer
    }
}
