/// A version of the site that went live at a known instant, recorded by hand or imported from a git tag.
public struct Release: Sendable, Hashable, Encodable {
    /// Where a release record came from.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case manual
        case git
    }

    public let version: String
    public let instant: Instant
    public let note: String
    public let source: Source

    public init(version: String, instant: Instant, note: String = "", source: Source) {
        self.version = version
        self.instant = instant
        self.note = note
        self.source = source
    }

    /// The UTC day the release went live: the day its before/after comparison leaves out.
    public var day: Day { instant.day }

    /// Parses a release date as `2026-11-09` (00:00 UTC that day) or an ISO 8601 instant such as `2026-11-09T14:30Z`.
    public static func instant(parsing text: String) -> Instant? {
        if let day = Day(iso: text) { return Instant(seconds: day.startSecond) }
        return Instant(iso: text)
    }

    private enum CodingKeys: String, CodingKey {
        case version, releasedAt, day, note, source
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(instant.iso, forKey: .releasedAt)
        try container.encode(day, forKey: .day)
        try container.encode(note, forKey: .note)
        try container.encode(source, forKey: .source)
    }
}
