/// A KPI comparison as reports and templates see it: raw values plus the text a reader sees.
public struct KPIEntry: Sendable, Equatable, Encodable {
    public let id: String
    public let label: String
    public let kind: String
    public let polarity: String
    public let current: Double?
    public let previous: Double?
    public let change: Double?
    public let comparedPerDay: Bool
    public let verdict: String
    public let verdictText: String
    public let pValue: Double?
    /// What the verdict rests on: each noise test's figures and which decided.
    public let evidence: ChangeEvidence
    public let direction: String
    public let tone: String
    /// `▲`, `▼` or `–`.
    public let arrow: String
    public let currentText: String
    public let previousText: String
    public let changeText: String
    public let history: [Double?]

    public init(_ comparison: KPIComparison) {
        let kpi = comparison.kpi
        id = kpi.rawValue
        label = kpi.label
        switch kpi.kind {
        case .count: kind = "count"
        case .dailyAverage: kind = "dailyAverage"
        case .mean: kind = "mean"
        case .rate: kind = "rate"
        }
        polarity = kpi.polarity.rawValue
        current = comparison.current
        previous = comparison.previous
        change = comparison.change
        comparedPerDay = comparison.comparedPerDay
        verdict = comparison.verdict.rawValue
        verdictText = comparison.verdict.text
        pValue = comparison.pValue
        evidence = comparison.evidence
        direction = comparison.direction
        tone = comparison.tone
        arrow = comparison.direction == "up" ? "▲" : (comparison.direction == "down" ? "▼" : "–")
        currentText = comparison.current.map(kpi.display) ?? "n/a"
        previousText = comparison.previous.map(kpi.display) ?? "n/a"
        changeText = comparison.changeText
        history = comparison.history
    }
}
