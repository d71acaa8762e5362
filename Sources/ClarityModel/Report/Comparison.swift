/// Whether a change stands out from noise, and why not when it cannot be told.
public enum Verdict: String, Sendable, Codable {
    /// Beyond the noise at the configured significance level.
    case significant
    /// Within the noise.
    case withinNoise
    /// One side has fewer sessions than the configured minimum.
    case tooFewSessions
    /// Fewer than three earlier periods (weeks, months) to measure the noise against.
    case notEnoughHistory
    /// Nothing to compare with.
    case noComparison

    public var text: String {
        switch self {
        case .significant: return "beyond noise"
        case .withinNoise: return "within noise"
        case .tooFewSessions: return "too few sessions"
        case .notEnoughHistory: return "not enough history"
        case .noComparison: return "no comparison"
        }
    }
}

/// Settings that decide how changes are judged.
public struct JudgementSettings: Sendable, Equatable {
    public var minimumSessions: Int
    public var significance: Double

    public init(minimumSessions: Int = 100, significance: Double = 0.05) {
        self.minimumSessions = minimumSessions
        self.significance = significance
    }
}

/// One KPI over a period and the period before, with its change and verdict.
public struct KPIComparison: Sendable, Equatable {
    public let kpi: KPI
    public let current: Double?
    public let previous: Double?
    /// Relative change; counts are compared per day when the two periods' coverage differs.
    public let change: Double?
    public let comparedPerDay: Bool
    public let verdict: Verdict
    public let pValue: Double?
    /// Values of earlier periods, oldest first, ending with the current one (for sparklines).
    public let history: [Double?]

    /// Up, down or flat, whatever the verdict.
    public var direction: String {
        guard let change else { return "flat" }
        return change > 0 ? "up" : (change < 0 ? "down" : "flat")
    }

    /// Good, bad or neutral news: only a change beyond noise is either.
    public var tone: String {
        guard verdict == .significant, kpi.polarity != .neutral, direction != "flat" else { return "neutral" }
        let better = (direction == "up") == (kpi.polarity == .higherIsBetter)
        return better ? "good" : "bad"
    }

    /// Compares two periods' totals; `history` holds the comparable values of earlier periods for count and mean KPIs.
    public init(kpi: KPI, current: Totals, previous: Totals?, history: [Double?], earlier: [Double], settings: JudgementSettings) {
        self.kpi = kpi
        self.current = kpi.value(of: current)
        self.previous = previous.flatMap { kpi.value(of: $0) }
        self.history = history
        let currentDays = kpi.daysCounted(in: current)
        let previousDays = previous.map { kpi.daysCounted(in: $0) } ?? 0
        comparedPerDay = kpi.kind == .count && currentDays != previousDays && previousDays > 0
        if let now = kpi.comparable(current), let before = previous.flatMap({ kpi.comparable($0) }), before != 0 {
            change = now / before - 1
        } else {
            change = nil
        }
        guard let previous, change != nil else {
            verdict = .noComparison
            pValue = nil
            return
        }
        let currentSessions = current.daysWithSessions > 0 ? Double(current.sessions) : 0
        let previousSessions = previous.daysWithSessions > 0 ? Double(previous.sessions) : 0
        if case .rate(let signal) = kpi.kind {
            let now = current.signals[signal] ?? SignalTotals()
            let before = previous.signals[signal] ?? SignalTotals()
            if now.sessions < Double(settings.minimumSessions) || before.sessions < Double(settings.minimumSessions) {
                verdict = .tooFewSessions
                pValue = nil
                return
            }
            let p = Statistics.twoProportionPValue(successes1: now.withSignal, trials1: now.sessions, successes2: before.withSignal, trials2: before.sessions)
            pValue = p
            verdict = (p ?? 1) < settings.significance ? .significant : .withinNoise
            return
        }
        if currentSessions < Double(settings.minimumSessions) || previousSessions < Double(settings.minimumSessions) {
            verdict = .tooFewSessions
            pValue = nil
            return
        }
        guard let now = kpi.comparable(current), let z = Statistics.zScore(of: now, against: earlier) else {
            verdict = .notEnoughHistory
            pValue = nil
            return
        }
        let p = Statistics.pValue(z: z)
        pValue = p
        verdict = p < settings.significance ? .significant : .withinNoise
    }
}
