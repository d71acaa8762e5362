import ClarityModel

/// One synthetic API response, as the fetch job would have saved it.
public struct DemoResponse: Sendable {
    public let pulledAt: Instant
    public let numOfDays: Int
    public let dimensions: DimensionSet
    public let bytes: [UInt8]

    /// A file name in the shared samples' convention: `20261117T013000Z_1d_Browser_Device.json`.
    public var fileName: String {
        let dims = dimensions.dimensions.map { "_\($0.name)" }.joined()
        return "\(pulledAt.compact)_\(numOfDays)d\(dims).json"
    }
}

extension DemoSite {
    /// The requests the demo team made each day: the default plan, with Channel swapped for URL+Browser once they investigate checkout.
    func plan(on day: Day) -> [DimensionSet] {
        var plan: [DimensionSet] = [
            .none, DimensionSet([.device]), DimensionSet([.browser]), DimensionSet([.os]), DimensionSet([.country]),
            DimensionSet([.source, .medium]), DimensionSet([.channel]), DimensionSet([.url]), DimensionSet([.device, .browser]),
        ]
        if day >= investigationStart {
            plan[6] = DimensionSet([.url, .browser])
        }
        if day == Day(year: 2026, month: 9, day: 2)! {
            plan.remove(at: 7)
        }
        return plan
    }

    /// Every response of the demo (or of the days in a range), in pull order.
    public func responses(days: ClosedRange<Day>? = nil) -> [DemoResponse] {
        let range = days.map { max($0.lowerBound, firstDay)...min($0.upperBound, lastDay) } ?? firstDay...lastDay
        return range.flatMap { responses(on: $0) }
    }

    /// The responses pulled for one day (none on a missed day), in pull order.
    public func responses(on day: Day) -> [DemoResponse] {
        guard !missedDays.contains(day) else { return [] }
        var result: [DemoResponse] = []
        let pullBase = day.advanced(by: 1).startSecond + 30 * 60
        for (index, dimensions) in plan(on: day).enumerated() {
            let pulledAt = Instant(seconds: pullBase + Int64(index) * 4 * 60)
            result.append(
                DemoResponse(
                    pulledAt: pulledAt, numOfDays: 1, dimensions: dimensions,
                    bytes: response(for: day, dimensions: dimensions)))
        }
        // A late manual re-run: its window leans into the next day, where the regular pull outranks it.
        if day == Day(year: 2026, month: 7, day: 1)! {
            result.append(
                DemoResponse(
                    pulledAt: Instant(seconds: day.advanced(by: 1).startSecond + 13 * 3600), numOfDays: 1,
                    dimensions: .none, bytes: response(for: day.advanced(by: 1), dimensions: .none, variant: "late")))
        }
        // After a missed day the analyst pulled three days at once: the missed day is derived from it.
        if day == Day(year: 2026, month: 8, day: 20)! {
            result.append(
                DemoResponse(
                    pulledAt: Instant(seconds: pullBase + 50 * 60), numOfDays: 3, dimensions: .none,
                    bytes: response(days: day.advanced(by: -2)...day, dimensions: .none)))
        }
        return result
    }

    struct SegmentShare {
        var values: [Dimension: String]
        var share: Double
    }

    func segments(for dimensions: DimensionSet, on day: Day) -> [SegmentShare] {
        var result = [SegmentShare(values: [:], share: 1)]
        for dimension in dimensions.dimensions {
            let mix: [(String, Double)]
            switch dimension {
            case .device: mix = Self.devices
            case .browser: mix = Self.browsers
            case .os: mix = Self.operatingSystems
            case .country: mix = Self.countries
            case .channel: mix = Self.campaigned(Self.channels, on: day) { $0 == "Email" }
            case .url: mix = urlMix(on: day)
            case .source, .medium, .campaign:
                continue
            }
            result = result.flatMap { base in
                mix.map { value, share in
                    var values = base.values
                    values[dimension] = value
                    return SegmentShare(values: values, share: base.share * share)
                }
            }
        }
        if dimensions.dimensions.contains(.source) {
            result = result.flatMap { base in
                Self.campaigned(Self.sourceMedia, on: day) { $0 == ("newsletter", "email") }.map { pair, share in
                    var values = base.values
                    values[.source] = pair.0
                    values[.medium] = pair.1
                    return SegmentShare(values: values, share: base.share * share)
                }
            }
        }
        // Tiny segments are left out, except in the capped day's URL breakdown, whose long tail runs past the cap.
        return result.filter { $0.share >= 0.003 || (day == cappedURLDay && dimensions == DimensionSet([.url])) }
    }

    /// A mix in which, during the campaign week, the newsletter's share is doubled (the others scaled to keep the total).
    static func campaigned<Value>(_ mix: [(Value, Double)], on day: Day, isNewsletter: (Value) -> Bool) -> [(Value, Double)] {
        guard ISOWeek(containing: day) == campaignWeek else { return mix }
        let total = mix.reduce(0) { $0 + $1.1 }
        let boosted = mix.map { value, share in (value, isNewsletter(value) ? share * 2 : share) }
        let scale = total / boosted.reduce(0) { $0 + $1.1 }
        return boosted.map { ($0.0, $0.1 * scale) }
    }

    /// The week the newsletter campaign ran.
    static let campaignWeek = ISOWeek(containing: Day(iso: "2026-11-16")!)

    /// The pages of the URL breakdown; on the capped day, a long tail of product pages that runs past 1,000 rows.
    func urlMix(on day: Day) -> [(String, Double)] {
        var mix = Self.pages.map { ($0.0, $0.2) }
        // The same pages written other ways, as live URL breakdowns show them: reports group them back (`[report.urls]`).
        mix += [("/books/the-long-quiet/", 0.012), ("/search?q=winter+poems&utm_source=newsletter", 0.01), ("/events#calendar", 0.006)]
        // The autumn newsletter campaign week: its link lands on the reading list with tracking parameters.
        if ISOWeek(containing: day) == Self.campaignWeek {
            mix.append(("/blog/autumn-reading-list?utm_source=newsletter&utm_medium=email&utm_campaign=autumn-picks", 0.04))
        }
        if day == cappedURLDay {
            for number in 1...1_200 {
                mix.append(("/books/backlist-\(number)", 0.9 / Double(number + 40)))
            }
        }
        return mix
    }

    /// One row of a response: its dimension values (nil for an aggregate) and its figures.
    typealias Row = (values: [Dimension: String?], figures: RowFigures)

    /// The rows of one day's response, before the row cap.
    func rows(for day: Day, dimensions: DimensionSet, variant: String) -> [Row] {
        let total = sessions(on: day)
        var rows = segments(for: dimensions, on: day).map { segment -> Row in
            var random = DemoRandom([
                "segment", variant, day.iso, dimensions.key, segment.values.keys.sorted().map { segment.values[$0]! }.joined(separator: ","),
            ])
            let count = max(1, (total * segment.share * random.jitter(0.07)).rounded())
            return (segment.values.mapValues { Optional($0) }, figures(sessions: count, day: day, segment: segment.values, random: &random))
        }
        if dimensions.dimensions == [.url] {
            var random = DemoRandom(["aggregate", day.iso])
            rows.insert(([.url: nil], figures(sessions: total.rounded(), day: day, segment: [:], random: &random)), at: 0)
        }
        return rows
    }

    /// The bytes of one response, shaped like the live API's.
    func response(for day: Day, dimensions: DimensionSet, variant: String = "") -> [UInt8] {
        write(rows(for: day, dimensions: dimensions, variant: variant), dimensions: dimensions, total: sessions(on: day), day: day)
    }

    /// A multi-day response: each segment's figures over consecutive days, as the API sums a longer window.
    func response(days: ClosedRange<Day>, dimensions: DimensionSet) -> [UInt8] {
        let daily: [[Row]] = days.map { rows(for: $0, dimensions: dimensions, variant: "") }
        let combined: [Row] = daily[0].indices.map { index in
            (values: daily[0][index].values, figures: RowFigures.combined(daily.map { $0[index].figures }))
        }
        return write(combined, dimensions: dimensions, total: days.reduce(0) { $0 + sessions(on: $1) }, day: days.upperBound)
    }

    /// Writes rows as a response, cut at the API's row cap, with the name lists when there is no dimension.
    func write(_ rows: [Row], dimensions: DimensionSet, total: Double, day: Day) -> [UInt8] {
        var rows = rows
        if rows.count > 1_000 { rows = Array(rows.prefix(1_000)) }
        var writer = ResponseWriter()
        writer.open()
        let cappedDrop = dimensions.dimensions == [.url] && day == cappedURLDay
        for signal in [FrustrationSignal.deadClick, .excessiveScroll, .rageClick, .quickback, .scriptError, .errorClick] {
            writer.metric(
                signal.metricName,
                rows: rows.map { row in
                    let figures = row.figures.signals[signal]!
                    return [
                        ("sessionsCount", .count(figures.sessions)), ("sessionsWithMetricPercentage", .ratio(figures.percentage)),
                        ("sessionsWithoutMetricPercentage", .ratio(100 - figures.percentage)), ("pagesViews", .count(figures.pageViews)),
                        ("subTotal", .count(figures.events)),
                    ] + dimensionFields(row.values)
                })
        }
        if !cappedDrop {
            writer.metric("ScrollDepth", rows: rows.map { [("averageScrollDepth", .ratio($0.figures.scrollDepth))] + dimensionFields($0.values) })
        }
        writer.metric(
            "Traffic",
            rows: rows.map { row in
                [
                    ("totalSessionCount", .count(row.figures.sessions)), ("totalBotSessionCount", .count(row.figures.bots)),
                    ("distinctUserCount", .count(row.figures.users)), ("pagesPerSessionPercentage", .ratio(row.figures.pagesPerSession)),
                ] + dimensionFields(row.values)
            })
        writer.metric(
            "EngagementTime",
            rows: rows.map { row in
                [("totalTime", .count(row.figures.totalTime)), ("activeTime", .count(row.figures.activeTime))] + dimensionFields(row.values)
            })
        if dimensions.isEmpty {
            writeLists(&writer, total: total, day: day)
        }
        writer.close()
        return writer.bytes
    }

    struct RowFigures {
        struct Signal {
            var sessions: Int64
            var percentage: Double
            var pageViews: Int64
            var events: Int64
        }
        var sessions: Int64
        var bots: Int64
        var users: Int64
        var pagesPerSession: Double
        var signals: [FrustrationSignal: Signal]
        var scrollDepth: Double
        var totalTime: Int64
        var activeTime: Int64

        /// Figures of several days together: counts summed, percentages and means weighted by sessions and rounded as the API rounds them.
        static func combined(_ days: [RowFigures]) -> RowFigures {
            let sessions = days.reduce(0) { $0 + $1.sessions }
            func weighted(_ value: (RowFigures) -> Double, places: Double) -> Double {
                guard sessions > 0 else { return 0 }
                let mean = days.reduce(0.0) { $0 + value($1) * Double($1.sessions) } / Double(sessions)
                return (mean * places).rounded() / places
            }
            var signals: [FrustrationSignal: Signal] = [:]
            for signal in FrustrationSignal.allCases {
                signals[signal] = Signal(
                    sessions: sessions, percentage: weighted({ $0.signals[signal]!.percentage }, places: 100),
                    pageViews: days.reduce(0) { $0 + $1.signals[signal]!.pageViews },
                    events: days.reduce(0) { $0 + $1.signals[signal]!.events })
            }
            return RowFigures(
                sessions: sessions, bots: days.reduce(0) { $0 + $1.bots }, users: days.reduce(0) { $0 + $1.users },
                pagesPerSession: weighted(\.pagesPerSession, places: 10_000), signals: signals,
                scrollDepth: weighted(\.scrollDepth, places: 100),
                totalTime: Int64(weighted({ Double($0.totalTime) }, places: 1)), activeTime: Int64(weighted({ Double($0.activeTime) }, places: 1)))
        }
    }

    func figures(sessions count: Double, day: Day, segment: [Dimension: String], random: inout DemoRandom) -> RowFigures {
        let sessions = Int64(count)
        var signals: [FrustrationSignal: RowFigures.Signal] = [:]
        for signal in FrustrationSignal.allCases {
            let rate = rate(signal, on: day, segment: segment)
            // Binomial noise: small segments are noisier, as real ones are.
            let spread = (rate * (1 - rate) / max(1, count)).squareRoot()
            let observed = min(1, max(0, rate + spread * (random.unit() + random.unit() + random.unit() - 1.5) * 2))
            let percentage = (observed * 10_000).rounded() / 100
            let withSignal = Double(sessions) * percentage / 100
            signals[signal] = RowFigures.Signal(
                sessions: sessions, percentage: percentage,
                pageViews: Int64((withSignal * 2.1 * random.jitter(0.1)).rounded()),
                events: Int64((withSignal * 1.7 * random.jitter(0.15)).rounded()))
        }
        let mobile = segment[.device] == "Mobile"
        return RowFigures(
            sessions: sessions, bots: Int64((count * 0.08 * random.jitter(0.2)).rounded()),
            users: Int64((count * 0.81 * random.jitter(0.03)).rounded()),
            pagesPerSession: ((mobile ? 2.05 : 2.4) * random.jitter(0.06) * 10_000).rounded() / 10_000,
            signals: signals, scrollDepth: (((mobile ? 61 : 52) * random.jitter(0.05)) * 100).rounded() / 100,
            totalTime: Int64(((mobile ? 240 : 310) * random.jitter(0.08)).rounded()),
            activeTime: Int64(((mobile ? 72 : 96) * random.jitter(0.08)).rounded()))
    }

    func dimensionFields(_ values: [Dimension: String?]) -> [(String, ResponseWriter.Value)] {
        values.keys.sorted().map { dimension in
            let key = dimension == .url ? "Url" : dimension.name
            guard let value = values[dimension]! else { return (key, .null) }
            return (key, .text(dimension == .url ? site + value : value))
        }
    }

    func writeLists(_ writer: inout ResponseWriter, total: Double, day: Day) {
        func list(_ name: String, key: String = "name", countKey: String = "sessionsCount", _ mix: [(String, Double)]) {
            var random = DemoRandom(["list", name, day.iso])
            writer.metric(
                name,
                rows: mix.map { value, share in
                    [(key, .text(value)), (countKey, .count(Int64((total * share * random.jitter(0.05)).rounded())))]
                })
        }
        list("Browser", Self.browsers)
        list("Device", Self.devices)
        list("OS", Self.operatingSystems)
        list("Country", Self.countries)
        list("PageTitle", Self.pages.map { ($0.1, $0.2) })
        list(
            "ReferrerUrl",
            [
                ("https://www.google.com/", 0.36), ("https://www.bing.com/", 0.05), ("https://l.facebook.com/", 0.06),
                ("https://bookclub.example/forum/thread?id=42&sort=new", 0.03), ("https://news.example/?q=<best books>&ref=\"list\"", 0.01),
            ])
        list("PopularPages", key: "url", countKey: "visitsCount", Self.pages.map { (site + $0.0, $0.2 * 1.3) })
    }
}

/// Writes API-shaped JSON by hand, byte-stable on every machine.
struct ResponseWriter {
    enum Value {
        case count(Int64)
        case ratio(Double)
        case text(String)
        case null
    }

    private(set) var bytes: [UInt8] = []
    private var metricCount = 0

    mutating func open() { append("[") }
    mutating func close() { append("\n]\n") }

    mutating func metric(_ name: String, rows: [[(String, Value)]]) {
        append(metricCount == 0 ? "\n {\"metricName\": " : ",\n {\"metricName\": ")
        metricCount += 1
        appendString(name)
        append(", \"information\": [")
        for (index, row) in rows.enumerated() {
            append(index == 0 ? "\n  {" : ",\n  {")
            for (fieldIndex, field) in row.enumerated() {
                if fieldIndex > 0 { append(", ") }
                appendString(field.0)
                append(": ")
                switch field.1 {
                case .count(let value): appendString(String(value))
                case .ratio(let value): append(Self.format(value))
                case .text(let value): appendString(value)
                case .null: append("null")
                }
            }
            append("}")
        }
        append("\n ]}")
    }

    /// A ratio as the API writes it: integers bare, otherwise up to four decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded() { return String(Int64(value)) }
        var text = String(Int64((value * 10_000).rounded()))
        while text.count < 5 { text = "0" + text }
        let integer = text.dropLast(4)
        var fraction = String(text.suffix(4))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(integer).\(fraction)"
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case "\r": append("\\r")
            case "\t": append("\\t")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
