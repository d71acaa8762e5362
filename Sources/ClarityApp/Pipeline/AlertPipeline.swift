import ClarityModel
import ClarityStore

/// Reads what the daily alert needs from the store and builds its report.
enum AlertPipeline {
    static func report(store live: MetricStore, day requested: Day?, project: ProjectInfo, settings: AlertSettings, now: Instant?) throws
        -> AlertReport
    {
        let store = try live.frozen()
        guard let day = try requested ?? store.latestSiteDay() else {
            throw ReportError.noData(period: "any day", hint: "the store is empty. Run `clarity-report fetch` (or `ingest`) first.")
        }
        var days: [Day: AlertDay] = [:]
        for back in 0...settings.baselineDays {
            days[day.advanced(by: -back)] = try store.alertDay(day.advanced(by: -back))
        }
        let siteRange = day.advanced(by: -(AlertSettings.sinceLookback + AlertSettings.weekdayFactorDays))...day
        let site = try store.siteDays(in: siteRange).mapValues { Totals(days: [$0]) }
        var input = AlertInput(project: project, day: day, days: days, site: site, releases: try store.releases(), settings: settings, now: now)
        let range = day.advanced(by: -(AlertSettings.sinceLookback + settings.baselineDays))...day
        for segment in AlertReport.flagged(input) {
            input.history[segment] = try store.segmentDays(segment, in: range).mapValues { Totals(days: [$0]) }
        }
        return AlertReport.build(input)
    }

    /// The keys of every figure the day's report could have tested, so a claim can close anomalies whose figure is back.
    static func testedKeys(_ report: AlertReport, store: MetricStore) throws -> Set<String> {
        let day = try store.alertDay(report.day)
        var keys = Set<String>()
        for (segment, totals) in day.segments where day.covered.contains(segment.dimensions) {
            let enough = segment == .site || totals.sessions >= Int64(report.settings.minimumSessions)
            guard enough else { continue }
            for metric in segment == .site ? AlertMetric.site : AlertMetric.segment {
                keys.insert(AlertReport.key(metric: metric, segment: segment))
            }
        }
        return keys
    }
}
