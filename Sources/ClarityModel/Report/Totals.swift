/// Sessions with a signal and the sessions they are a share of, summed over days or rows.
public struct SignalTotals: Equatable, Sendable {
    /// Σ sessionsCount over rows whose percentage is known.
    public var sessions: Double
    /// Σ sessionsCount × sessionsWithMetricPercentage / 100.
    public var withSignal: Double

    public init(sessions: Double = 0, withSignal: Double = 0) {
        self.sessions = sessions
        self.withSignal = withSignal
    }

    /// The share of sessions with the signal, 0...1; nil without sessions.
    public var rate: Double? { sessions > 0 ? withSignal / sessions : nil }

    public static func + (lhs: SignalTotals, rhs: SignalTotals) -> SignalTotals {
        SignalTotals(sessions: lhs.sessions + rhs.sessions, withSignal: lhs.withSignal + rhs.withSignal)
    }
}

/// A mean of daily values weighted by each day's sessions: Σ value × sessions / Σ sessions.
public struct WeightedSum: Equatable, Sendable {
    public var weightedValues: Double
    public var weight: Double

    public init(weightedValues: Double = 0, weight: Double = 0) {
        self.weightedValues = weightedValues
        self.weight = weight
    }

    public var mean: Double? { weight > 0 ? weightedValues / weight : nil }

    public mutating func add(_ value: Double?, weight sessions: Int64?) {
        guard let value, let sessions, sessions > 0 else { return }
        weightedValues += value * Double(sessions)
        weight += Double(sessions)
    }
}

/// The per-session averages that are weighted by sessions when days are combined.
public enum MeanMetric: String, CaseIterable, Sendable {
    case pagesPerSession
    case scrollDepth
    case activeTime
    case totalTime
}

/// Figures of one segment (or the whole site) combined over a set of days.
public struct Totals: Equatable, Sendable {
    /// Days that contributed.
    public var days: Int = 0
    /// Σ totalSessionCount over days where it is known.
    public var sessions: Int64 = 0
    public var daysWithSessions: Int = 0
    public var botSessions: Int64 = 0
    public var daysWithBotSessions: Int = 0
    /// Σ of daily distinct users and the number of days it covers; only their mean is honest.
    public var dailyUsersSum: Double = 0
    public var daysWithUsers: Int = 0
    public var signals: [FrustrationSignal: SignalTotals] = [:]
    public var means: [MeanMetric: WeightedSum] = [:]

    public init() {}

    /// Combines daily observations of one segment.
    public init(days observations: [Observation]) {
        for observation in observations { add(observation) }
    }

    /// Adds one day's observation, or a block's: the sum of `dayCount` consecutive days known only together.
    public mutating func add(_ observation: Observation, spanning dayCount: Int = 1) {
        days += dayCount
        if let value = observation.sessions {
            sessions += value
            daysWithSessions += dayCount
        }
        if let value = observation.botSessions {
            botSessions += value
            daysWithBotSessions += dayCount
        }
        if let value = observation.distinctUsers {
            dailyUsersSum += Double(value)
            daysWithUsers += 1
        }
        for (signal, figures) in observation.signals {
            guard let sessions = figures.sessions, let withSignal = figures.sessionsWithSignal else { continue }
            signals[signal, default: SignalTotals()] =
                signals[signal, default: SignalTotals()] + SignalTotals(sessions: Double(sessions), withSignal: withSignal)
        }
        means[.pagesPerSession, default: WeightedSum()].add(observation.pagesPerSession, weight: observation.sessions)
        means[.scrollDepth, default: WeightedSum()].add(observation.scrollDepth, weight: observation.sessions)
        means[.activeTime, default: WeightedSum()].add(observation.activeTime, weight: observation.sessions)
        means[.totalTime, default: WeightedSum()].add(observation.totalTime, weight: observation.sessions)
    }

    /// The mean of the daily distinct-user figures (never their sum).
    public var averageDailyUsers: Double? { daysWithUsers > 0 ? dailyUsersSum / Double(daysWithUsers) : nil }

    public func rate(_ signal: FrustrationSignal) -> Double? { signals[signal]?.rate }

    public func mean(_ metric: MeanMetric) -> Double? { means[metric]?.mean }
}
