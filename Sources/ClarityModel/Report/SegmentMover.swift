/// A segment whose own rate of a signal moved beyond noise since last week.
public struct SegmentMover: Sendable, Equatable, Encodable {
    /// A broader mover this one accounts for, and how much of its added frustrated sessions.
    public struct Share: Sendable, Equatable, Encodable {
        public let label: String
        /// The broader segment as words: `on /checkout`, `in Safari`.
        public let phrase: String
        /// This mover's added sessions over the broader one's.
        public let share: Double
        /// `99.4%`, or `all of it` when this mover added as much or more.
        public let shareText: String
    }

    public let rank: Int
    public let dimensions: [String]
    public let values: [FrustrationSegment.Value]
    /// `Browser = Safari · URL = /checkout`.
    public let label: String
    /// `on /checkout in Safari`.
    public let phrase: String
    public let signal: String
    public let signalLabel: String
    public let sessions: Double
    public let previousSessions: Double
    public let rate: Double
    public let previousRate: Double
    /// Frustrated sessions the move added: sessions × (rate − previousRate); negative when the rate fell.
    public let addedSessions: Double
    public let direction: String
    /// `bad` for a rise, `good` for a fall: every signal is better lower.
    public let tone: String
    /// The two-proportion test of this week against last week.
    public let z: Double
    public let pValue: Double
    /// The Benjamini–Hochberg adjusted p-value over every segment × signal test of the week.
    public let qValue: Double
    /// How many segment × signal tests the correction covered.
    public let tests: Int
    /// Broader movers folded into this one because it carries at least 75% of their added sessions.
    public let accountsFor: [Share]
    /// The first day the segment's daily rate left its baseline, with the likely cause; nil when not found or not read.
    public let onset: Onset?
    public let rateText: String
    public let previousRateText: String
    /// `+23.4 pt`.
    public let pointChangeText: String
    /// `+1,671%`.
    public let relativeChangeText: String
    public let sessionsText: String
    /// `169`, or `−40` for a fall.
    public let addedSessionsText: String
    /// The filters to set in Clarity's Recordings to watch these sessions.
    public let recordingFilter: String
    /// What to look for in those recordings.
    public let watchFor: String
}
