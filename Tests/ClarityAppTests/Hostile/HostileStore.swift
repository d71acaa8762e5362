import ClarityModel
import ClarityStore
import Foundation

/// API-shaped responses whose every string field carries a given list of values, and the store made by ingesting them.
///
/// Two weeks of site totals (2026-W46 and W47) and, on Sunday 2026-11-22, one response per breakdown: Browser, Device,
/// OS+Country+Source, Medium+Campaign+Channel and URL, one row per value, with sessions rising by row. Every value
/// reaches the device and browser tables; the other breakdowns carry a rage-click rate far above the site's, so every
/// value of theirs is ranked among the frustration segments (browsers and devices are not, to keep the outputs small).
/// The site totals of that Sunday also list every value as a page title, referrer, popular page, browser, device, OS and
/// country name.
struct HostileStore {
    static let week = ISOWeek(label: "2026-W47")!
    static let project = ProjectInfo(name: "Hostile Shop", site: "https://shop.example")

    /// Settings that put every segment of the store in the ranked list.
    static func settings(valueCount: Int) -> ReportSettings {
        ReportSettings(minimumSessions: 100, significance: 0.05, topSegments: valueCount * 3 + 5)
    }

    let values: [String]

    /// Sessions of the row showing value `index`; all different, so the order of rows never depends on the text.
    static func sessions(_ index: Int) -> Int { 200 + 7 * index }

    /// Every response with its file name (`20261123T013000Z_1d_Device.json`).
    func responses() -> [(name: String, bytes: [UInt8])] {
        var result: [(String, [UInt8])] = []
        let sunday = Self.week.lastDay
        for offset in 0..<14 {
            let day = Self.week.previous.firstDay.advanced(by: offset)
            let pull = Instant(seconds: day.advanced(by: 1).startSecond + 90 * 60)
            result.append(("\(pull.compact)_1d.json", siteTotals(on: day, withLists: day == sunday)))
        }
        let breakdowns: [(suffix: String, rage: Double, row: (Int) -> [(String, JSONText)])] = [
            ("Browser", 0.5, { [("Browser", .string(self.value($0)))] }),
            ("Device", 0.5, { [("Device", .string(self.value($0)))] }),
            (
                "OS_Country_Source", 30,
                { i in [("OS", .string(self.value(i))), ("Country", .string(self.value(i + 1))), ("Source", .string(self.value(i + 2)))] }
            ),
            (
                "Medium_Campaign_Channel", 30,
                { i in [("Medium", .string(self.value(i))), ("Campaign", .string(self.value(i + 1))), ("Channel", .string(self.value(i + 2)))] }
            ),
            ("URL", 30, { [("Url", .string(self.value($0)))] }),
        ]
        for (index, breakdown) in breakdowns.enumerated() {
            let pull = Instant(seconds: sunday.advanced(by: 1).startSecond + Int64(95 + 5 * index) * 60)
            result.append(("\(pull.compact)_1d_\(breakdown.suffix).json", dimensioned(rage: breakdown.rage, breakdown.row)))
        }
        return result
    }

    func value(_ index: Int) -> String { values[index % values.count] }

    /// A store holding every response, ingested through the store's own ingest.
    func ingested(into store: MetricStore) throws -> MetricStore {
        for response in responses() {
            let name = ResponseName(response.name)
            _ = try store.ingest(
                ResponseSubmission(bytes: response.bytes, pulledAt: name.pulledAt, numOfDays: 1, source: response.name),
                at: Instant(iso: "2026-11-28T12:00:00Z")!)
        }
        return store
    }

    private func siteTotals(on day: Day, withLists: Bool) -> [UInt8] {
        var metrics = Self.siteMetrics(day: day)
        if withLists {
            let lists: [(metric: String, nameKey: String, countKey: String)] = [
                ("PopularPages", "url", "visitsCount"), ("PageTitle", "name", "sessionsCount"), ("ReferrerUrl", "name", "sessionsCount"),
                ("Browser", "name", "sessionsCount"), ("Device", "name", "sessionsCount"), ("OS", "name", "sessionsCount"),
                ("Country", "name", "sessionsCount"),
            ]
            for list in lists {
                let rows: [JSONText] = values.indices.map { index in
                    .object([(list.nameKey, .string(values[index])), (list.countKey, .string(String(Self.sessions(index))))])
                }
                metrics.append(.object([("metricName", .string(list.metric)), ("information", .array(rows))]))
            }
        }
        return Array(JSONText.array(metrics).encoded.utf8)
    }

    private func dimensioned(rage: Double, _ row: (Int) -> [(String, JSONText)]) -> [UInt8] {
        let rows = values.indices.map { (index: $0, dimensions: row($0)) }
        var metrics: [JSONText] = []
        for name in Self.metricNames {
            let information: [JSONText] = rows.map { row in
                let figures = Self.figures(metric: name, sessions: Self.sessions(row.index), rage: rage)
                return .object(figures + row.dimensions)
            }
            metrics.append(.object([("metricName", .string(name)), ("information", .array(information))]))
        }
        return Array(JSONText.array(metrics).encoded.utf8)
    }

    private static let metricNames = [
        "Traffic", "DeadClickCount", "RageClickCount", "QuickbackClick", "ExcessiveScroll", "ScriptErrorCount",
        "ErrorClickCount", "ScrollDepth", "EngagementTime",
    ]

    /// The site's figures of a day; bot sessions differ by day so that no two days' files have the same bytes (ingest
    /// skips those as duplicates).
    private static func siteMetrics(day: Day) -> [JSONText] {
        metricNames.map { name in
            var figures = figures(metric: name, sessions: 100_000, rage: 1, isSite: true)
            if name == "Traffic" { figures[1] = ("totalBotSessionCount", .string(String(day.startSecond / 86_400))) }
            return .object([("metricName", .string(name)), ("information", .array([.object(figures)]))])
        }
    }

    /// One row's figures: the rage-click rate as given, every other signal at 1% for the site and 0.5% for a segment,
    /// so no segment is ranked for any other signal.
    private static func figures(metric: String, sessions: Int, rage: Double, isSite: Bool = false) -> [(String, JSONText)] {
        let other = isSite ? 1.0 : 0.5
        switch metric {
        case "Traffic":
            return [
                ("totalSessionCount", .string(String(sessions))), ("totalBotSessionCount", .string("3")),
                ("distinctUserCount", .string(String(sessions * 4 / 5))), ("pagesPerSessionPercentage", .number(2.5)),
            ]
        case "ScrollDepth":
            return [("averageScrollDepth", .number(55.5))]
        case "EngagementTime":
            return [("totalTime", .string("120")), ("activeTime", .string("60"))]
        default:
            let percent = metric == "RageClickCount" ? rage : other
            return [
                ("sessionsCount", .string(String(sessions))), ("sessionsWithMetricPercentage", .number(percent)),
                ("sessionsWithoutMetricPercentage", .number(100 - percent)), ("pagesViews", .string(String(sessions * 2))),
                ("subTotal", .string(String(Int(Double(sessions) * percent / 100)))),
            ]
        }
    }
}

/// The pull time a response file name starts with.
struct ResponseName {
    let pulledAt: Instant

    init(_ name: String) {
        pulledAt = Instant(iso: String(name.prefix(16)))!
    }
}

/// A JSON value written with members in the given order and strings escaped per RFC 8259.
indirect enum JSONText {
    case string(String)
    case number(Double)
    case array([JSONText])
    case object([(String, JSONText)])

    var encoded: String {
        switch self {
        case .string(let text): return Self.quote(text)
        case .number(let value): return value == value.rounded() ? String(Int(value)) : String(value)
        case .array(let elements): return "[" + elements.map(\.encoded).joined(separator: ",\n") + "]"
        case .object(let members): return "{" + members.map { Self.quote($0.0) + ": " + $0.1.encoded }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
