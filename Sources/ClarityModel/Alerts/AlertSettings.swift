/// What the daily alert rule is allowed to call an anomaly.
public struct AlertSettings: Sendable, Equatable, Encodable {
    /// A segment with fewer sessions on the day is not tested (the report's `minimum_sessions`).
    public var minimumSessions: Int
    /// The Benjamini–Hochberg level across every figure tested on the day: findings have q at most this.
    public var significance: Double
    /// Days before the checked day that form the baseline of the rates (default 28: four of each weekday).
    public var baselineDays: Int
    /// The site's base URL, so its own URLs read as paths.
    public var site: String
    /// Where the weekly pages are published (`email.view_in_browser_base_url`); empty: no link.
    public var weeklyPageBaseURL: String

    public init(minimumSessions: Int = 100, significance: Double = 0.01, baselineDays: Int = 28, site: String = "", weeklyPageBaseURL: String = "") {
        self.minimumSessions = minimumSessions
        self.significance = significance
        self.baselineDays = baselineDays
        self.site = site
        self.weeklyPageBaseURL = weeklyPageBaseURL
    }

    /// The Gaussian efficiency of the median absolute deviation: the degrees of freedom a MAD of n values is worth, per value.
    public static let madEfficiency = 0.3675
    /// Weeks of the same weekday that form the baseline of the site's session count.
    public static let sessionsBaselineWeeks = 8
    /// Days of site figures before the checked day that set the weekday factors of the rates.
    public static let weekdayFactorDays = 56
    /// The robust z a day must also reach (in the watched direction), so a tiny but steady baseline does not alarm on a tiny move.
    public static let minimumZ = 3.0
    /// Days before the checked one that "since" looks back over.
    public static let sinceLookback = 13
}
