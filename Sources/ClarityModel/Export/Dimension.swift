/// A breakdown the Data Export API can split its figures by.
public enum Dimension: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case browser = "Browser"
    case device = "Device"
    case os = "OS"
    case country = "Country"
    case source = "Source"
    case medium = "Medium"
    case campaign = "Campaign"
    case channel = "Channel"
    case url = "URL"

    /// The name used in requests and reports.
    public var name: String { rawValue }

    /// The dimension a row key or a command-line word names: `URL` and `Url` are one dimension.
    public init?(key: String) {
        switch key.lowercased() {
        case "browser": self = .browser
        case "device": self = .device
        case "os": self = .os
        case "country", "country/region": self = .country
        case "source": self = .source
        case "medium": self = .medium
        case "campaign": self = .campaign
        case "channel": self = .channel
        case "url": self = .url
        default: return nil
        }
    }

    /// Position in canonical order.
    var ordinal: Int {
        switch self {
        case .browser: return 0
        case .device: return 1
        case .os: return 2
        case .country: return 3
        case .source: return 4
        case .medium: return 5
        case .campaign: return 6
        case .channel: return 7
        case .url: return 8
        }
    }

    /// Canonical order, used everywhere a set of dimensions is written down.
    public static func < (lhs: Dimension, rhs: Dimension) -> Bool { lhs.ordinal < rhs.ordinal }

    // By case, not by raw value: a raw-value enum otherwise compares and hashes its name's text, and segments hash
    // their dimensions hundreds of thousands of times in a report.
    public static func == (lhs: Dimension, rhs: Dimension) -> Bool { lhs.ordinal == rhs.ordinal }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// The set of dimensions a response was requested or broken down by; empty for the site totals.
public struct DimensionSet: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let dimensions: [Dimension]

    public init<S: Sequence>(_ dimensions: S) where S.Element == Dimension {
        self.dimensions = Array(Set(dimensions)).sorted()
    }

    /// Dimensions already in canonical order without repeats (a segment's), kept as they are: no set, no sort.
    init(canonical dimensions: [Dimension]) {
        self.dimensions = dimensions
    }

    /// The site totals: no dimension.
    public static let none = DimensionSet([])

    public var isEmpty: Bool { dimensions.isEmpty }

    /// The stored form: names joined with `+`, empty for none.
    public var key: String { dimensions.map(\.name).joined(separator: "+") }

    /// Parses the stored form or a command-line list (`Browser,Device` or `Browser+Device`).
    public init?(key: String) {
        let words = key.split(whereSeparator: { $0 == "," || $0 == "+" }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        var parsed: [Dimension] = []
        for word in words {
            guard let dimension = Dimension(key: word) else { return nil }
            parsed.append(dimension)
        }
        self.init(parsed)
    }

    public var description: String { isEmpty ? "site totals (no dimension)" : key }

    public static func < (lhs: DimensionSet, rhs: DimensionSet) -> Bool {
        if lhs.dimensions.count != rhs.dimensions.count { return lhs.dimensions.count < rhs.dimensions.count }
        return lhs.dimensions.lexicographicallyPrecedes(rhs.dimensions)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
