import ClarityModel
import GRDB

/// What one alert run claimed: the findings it must deliver, and what it learnt about earlier ones.
public struct AlertClaim: Sendable, Equatable {
    /// Keys of the findings this run delivers: new ones, and with `repeat` the ongoing ones too.
    public var deliver: Set<String> = []
    /// Keys of findings already reported by an earlier run, with the day they were first seen.
    public var ongoing: [String: Day] = [:]
    /// Anomalies that were open and whose figure is back to normal on the checked day.
    public var ended: [AlertRecord] = []
    /// The rows this run inserted, (key, first day), so a failed delivery can give them back.
    public var inserted: [AlertRecord] = []
}

extension MetricStore {
    /// Records the day's findings in one write transaction and says which ones this run delivers.
    ///
    /// An anomaly already open under the same key continues (its last day moves on) and is delivered again only with
    /// `repeat`; a new one is inserted and delivered. An open anomaly whose figure was tested on the day and not found is
    /// closed ("back to normal on" the day); one not tested (missing data, too few sessions) stays open. Two runs at once
    /// take this transaction one after the other, so the second finds the first's rows and delivers nothing.
    public func claimAlerts(day: Day, findings: [AlertFinding], tested: Set<String>, repeat: Bool, now: Instant) throws -> AlertClaim {
        try write { db in
            var claim = AlertClaim()
            var open: [String: AlertRecord] = [:]
            for record in try Self.alertRecords(db, where: "ended_day IS NULL", arguments: []) { open[record.key] = record }
            for finding in findings {
                if let record = open[finding.key] {
                    if record.lastDay < day {
                        try db.execute(
                            sql: "UPDATE alert_anomaly SET last_day = ? WHERE key = ? AND first_day = ?",
                            arguments: [day.iso, record.key, record.firstDay.iso])
                    }
                    claim.ongoing[finding.key] = record.firstDay
                    if `repeat` { claim.deliver.insert(finding.key) }
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO alert_anomaly (key, first_day, last_day, ended_day, metric, text, reported_at)
                        VALUES (?, ?, ?, NULL, ?, ?, ?)
                        """, arguments: [finding.key, finding.since.iso, day.iso, finding.metric, finding.text, now.seconds])
                if db.changesCount == 0 {
                    claim.ongoing[finding.key] = finding.since
                    if `repeat` { claim.deliver.insert(finding.key) }
                } else {
                    claim.deliver.insert(finding.key)
                    claim.inserted.append(
                        AlertRecord(
                            key: finding.key, metric: finding.metric, text: finding.text, firstDay: finding.since,
                            lastDay: day, endedDay: nil))
                }
            }
            let found = Set(findings.map(\.key))
            for record in open.values.sorted(by: { $0.key < $1.key })
            where !found.contains(record.key) && tested.contains(record.key) && record.lastDay < day {
                try db.execute(
                    sql: "UPDATE alert_anomaly SET ended_day = ? WHERE key = ? AND first_day = ?",
                    arguments: [day.iso, record.key, record.firstDay.iso])
                claim.ended.append(
                    AlertRecord(
                        key: record.key, metric: record.metric, text: record.text, firstDay: record.firstDay,
                        lastDay: record.lastDay, endedDay: day))
            }
            return claim
        }
    }

    /// Gives back what a run inserted when its delivery failed, so the next run delivers those findings again.
    public func releaseAlerts(_ records: [AlertRecord]) throws {
        try write { db in
            for record in records {
                try db.execute(sql: "DELETE FROM alert_anomaly WHERE key = ? AND first_day = ?", arguments: [record.key, record.firstDay.iso])
            }
        }
    }

    /// The anomalies that were open at some point of a range of days: seen in it, or still open when it began.
    public func alertRecords(touching range: ClosedRange<Day>) throws -> [AlertRecord] {
        try read { db in
            try Self.alertRecords(
                db, where: "first_day <= ? AND (ended_day IS NULL OR ended_day >= ?)",
                arguments: [range.upperBound.iso, range.lowerBound.iso])
        }
    }

    static func alertRecords(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [AlertRecord] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT key, metric, text, first_day, last_day, ended_day FROM alert_anomaly WHERE \(condition) ORDER BY first_day, key
                """, arguments: arguments
        ).compactMap { row in
            guard let first = Day(iso: row["first_day"]), let last = Day(iso: row["last_day"]) else { return nil }
            let ended: String? = row["ended_day"]
            return AlertRecord(
                key: row["key"], metric: row["metric"], text: row["text"], firstDay: first, lastDay: last,
                endedDay: ended.flatMap(Day.init(iso:)))
        }
    }

    /// What the alerts read of one day: the breakdowns it holds and every segment's totals, the site's under `Segment.site`.
    public func alertDay(_ day: Day) throws -> AlertDay {
        let covered: [String] = try read { db in
            try String.fetchAll(db, sql: "SELECT dimensions FROM day_snapshot WHERE day = ? ORDER BY dimensions", arguments: [day.iso])
        }
        var segments: [Segment: Totals] = [:]
        for entry in try segmentTotals(in: day...day) { segments[entry.segment] = entry.totals }
        if let site = try siteDays(in: day...day)[day] { segments[.site] = Totals(days: [site]) }
        return AlertDay(covered: Set(covered.compactMap(DimensionSet.init(key:))), segments: segments)
    }
}
