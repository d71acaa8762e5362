/// A frustration signal Clarity counts sessions for.
public enum FrustrationSignal: String, CaseIterable, Sendable, Hashable, Codable {
    case deadClick
    case rageClick
    case quickback
    case excessiveScroll
    case scriptError
    case errorClick

    /// The metric name the live API uses.
    public var metricName: String {
        switch self {
        case .deadClick: return "DeadClickCount"
        case .rageClick: return "RageClickCount"
        case .quickback: return "QuickbackClick"
        case .excessiveScroll: return "ExcessiveScroll"
        case .scriptError: return "ScriptErrorCount"
        case .errorClick: return "ErrorClickCount"
        }
    }

    /// A label for people.
    public var label: String {
        switch self {
        case .deadClick: return "Dead clicks"
        case .rageClick: return "Rage clicks"
        case .quickback: return "Quick backs"
        case .excessiveScroll: return "Excessive scrolling"
        case .scriptError: return "Script errors"
        case .errorClick: return "Error clicks"
        }
    }
}

/// A list of names with session counts that only the no-dimension response carries.
public enum BreakdownMetric: String, CaseIterable, Sendable, Hashable, Codable {
    case browser = "Browser"
    case device = "Device"
    case os = "OS"
    case country = "Country"
    case pageTitle = "PageTitle"
    case referrerURL = "ReferrerUrl"
    case popularPages = "PopularPages"
}

/// Every metric name the API is known to send, in its live and documented spellings.
public enum Metric: Sendable, Hashable {
    case traffic
    case signal(FrustrationSignal)
    case scrollDepth
    case engagementTime
    case breakdown(BreakdownMetric)

    /// The canonical (live) name.
    public var name: String {
        switch self {
        case .traffic: return "Traffic"
        case .signal(let signal): return signal.metricName
        case .scrollDepth: return "ScrollDepth"
        case .engagementTime: return "EngagementTime"
        case .breakdown(let metric): return metric.rawValue
        }
    }

    /// Recognises a metric name in either spelling ("DeadClickCount", "Dead Click Count", "Country/Region").
    public init?(name: String) {
        switch Self.fold(name) {
        case "traffic": self = .traffic
        case "deadclickcount": self = .signal(.deadClick)
        case "rageclickcount": self = .signal(.rageClick)
        case "quickbackclick": self = .signal(.quickback)
        case "excessivescroll": self = .signal(.excessiveScroll)
        case "scripterrorcount": self = .signal(.scriptError)
        case "errorclickcount": self = .signal(.errorClick)
        case "scrolldepth": self = .scrollDepth
        case "engagementtime": self = .engagementTime
        case "browser": self = .breakdown(.browser)
        case "device": self = .breakdown(.device)
        case "os": self = .breakdown(.os)
        case "country", "countryregion": self = .breakdown(.country)
        case "pagetitle": self = .breakdown(.pageTitle)
        case "referrerurl": self = .breakdown(.referrerURL)
        case "popularpages": self = .breakdown(.popularPages)
        default: return nil
        }
    }

    /// Lower-case letters and digits only, so spellings that differ in case, spaces or slashes compare equal.
    static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }))
    }
}
