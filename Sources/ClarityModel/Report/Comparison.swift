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
        case .notEnoughHistory: return "too little history"
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
    /// The values compared: per day for counts, the values themselves otherwise.
    public let currentComparable: Double?
    public let previousComparable: Double?
    public let verdict: Verdict
    public let pValue: Double?
    /// What the verdict rests on.
    public let evidence: ChangeEvidence
    /// Values of earlier periods, oldest first, ending with the current one (for sparklines; per day for counts).
    public let history: [Double?]

    /// Up, down or flat, whatever the verdict.
    public var direction: String {
        guard let change else { return "flat" }
        return change > 0 ? "up" : (change < 0 ? "down" : "flat")
    }

    /// The change as a reader sees it: points first for rates (`+0.26 pt (+11%)`), relative otherwise.
    public var changeText: String {
        guard let change else { return "n/a" }
        if kpi.isRate, let current, let previous { return "\(Format.points(current - previous)) (\(Format.change(change)))" }
        return Format.change(change)
    }

    /// Good, bad or neutral news: only a change beyond noise is either.
    public var tone: String {
        guard verdict == .significant, kpi.polarity != .neutral, direction != "flat" else { return "neutral" }
        let better = (direction == "up") == (kpi.polarity == .higherIsBetter)
        return better ? "good" : "bad"
    }

    /// Compares two periods' totals against sampling noise and, when `earlier` is given, the earlier periods' range and spread.
    ///
    /// A rate is beyond noise only when both its two-proportion test and the history test (`HistoryTest`) say so; a
    /// count or a mean is judged by the history test alone. `earlier` holds the comparable values of earlier periods
    /// (per day for counts); nil means no history was read (release windows, device tables): rates are then judged by
    /// the two-proportion test alone, counts and means not at all.
    public init(kpi: KPI, current: Totals, previous: Totals?, history: [Double?], earlier: [Double]?, settings: JudgementSettings) {
        self.kpi = kpi
        self.current = kpi.value(of: current)
        self.previous = previous.flatMap { kpi.value(of: $0) }
        self.history = history
        let currentDays = kpi.daysCounted(in: current)
        let previousDays = previous.map { kpi.daysCounted(in: $0) } ?? 0
        comparedPerDay = kpi.kind == .count && currentDays != previousDays && previousDays > 0
        currentComparable = kpi.comparable(current)
        previousComparable = previous.flatMap { kpi.comparable($0) }
        if let now = kpi.comparable(current), let before = previous.flatMap({ kpi.comparable($0) }), before != 0 {
            change = now / before - 1
        } else {
            change = nil
        }
        guard let previous, change != nil else {
            verdict = .noComparison
            pValue = nil
            evidence = ChangeEvidence.none
            return
        }
        let historyTest = earlier.map { HistoryTest(value: kpi.comparable(current), earlier: $0) }
        let beyondHistory = historyTest?.beyond(significance: settings.significance)
        func judged(decidedBy: String, z: Double? = nil, p: Double? = nil) -> ChangeEvidence {
            ChangeEvidence(
                decidedBy: decidedBy, z: z, pValue: p, historyZ: historyTest?.z, historyPValue: historyTest?.pValue,
                earlierMin: historyTest?.minimum, earlierMax: historyTest?.maximum, earlierCount: historyTest?.count ?? 0,
                insideEarlierRange: historyTest?.inside)
        }
        if case .rate(let signal) = kpi.kind {
            let now = current.signals[signal] ?? SignalTotals()
            let before = previous.signals[signal] ?? SignalTotals()
            if now.sessions < Double(settings.minimumSessions) || before.sessions < Double(settings.minimumSessions) {
                verdict = .tooFewSessions
                pValue = nil
                self.evidence = judged(decidedBy: "none")
                return
            }
            let z = Statistics.twoProportionZ(
                successes1: now.withSignal, trials1: now.sessions, successes2: before.withSignal, trials2: before.sessions)
            let p = Statistics.twoProportionPValue(
                successes1: now.withSignal, trials1: now.sessions, successes2: before.withSignal, trials2: before.sessions)
            pValue = p
            let beyondSampling = (p ?? 1) < settings.significance
            guard historyTest != nil else {
                verdict = beyondSampling ? .significant : .withinNoise
                self.evidence = judged(decidedBy: "twoProportion", z: z, p: p)
                return
            }
            guard let beyondHistory else {
                verdict = .notEnoughHistory
                self.evidence = judged(decidedBy: "history", z: z, p: p)
                return
            }
            verdict = beyondSampling && beyondHistory ? .significant : .withinNoise
            let decidedBy = beyondSampling == beyondHistory ? "both" : (beyondSampling ? "history" : "twoProportion")
            self.evidence = judged(decidedBy: decidedBy, z: z, p: p)
            return
        }
        let currentSessions = current.daysWithSessions > 0 ? Double(current.sessions) : 0
        let previousSessions = previous.daysWithSessions > 0 ? Double(previous.sessions) : 0
        if currentSessions < Double(settings.minimumSessions) || previousSessions < Double(settings.minimumSessions) {
            verdict = .tooFewSessions
            pValue = nil
            self.evidence = judged(decidedBy: "none")
            return
        }
        guard let beyondHistory else {
            verdict = .notEnoughHistory
            pValue = nil
            self.evidence = judged(decidedBy: historyTest == nil ? "none" : "history")
            return
        }
        pValue = historyTest?.pValue
        verdict = beyondHistory ? .significant : .withinNoise
        self.evidence = judged(decidedBy: "history")
    }
}
