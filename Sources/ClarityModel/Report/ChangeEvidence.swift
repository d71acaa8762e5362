/// The figures a verdict rests on: what each noise test said, and which of them decided.
public struct ChangeEvidence: Sendable, Equatable, Encodable {
    /// `twoProportion`, `history` (the earlier periods' range and spread), `both`, or `none` when no test could run.
    public let decidedBy: String
    /// The two-proportion test's z (rates only).
    public let z: Double?
    /// The two-proportion test's two-sided p-value (rates only).
    public let pValue: Double?
    /// How many of the earlier periods' standard deviations the value lies from their mean.
    public let historyZ: Double?
    public let historyPValue: Double?
    /// Lowest and highest comparable value of the earlier periods (per day for counts).
    public let earlierMin: Double?
    public let earlierMax: Double?
    /// Earlier periods with a value; the history test needs at least 3.
    public let earlierCount: Int
    /// Whether the value lies inside the earlier periods' range; a value inside it is never beyond noise.
    public let insideEarlierRange: Bool?

    static let none = ChangeEvidence(
        decidedBy: "none", z: nil, pValue: nil, historyZ: nil, historyPValue: nil,
        earlierMin: nil, earlierMax: nil, earlierCount: 0, insideEarlierRange: nil)
}
