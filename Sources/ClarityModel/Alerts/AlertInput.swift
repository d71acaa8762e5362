/// One day's figures as the alerts read them: which breakdowns the store holds for it, and every segment's totals.
public struct AlertDay: Sendable, Equatable {
    /// The dimension sets pulled (or derived) for the day; the empty set is the site totals.
    public var covered: Set<DimensionSet>
    /// Every segment of those breakdowns, the site under `Segment.site`; aggregate rows left out.
    public var segments: [Segment: Totals]

    public init(covered: Set<DimensionSet>, segments: [Segment: Totals]) {
        self.covered = covered
        self.segments = segments
    }
}

/// Everything the alert rule needs, already read from the store.
public struct AlertInput: Sendable {
    public var project: ProjectInfo
    /// The day checked.
    public var day: Day
    /// The day and the `baselineDays` days before it, every segment.
    public var days: [Day: AlertDay]
    /// The site totals over the 13 + 56 days before the day and the day: the session count's same-weekday baseline,
    /// the weekday factors, and "since when" for the site.
    public var site: [Day: Totals]
    /// Daily totals of the segments `AlertReport.flagged` names (not the site), over the 13 + `baselineDays` days before the day,
    /// so "since when" can score the days before it.
    public var history: [Segment: [Day: Totals]]
    public var releases: [Release]
    public var settings: AlertSettings
    /// When the check runs, to tell whether a missing day can still be pulled; nil: not said.
    public var now: Instant?

    public init(
        project: ProjectInfo, day: Day, days: [Day: AlertDay], site: [Day: Totals], history: [Segment: [Day: Totals]] = [:], releases: [Release] = [],
        settings: AlertSettings, now: Instant? = nil
    ) {
        self.project = project
        self.day = day
        self.days = days
        self.site = site
        self.history = history
        self.releases = releases
        self.settings = settings
        self.now = now
    }
}
