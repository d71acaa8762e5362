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

    /// Canonical order, used everywhere a set of dimensions is written down.
    public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The set of dimensions a response was requested or broken down by; empty for the site totals.
public struct DimensionSet: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let dimensions: [Dimension]

    public init<S: Sequence>(_ dimensions: S) where S.Element == Dimension {
        self.dimensions = Array(Set(dimensions)).sorted()
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
