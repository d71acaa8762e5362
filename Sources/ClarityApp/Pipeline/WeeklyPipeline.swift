import ClarityModel
import ClarityStore
import Foundation

/// Reads what the weekly report needs from the store and builds its model.
enum WeeklyPipeline {
    static func model(store live: MetricStore, week requested: ISOWeek?, project: ProjectInfo, settings: ReportSettings) throws -> WeeklyReport {
        // One state of the store for every query, even while an ingest runs.
        let store = try live.frozen()
        guard let week = try requested ?? store.latestCompleteWeek() else {
            throw ReportError.noData(period: "any week", hint: "the store is empty. Ingest responses with `clarity-report ingest` or run `clarity-report fetch` first.")
        }
        let history = week.firstDay.advanced(by: -56)...week.lastDay
        let input = WeeklyReportInput(
            project: project, week: week, siteDays: try store.siteDays(in: history),
            currentSegments: try store.segmentTotals(in: week.firstDay...week.lastDay),
            previousSegments: try store.segmentTotals(in: week.previous.firstDay...week.previous.lastDay),
            settings: settings)
        return try WeeklyReport.build(input)
    }
}
