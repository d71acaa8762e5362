/// One "What changed" bullet: a move beyond noise, the evidence it rests on and the next step.
public struct Finding: Sendable, Equatable, Encodable {
    /// `segment` (a segment mover), `kpi` (a site figure) or `none` (the line of a week without moves).
    public let kind: String
    /// The KPI id, or for a segment the signal.
    public let subject: String
    /// The segment's label; nil for site figures.
    public let segment: String?
    public let text: String
    /// The sentence's short form, for the report's headline.
    public let headline: String
    /// Frustrated sessions the move added (negative when they fell); nil for counts and means.
    public let addedSessions: Double?
    /// `twoProportion+history`, `twoProportion+benjaminiHochberg` or `history`.
    public let test: String
    public let pValue: Double?
    /// The Benjamini–Hochberg q-value (segment movers).
    public let qValue: Double?
    /// The earlier weeks' range (site figures; per day for counts).
    public let earlierMin: Double?
    public let earlierMax: Double?
    /// The evidence in words: `two-proportion z = 12.16, q < 0.001 over 690 segment tests`.
    public let evidenceText: String
    /// The filters to set in Clarity's Recordings, and what to watch; nil when recordings cannot show the move.
    public let nextStep: String?
    /// Whether the move is new this week: a segment mover whose daily rate left its baseline on a day of this week (it
    /// has an onset), or a site figure beyond noise (outside every earlier week's range). A move without an onset this
    /// week may have been under way before it, so it ranks as if half its size.
    public var isNew: Bool = true
}
