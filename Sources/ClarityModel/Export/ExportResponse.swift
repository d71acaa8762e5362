/// One combination of dimension values; values are nil where the API sent null (an aggregate row).
public struct Segment: Hashable, Sendable, Comparable {
    /// The dimensions with their values, in canonical dimension order.
    public let values: [DimensionValue]

    public struct DimensionValue: Hashable, Sendable {
        public let dimension: Dimension
        public let value: String?

        public init(_ dimension: Dimension, _ value: String?) {
            self.dimension = dimension
            self.value = value
        }
    }

    public init(_ values: [DimensionValue]) {
        self.values = values.sorted { $0.dimension < $1.dimension }
    }

    /// Values already in canonical dimension order (another segment's, with a value replaced), kept as they are.
    init(canonical values: [DimensionValue]) {
        self.values = values
    }

    /// The site as a whole: no dimension.
    public static let site = Segment([])

    public var dimensions: DimensionSet {
        let dimensions = values.map(\.dimension)
        // Values are kept in canonical order, so the set is theirs unless a dimension repeats.
        return zip(dimensions, dimensions.dropFirst()).allSatisfy { $0 < $1 } ? DimensionSet(canonical: dimensions) : DimensionSet(dimensions)
    }

    /// True when a value is null: the API's total over the other values, never a segment of its own.
    public var isAggregate: Bool { values.contains { $0.value == nil } }

    public func value(of dimension: Dimension) -> String? {
        values.first { $0.dimension == dimension }?.value
    }

    /// An unambiguous text key (length-prefixed values), used to intern segments in the store.
    public var key: String {
        values.map { entry in
            if let value = entry.value {
                return "\(entry.dimension.name):\(value.utf8.count):\(value)"
            }
            return "\(entry.dimension.name):-"
        }.joined(separator: "|")
    }

    /// A readable label such as `Browser = Safari · Device = Mobile`.
    public var label: String { label(site: "") }

    /// A readable label in which URLs on the project's own site are shortened to their path.
    public func label(site: String) -> String {
        if values.isEmpty { return "Whole site" }
        return values.map { entry in
            "\(entry.dimension.name) = \(Self.shownValue(entry.value, of: entry.dimension, site: site))"
        }.joined(separator: " · ")
    }

    /// A value as labels show it: a URL on the project's own site shortened to its path, a missing value `(all)`.
    public static func shownValue(_ value: String?, of dimension: Dimension, site: String) -> String {
        guard var value else { return "(all)" }
        let base = site.hasSuffix("/") ? String(site.dropLast()) : site
        if dimension == .url, !base.isEmpty, value.hasPrefix(base), value.count > base.count {
            let path = String(value.dropFirst(base.count))
            if path.hasPrefix("/") { value = path }
        }
        return value
    }

    public static func < (lhs: Segment, rhs: Segment) -> Bool { lhs.key < rhs.key }
}

/// The figures of one frustration signal for one segment.
public struct SignalFigures: Equatable, Sendable {
    public var sessions: Int64?
    /// Percentage of sessions (0-100) that had the signal.
    public var percentage: Double?
    public var withoutPercentage: Double?
    public var pageViews: Int64?
    /// Number of events (the API's `subTotal`).
    public var events: Int64?

    public init(sessions: Int64? = nil, percentage: Double? = nil, withoutPercentage: Double? = nil, pageViews: Int64? = nil, events: Int64? = nil) {
        self.sessions = sessions
        self.percentage = percentage
        self.withoutPercentage = withoutPercentage
        self.pageViews = pageViews
        self.events = events
    }

    /// Sessions that had the signal, derived from the session count and the percentage.
    public var sessionsWithSignal: Double? {
        guard let sessions, let percentage else { return nil }
        return Double(sessions) * percentage / 100
    }
}

/// Every figure the API gave for one segment in one response, all metrics side by side.
public struct Observation: Equatable, Sendable {
    public var segment: Segment
    public var sessions: Int64?
    public var botSessions: Int64?
    /// Distinct users: not additive across rows or days.
    public var distinctUsers: Int64?
    public var pagesPerSession: Double?
    public var signals: [FrustrationSignal: SignalFigures]
    /// Average scroll depth, 0-100.
    public var scrollDepth: Double?
    /// Seconds per session.
    public var totalTime: Double?
    /// Active seconds per session.
    public var activeTime: Double?

    public init(
        segment: Segment, sessions: Int64? = nil, botSessions: Int64? = nil, distinctUsers: Int64? = nil, pagesPerSession: Double? = nil,
        signals: [FrustrationSignal: SignalFigures] = [:], scrollDepth: Double? = nil, totalTime: Double? = nil, activeTime: Double? = nil
    ) {
        self.segment = segment
        self.sessions = sessions
        self.botSessions = botSessions
        self.distinctUsers = distinctUsers
        self.pagesPerSession = pagesPerSession
        self.signals = signals
        self.scrollDepth = scrollDepth
        self.totalTime = totalTime
        self.activeTime = activeTime
    }
}

/// One entry of a name-and-count list (browsers, countries, page titles, popular pages...).
public struct BreakdownItem: Equatable, Sendable {
    public var metric: BreakdownMetric
    public var position: Int
    public var name: String?
    public var count: Int64?

    public init(metric: BreakdownMetric, position: Int, name: String?, count: Int64?) {
        self.metric = metric
        self.position = position
        self.name = name
        self.count = count
    }
}

/// Something in a response that was kept raw but not understood.
public struct ExportWarning: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A parsed Data Export API response: observations per segment, name lists, and warnings.
public struct ExportResponse: Sendable {
    public var dimensions: DimensionSet
    public var observations: [Observation]
    public var breakdowns: [BreakdownItem]
    public var warnings: [ExportWarning]
    /// The metrics the response carried, by canonical name.
    public var metricNames: [String]

    /// Rows in the normalized store: one per segment plus one per list entry.
    public var rowCount: Int { observations.count + breakdowns.count }
}
