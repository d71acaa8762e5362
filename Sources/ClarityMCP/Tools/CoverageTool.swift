import ClarityModel
import ClarityStore

extension ClarityTools {
    /// Runs of missing days listed per dimension set, and rows of the other lists, at most.
    static let coverageRows = 50

    struct CoverageAnswer: Encodable {
        struct DimensionSetCoverage: Encodable {
            /// `Browser+URL`, or empty for the site totals.
            let dimensions: String
            let daysCovered: Int
            let firstDay: Day?
            let lastDay: Day?
            let missingDays: Int
            /// Runs of missing days inside the store's span: `2026-06-03` or `2026-06-03..2026-06-05`.
            let missingRuns: [String]
            let missingRunsLeftOut: Int
            let derivedDays: Int
        }
        struct DerivedEntry: Encodable {
            let day: Day
            let dimensions: String
            let numOfDays: Int
        }
        struct BlockEntry: Encodable {
            let firstDay: Day
            let lastDay: Day
            let dimensions: String
            let numOfDays: Int
        }
        struct CappedEntry: Encodable {
            let day: Day
            let dimensions: String
            let rows: Int
        }
        let latestPull: String?
        let firstDay: Day?
        let lastDay: Day?
        let snapshots: Int
        let coverage: [DimensionSetCoverage]
        let derivedDays: [DerivedEntry]
        let derivedBlocks: [BlockEntry]
        let cappedBreakdowns: [CappedEntry]
        let truncated: [String]
    }

    func coverage(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let status = try store.status()
        let capped = try status.span.map { try store.cappedBreakdowns(in: $0) } ?? []
        let blocks = try store.derivedBlocks()
        let limit = Self.coverageRows
        var truncated: [String] = []
        func cut<T>(_ list: [T], _ name: String) -> [T] {
            if list.count > limit { truncated.append("\(name): \(limit) of \(list.count) shown") }
            return Array(list.prefix(limit))
        }
        let sets = status.coverage.map { entry in
            let runs = Coverage.runs(entry.missing).map {
                $0.lowerBound == $0.upperBound ? $0.lowerBound.iso : "\($0.lowerBound.iso)..\($0.upperBound.iso)"
            }
            return CoverageAnswer.DimensionSetCoverage(
                dimensions: entry.dimensions.key, daysCovered: entry.days.count, firstDay: entry.days.first, lastDay: entry.days.last,
                missingDays: entry.missing.count, missingRuns: Array(runs.prefix(limit)), missingRunsLeftOut: max(0, runs.count - limit),
                derivedDays: status.derivedDays.filter { $0.dimensions == entry.dimensions }.count)
        }
        let answer = CoverageAnswer(
            latestPull: status.latestPull?.iso, firstDay: status.span?.lowerBound, lastDay: status.span?.upperBound, snapshots: status.snapshots,
            coverage: sets,
            derivedDays: cut(status.derivedDays.map { .init(day: $0.day, dimensions: $0.dimensions.key, numOfDays: $0.numOfDays) }, "derivedDays"),
            derivedBlocks: cut(
                blocks.map {
                    .init(firstDay: $0.days.lowerBound, lastDay: $0.days.upperBound, dimensions: $0.dimensions.key, numOfDays: $0.numOfDays)
                }, "derivedBlocks"),
            cappedBreakdowns: cut(capped.map { .init(day: $0.day, dimensions: $0.dimensions.key, rows: $0.rows) }, "cappedBreakdowns"),
            truncated: truncated)
        guard let span = status.span else {
            return try ToolAnswer(
                summary: "The store holds no day yet. Ingest responses with `clarity-report ingest` or `fetch` first.", value: answer)
        }
        let site = sets.first { $0.dimensions.isEmpty }
        let summary =
            "The store covers \(span.lowerBound.iso) to \(span.upperBound.iso) (\(span.lowerBound.distance(to: span.upperBound) + 1) days) "
            + "in \(sets.count) dimension sets; site totals on \(site?.daysCovered ?? 0) days with \(site?.missingDays ?? 0) missing; "
            + "latest pull \(status.latestPull?.iso ?? "none")."
        return try ToolAnswer(summary: summary, value: answer)
    }
}
