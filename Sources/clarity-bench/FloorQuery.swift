import ClarityModel

/// The aggregates a report reads from the store, as hand-written SQL for the `sqlite3` shell: the floor no report can beat.
enum FloorQuery {
    /// What the weekly report (and its email and research-log forms) reads: the latest site day, nine weeks of site totals,
    /// every segment summed over the week and the week before, and for the pages and acquisition sections the sessions
    /// of their breakdowns in the 7 weeks before those and the referrer and page-title lists of all 9 weeks.
    static func weekly(_ week: ISOWeek) -> String {
        [
            "SELECT MAX(day) FROM day_snapshot WHERE dimensions = '';",
            siteDays(week.firstDay.advanced(by: -56)...week.lastDay),
            segmentTotals(week.firstDay...week.lastDay),
            segmentTotals(week.previous.firstDay...week.previous.lastDay),
            audience(AudienceInput.periods(of: week)),
        ].joined(separator: "\n")
    }

    /// What the monthly report reads: the latest site day, site totals from a year before the month, every segment
    /// summed over the month and the month before, and the pages and acquisition sections' reads over 9 months.
    static func monthly(_ month: Month) -> String {
        [
            "SELECT MAX(day) FROM day_snapshot WHERE dimensions = '';",
            siteDays(MonthlyReport.siteDayRange(for: month)),
            segmentTotals(month.firstDay...month.lastDay),
            segmentTotals(month.previous.firstDay...month.previous.lastDay),
            audience(AudienceInput.periods(of: month)),
        ].joined(separator: "\n")
    }

    /// The pages and acquisition sections' reads beyond the two periods' segment totals: each earlier period's sessions
    /// and day counts per segment of the breakdowns they rank, and each period's name lists summed by name.
    static func audience(_ periods: [ClosedRange<Day>]) -> String {
        let earlier = Array(periods.dropFirst(2))
        guard let first = earlier.last, let last = earlier.first else { return "" }
        let cases = earlier.enumerated().map { "WHEN d.day BETWEEN '\($1.lowerBound.iso)' AND '\($1.upperBound.iso)' THEN \($0)" }
        let sets = AudienceInput.earlierDimensions.map { "'\($0.key)'" }.joined(separator: ", ")
        let sessions = """
            SELECT CASE \(cases.joined(separator: " ")) END AS period, s.id, s.browser, s.device, s.os, s.country, s.source, s.medium, \
            s.campaign, s.channel, s.url, s.dimensions, COUNT(*), SUM(o.sessions), COUNT(o.sessions) \
            FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id JOIN segment s ON s.id = o.segment_id \
            WHERE d.day BETWEEN '\(first.lowerBound.iso)' AND '\(last.upperBound.iso)' AND d.dimensions IN (\(sets)) AND s.is_aggregate = 0 \
            GROUP BY period, s.id;
            """
        let lists = [BreakdownMetric.referrerURL, .pageTitle].flatMap { metric in
            periods.map { range in
                """
                SELECT b.name, SUM(b.count), COUNT(DISTINCT d.day) FROM day_snapshot d JOIN breakdown_item b ON b.snapshot_id = d.snapshot_id \
                WHERE d.dimensions = '' AND d.day BETWEEN '\(range.lowerBound.iso)' AND '\(range.upperBound.iso)' AND b.metric = '\(metric.rawValue)' \
                AND b.name IS NOT NULL AND b.count IS NOT NULL GROUP BY b.name ORDER BY b.name;
                """
            }
        }
        return ([sessions] + lists).joined(separator: "\n")
    }

    /// The report's queries prefixed with EXPLAIN QUERY PLAN.
    static func explained(_ script: String) -> String {
        script.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("SELECT") ? "EXPLAIN QUERY PLAN " + $0 : String($0) }
            .joined(separator: "\n")
    }

    static func siteDays(_ range: ClosedRange<Day>) -> String {
        """
        SELECT d.day, o.* FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id JOIN segment s ON s.id = o.segment_id \
        WHERE d.dimensions = '' AND d.day BETWEEN '\(range.lowerBound.iso)' AND '\(range.upperBound.iso)' AND s.key = '';
        """
    }

    static func segmentTotals(_ range: ClosedRange<Day>) -> String {
        let signals = ["dead_click", "rage_click", "quickback", "excessive_scroll", "script_error", "error_click"].map { stem in
            "SUM(CASE WHEN o.\(stem)_pct IS NOT NULL THEN o.\(stem)_sessions END), SUM(o.\(stem)_sessions * o.\(stem)_pct) / 100.0"
        }
        let means = ["pages_per_session", "scroll_depth", "active_time", "total_time"].map { column in
            "SUM(o.\(column) * o.sessions), SUM(CASE WHEN o.\(column) IS NOT NULL THEN o.sessions END)"
        }
        return """
            SELECT s.id, s.browser, s.device, s.os, s.country, s.source, s.medium, s.campaign, s.channel, s.url, s.dimensions, COUNT(*), \
            SUM(o.sessions), COUNT(o.sessions), SUM(o.bot_sessions), COUNT(o.bot_sessions), SUM(o.distinct_users), COUNT(o.distinct_users), \
            \((signals + means).joined(separator: ", ")) \
            FROM day_snapshot d JOIN observation o ON o.snapshot_id = d.snapshot_id JOIN segment s ON s.id = o.segment_id \
            WHERE d.day BETWEEN '\(range.lowerBound.iso)' AND '\(range.upperBound.iso)' AND d.dimensions <> '' AND s.is_aggregate = 0 \
            GROUP BY s.id;
            """
    }
}
