import ClarityModel
import ClarityStore

/// Reads what the monthly report needs from the store and builds its model.
enum MonthlyPipeline {
    static func model(store live: MetricStore, month requested: Month?, project: ProjectInfo, settings: ReportSettings, releaseWindow: Int = 7) throws
        -> MonthlyReport
    {
        // One state of the store for every query, even while an ingest runs.
        let store = try live.frozen()
        guard let month = try requested ?? store.latestSiteDay().map(MonthlyReport.defaultMonth(lastSiteDay:)) else {
            throw ReportError.noData(
                period: "any month", hint: "the store is empty. Ingest responses with `clarity-report ingest` or run `clarity-report fetch` first.")
        }
        let names = PageNames(settings.urls)
        let stored = try store.segmentTotals(in: month.firstDay...month.lastDay)
        var input = MonthlyReportInput(
            project: project, month: month, siteDays: try store.siteDays(in: MonthlyReport.siteDayRange(for: month)),
            currentSegments: names.grouping(stored).entries,
            previousSegments: names.grouping(try store.segmentTotals(in: month.previous.firstDay...month.previous.lastDay)).entries,
            settings: settings,
            releases: try ReleasePipeline.impacts(
                store: store, days: month.firstDay...month.lastDay, asOf: try store.latestSiteDay() ?? month.lastDay,
                settings: settings, windowLength: releaseWindow),
            trendReleases: try store.releases(),
            derived: try store.derivedDays(in: month.previous.firstDay...month.lastDay),
            blocks: try store.derivedBlocks(touching: MonthlyReport.siteDayRange(for: month)))
        input.audience = try AudiencePipeline.input(
            store: store, periods: AudienceInput.periods(of: month),
            current: input.currentSegments, previous: input.previousSegments, storedURLs: AudiencePipeline.storedURLs(stored),
            names: names)
        return try MonthlyReport.build(input)
    }
}
