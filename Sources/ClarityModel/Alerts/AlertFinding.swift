/// One figure that left its usual values on the checked day, said in words with its evidence.
public struct AlertFinding: Sendable, Equatable, Encodable {
    /// Stable identity of the anomaly across days: the metric id and the segment's key.
    public let key: String
    public let metric: String
    public let metricLabel: String
    /// `Browser = Safari · URL = /checkout`, or `Whole site`.
    public let segment: String
    public let dimensions: [String]
    /// The segment's values as the API sent them, in the order of `dimensions`.
    public let values: [String]
    public let day: Day
    public let value: Double
    public let valueText: String
    /// `rises` or `falls`.
    public let direction: String
    public let score: DailyScore
    /// `1.2–1.8%`: the lowest and highest baseline values.
    public let usualText: String
    /// Benjamini–Hochberg q across every figure tested that day.
    public let qValue: Double
    /// How many figures were tested that day (the corrected family).
    public let tests: Int
    /// The first day of the run of anomalous days ending on the checked day.
    public let since: Day
    /// `new on Wed Nov 18` or `since Tue Nov 17 (2 days)`.
    public let sinceText: String
    /// Versions released on the first anomalous day or the day before.
    public let releases: [String]
    /// `the day after 2.6.0 shipped`, empty without a release.
    public let releaseText: String
    /// `Rage clicks on /checkout in Safari: 24.1% on Wed Nov 18, usual for a Wednesday 1.2–1.8%`.
    public let text: String
    /// The Clarity Recordings filters showing the affected sessions; nil for session counts.
    public let recordingFilter: String?
    public let watchFor: String?
    /// The weekly page of the day's week, when `email.view_in_browser_base_url` is set.
    public let weeklyPageURL: String?
    /// Broader anomalies of the same signal this one carries most of (at least 75% of their extra sessions).
    public let accountsFor: [String]
    /// `new`, `ongoing` (reported on an earlier run) or `repeat` (sent again with `--repeat`); set by the run.
    public var status: String = "new"
}

/// A breakdown the store holds for the baseline days but not for the checked day: never an anomaly, said as missing.
public struct MissingBreakdown: Sendable, Equatable, Encodable {
    /// `site totals`, `Browser`, `Device+Browser`.
    public let dimensions: String
    /// Until when (ISO 8601, UTC) a 2- or 3-day pull can still recover it; nil when the API no longer reaches it or no clock was given.
    public let recoverableUntil: String?
    public let text: String
}

/// An anomaly reported on an earlier run whose figure is back within its usual values on the checked day.
public struct EndedAnomaly: Sendable, Equatable, Encodable {
    public let key: String
    /// The finding's sentence when it was first reported.
    public let text: String
    public let firstDay: Day
    public let endedDay: Day
    /// `back to normal on Thu Nov 19 (seen from Wed Nov 18)`.
    public let endedText: String

    public init(key: String, text: String, firstDay: Day, endedDay: Day) {
        self.key = key
        self.text = text
        self.firstDay = firstDay
        self.endedDay = endedDay
        self.endedText = "back to normal on \(endedDay.weekdayName) \(endedDay.shortLabel) (seen from \(firstDay.weekdayName) \(firstDay.shortLabel))"
    }
}
