/// A headline figure of the reports, with how it combines over days and which direction is good.
public enum KPI: String, CaseIterable, Sendable, Codable {
    case sessions
    case botSessions
    case avgDailyUsers
    case pagesPerSession
    case scrollDepth
    case activeTime
    case totalTime
    case deadClickRate
    case rageClickRate
    case quickbackRate
    case excessiveScrollRate
    case scriptErrorRate
    case errorClickRate

    /// How the figure combines over days.
    public enum Kind: Sendable, Equatable {
        /// Summed over covered days; compared per day when coverage differs.
        case count
        /// The mean of daily figures (distinct users: never summed).
        case dailyAverage
        /// A mean of daily values weighted by the day's sessions.
        case mean(MeanMetric)
        /// Σ sessions with the signal / Σ sessions.
        case rate(FrustrationSignal)
    }

    /// Which direction of change is good news.
    public enum Polarity: String, Sendable, Codable {
        case higherIsBetter
        case lowerIsBetter
        case neutral
    }

    public var kind: Kind {
        switch self {
        case .sessions, .botSessions: return .count
        case .avgDailyUsers: return .dailyAverage
        case .pagesPerSession: return .mean(.pagesPerSession)
        case .scrollDepth: return .mean(.scrollDepth)
        case .activeTime: return .mean(.activeTime)
        case .totalTime: return .mean(.totalTime)
        case .deadClickRate: return .rate(.deadClick)
        case .rageClickRate: return .rate(.rageClick)
        case .quickbackRate: return .rate(.quickback)
        case .excessiveScrollRate: return .rate(.excessiveScroll)
        case .scriptErrorRate: return .rate(.scriptError)
        case .errorClickRate: return .rate(.errorClick)
        }
    }

    public var polarity: Polarity {
        switch self {
        case .sessions, .avgDailyUsers, .pagesPerSession, .scrollDepth, .activeTime, .totalTime: return .higherIsBetter
        case .botSessions: return .neutral
        default: return .lowerIsBetter
        }
    }

    public var label: String {
        switch self {
        case .sessions: return "Sessions"
        case .botSessions: return "Bot sessions"
        case .avgDailyUsers: return "Users per day"
        case .pagesPerSession: return "Pages per session"
        case .scrollDepth: return "Scroll depth"
        case .activeTime: return "Active time"
        case .totalTime: return "Time on site"
        case .deadClickRate: return "Dead clicks"
        case .rageClickRate: return "Rage clicks"
        case .quickbackRate: return "Quick backs"
        case .excessiveScrollRate: return "Excessive scrolling"
        case .scriptErrorRate: return "Script errors"
        case .errorClickRate: return "Error clicks"
        }
    }

    /// Whether the KPI is a frustration rate.
    public var isRate: Bool {
        if case .rate = kind { return true }
        return false
    }

    /// The frustration-rate KPI of a signal.
    public static func rate(of signal: FrustrationSignal) -> KPI {
        allCases.first { $0.kind == .rate(signal) }!
    }

    /// The KPI's value over some days' totals.
    public func value(of totals: Totals) -> Double? {
        switch kind {
        case .count:
            let (sum, days) = self == .sessions ? (totals.sessions, totals.daysWithSessions) : (totals.botSessions, totals.daysWithBotSessions)
            return days > 0 ? Double(sum) : nil
        case .dailyAverage: return totals.averageDailyUsers
        case .mean(let metric): return totals.mean(metric)
        case .rate(let signal): return totals.rate(signal)
        }
    }

    /// Days a count was summed over, for per-day comparisons.
    public func daysCounted(in totals: Totals) -> Int {
        switch self {
        case .sessions: return totals.daysWithSessions
        case .botSessions: return totals.daysWithBotSessions
        default: return totals.days
        }
    }

    /// The value per day for counts, the value itself otherwise: what comparisons across periods use.
    public func comparable(_ totals: Totals) -> Double? {
        guard let value = value(of: totals) else { return nil }
        if kind == .count {
            let days = daysCounted(in: totals)
            return days > 0 ? value / Double(days) : nil
        }
        return value
    }

    /// The value as a reader sees it.
    public func display(_ value: Double) -> String {
        switch kind {
        case .count, .dailyAverage: return Format.integer(value)
        case .rate: return Format.percent(value)
        case .mean(.pagesPerSession): return Format.decimal(value, places: 2)
        case .mean(.scrollDepth): return Format.decimal(value, places: 1) + "%"
        case .mean(.activeTime), .mean(.totalTime): return Format.duration(value)
        }
    }
}
