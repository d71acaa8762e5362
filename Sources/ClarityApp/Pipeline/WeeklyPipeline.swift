import ClarityModel
import ClarityStore
import Foundation

/// Reads what the weekly report needs from the store and builds its model.
enum WeeklyPipeline {
    static func model(store live: MetricStore, week requested: ISOWeek?, project: ProjectInfo, settings: ReportSettings, releaseWindow: Int = 7)
        throws -> WeeklyReport
    {
        // One state of the store for every query, even while an ingest runs.
        let store = try live.frozen()
        guard let week = try requested ?? store.latestCompleteWeek() else {
            throw ReportError.noData(
                period: "any week", hint: "the store is empty. Ingest responses with `clarity-report ingest` or run `clarity-report fetch` first.")
        }
        let history = week.firstDay.advanced(by: -56)...week.lastDay
        let names = PageNames(settings.urls)
        let stored = try store.segmentTotals(in: week.firstDay...week.lastDay)
        var input = WeeklyReportInput(
            project: project, week: week, siteDays: try store.siteDays(in: history),
            currentSegments: names.grouping(stored).entries,
            previousSegments: names.grouping(try store.segmentTotals(in: week.previous.firstDay...week.previous.lastDay)).entries,
            settings: settings,
            releases: try ReleasePipeline.impacts(
                store: store, days: week.firstDay.advanced(by: -7)...week.lastDay, asOf: week.lastDay,
                settings: settings, windowLength: releaseWindow),
            capped: try store.cappedBreakdowns(in: week.firstDay...week.lastDay),
            derived: try store.derivedDays(in: week.previous.firstDay...week.lastDay),
            blocks: try store.derivedBlocks(touching: history))
        input.audience = try AudiencePipeline.input(
            store: store, periods: AudienceInput.periods(of: week),
            current: input.currentSegments, previous: input.previousSegments, storedURLs: AudiencePipeline.storedURLs(stored),
            names: names)
        let baseline = week.firstDay.advanced(by: -28)...week.lastDay
        let movers = WeeklyReport.findMovers(input)
        input.moverDays = try AudiencePipeline.segmentDays(movers.segments, store: store, in: baseline, names: names)
        var report = try WeeklyReport.build(input, movers: movers)
        report.alerts = WeeklyAlerts.build(try store.alertRecords(touching: week.firstDay...week.lastDay), week: week)
        return report
    }
}

/// Reads the releases of a stretch of days and measures each one's before/after effect.
enum ReleasePipeline {
    static func impacts(store: MetricStore, days: ClosedRange<Day>, asOf: Day, settings: ReportSettings, windowLength: Int) throws -> [ReleaseImpact]
    {
        let releases = try store.releases()
        let judgement = JudgementSettings(minimumSessions: settings.minimumSessions, significance: settings.significance)
        return try releases.filter { days.contains($0.day) }.map { release in
            ReleaseImpact.build(
                try store.releaseImpactInput(for: release, among: releases, windowLength: windowLength, asOf: asOf, settings: judgement))
        }
    }
}
