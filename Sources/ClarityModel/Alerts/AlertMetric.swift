/// A daily figure the alerts watch: the session count, or the share of sessions with a frustration signal.
public enum AlertMetric: Hashable, Sendable, Comparable {
    case sessions
    case rate(FrustrationSignal)

    /// Every figure tested for the site as a whole.
    public static let site: [AlertMetric] = [.sessions] + FrustrationSignal.allCases.map { .rate($0) }
    /// Every figure tested for each segment: counts move with campaigns and mixes, so only the rates.
    public static let segment: [AlertMetric] = FrustrationSignal.allCases.map { .rate($0) }

    /// The KPI id the weekly report uses for the same figure: `sessions`, `rageClickRate`.
    public var id: String {
        switch self {
        case .sessions: return "sessions"
        case .rate(let signal): return signal.rawValue + "Rate"
        }
    }

    public var label: String {
        switch self {
        case .sessions: return "Sessions"
        case .rate(let signal): return signal.label
        }
    }

    /// Rates are watched for rises only (a fall in frustration is no alarm); sessions both ways (a fall is lost tracking).
    public var isTwoSided: Bool { self == .sessions }

    /// The metric whose id this is.
    public init?(id: String) {
        guard let metric = (Self.site).first(where: { $0.id == id }) else { return nil }
        self = metric
    }

    /// The figure and the sessions it stands on, for one day's totals; nil when the day has none.
    public func observe(_ totals: Totals) -> (value: Double, sessions: Double)? {
        switch self {
        case .sessions:
            guard totals.daysWithSessions > 0 else { return nil }
            return (Double(totals.sessions), Double(totals.sessions))
        case .rate(let signal):
            guard let figures = totals.signals[signal], figures.sessions > 0, let rate = figures.rate else { return nil }
            return (rate, figures.sessions)
        }
    }

    public func text(_ value: Double) -> String {
        switch self {
        case .sessions: return Format.integer(value)
        case .rate: return Format.percent(value)
        }
    }

    public static func < (lhs: AlertMetric, rhs: AlertMetric) -> Bool { lhs.id < rhs.id }
}
