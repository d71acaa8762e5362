import ClarityModel

/// A site at the Data Export API's ceiling: ten pulls a day, and every metric of every response at the 1,000-row cap.
public struct MaximalSite: Sendable {
    /// The most rows the API returns for one metric of one response.
    public static let rowCap = 1_000

    public let site = "https://www.atlas-outfitters.example"
    public let firstDay: Day
    public let lastDay: Day
    /// The nine breakdowns pulled each day beside the site totals; each has a long-tail dimension, so 1,000 rows always exist.
    public let breakdowns: [DimensionSet] = [
        DimensionSet([.url]), DimensionSet([.device, .url]), DimensionSet([.browser, .url]), DimensionSet([.country, .url]),
        DimensionSet([.channel, .url]), DimensionSet([.os, .browser, .url]), DimensionSet([.source, .medium]),
        DimensionSet([.source, .medium, .campaign]), DimensionSet([.campaign]),
    ]

    /// Rows 0..<headRows are the same segments every day; the rest come from a tail that drifts day by day.
    static let headRows = 800
    static let tailPool = 4_200

    public init(firstDay: Day, lastDay: Day) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// Every day's ten responses, in pull order.
    public func responses(on day: Day) -> [DemoResponse] {
        let pullBase = day.advanced(by: 1).startSecond + 30 * 60
        return ([DimensionSet.none] + breakdowns).enumerated().map { index, dimensions in
            DemoResponse(
                pulledAt: Instant(seconds: pullBase + Int64(index) * 4 * 60), numOfDays: 1, dimensions: dimensions,
                bytes: response(for: day, dimensions: dimensions))
        }
    }

    /// Sessions on a day: a large shop, with a weekday rhythm.
    func sessions(on day: Day) -> Double {
        let rhythm: [Double] = [1.0, 1.04, 1.02, 0.98, 0.92, 0.74, 0.7]
        var random = DemoRandom(["max-sessions", day.iso])
        return 240_000 * rhythm[day.weekday - 1] * random.jitter(0.05)
    }

    /// The segment numbers of a day's rows: a fixed head and a drifting tail, all distinct.
    func segmentNumbers(on day: Day) -> [Int] {
        let head = Array(0..<Self.headRows)
        let tail = (Self.headRows..<Self.rowCap).map { Self.headRows + (day.ordinal * 53 + $0) % Self.tailPool }
        return head + tail
    }

    /// The value of one dimension for segment number `n`: long-tail dimensions carry `n`, the others cycle through a short list.
    func value(of dimension: Dimension, segment n: Int) -> String {
        switch dimension {
        case .url: return "\(site)/catalogue/\(n % 37)/item-\(n)?colour=\(n % 11)"
        case .campaign: return "campaign-\(n)-spring-\(n % 7)"
        case .source: return "referrer-\(n).example"
        case .device: return ["Mobile", "PC", "Tablet", "Other"][n % 4]
        case .browser: return ["Chrome", "Safari", "Edge", "Firefox", "SamsungInternet", "Opera", "Other"][n % 7]
        case .os: return ["Android", "iOS", "Windows", "MacOSX", "Linux", "ChromeOS", "Other"][n % 7]
        case .country:
            return ["United States", "United Kingdom", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Australia", "Other"][n % 10]
        case .channel: return ["Organic search", "Direct", "Email", "Social", "Paid search", "Referral", "Display"][n % 7]
        case .medium: return ["organic", "referral", "email", "social", "cpc", "display"][n % 6]
        }
    }

    /// The bytes of one response: the nine observation metrics at the cap (one row for the site totals), and the seven lists at the cap.
    func response(for day: Day, dimensions: DimensionSet) -> [UInt8] {
        let total = sessions(on: day)
        var random = DemoRandom(["max", day.iso, dimensions.key])
        let numbers = dimensions.isEmpty ? [0] : segmentNumbers(on: day)
        let rows = numbers.enumerated().map { rank, n -> (fields: [(String, ResponseWriter.Value)], figures: Figures) in
            let share = dimensions.isEmpty ? 1 : 0.12 / Double(rank + 8)
            let keys = dimensions.dimensions.map { dimension -> (String, ResponseWriter.Value) in
                let key = dimension == .url ? "Url" : dimension.name
                // The URL breakdown's first row is the API's aggregate over the others.
                if dimensions == DimensionSet([.url]), rank == 0 { return (key, .null) }
                return (key, .text(value(of: dimension, segment: n)))
            }
            return (keys, Figures(sessions: max(1, (total * share * random.jitter(0.1)).rounded()), random: &random))
        }
        var writer = ResponseWriter()
        writer.open()
        for (signal, index) in zip(FrustrationSignal.allCases, 0...) {
            writer.metric(
                signal.metricName,
                rows: rows.map { row in
                    let percentage = row.figures.percentages[index]
                    let with = Double(row.figures.sessions) * percentage / 100
                    return [
                        ("sessionsCount", .count(row.figures.sessions)), ("sessionsWithMetricPercentage", .ratio(percentage)),
                        ("sessionsWithoutMetricPercentage", .ratio(100 - percentage)), ("pagesViews", .count(Int64((with * 2.1).rounded()))),
                        ("subTotal", .count(Int64((with * 1.7).rounded()))),
                    ] + row.fields
                })
        }
        writer.metric("ScrollDepth", rows: rows.map { [("averageScrollDepth", .ratio($0.figures.scrollDepth))] + $0.fields })
        writer.metric(
            "Traffic",
            rows: rows.map { row in
                [
                    ("totalSessionCount", .count(row.figures.sessions)), ("totalBotSessionCount", .count(row.figures.sessions / 12)),
                    ("distinctUserCount", .count(row.figures.sessions * 4 / 5)), ("pagesPerSessionPercentage", .ratio(row.figures.pagesPerSession)),
                ] + row.fields
            })
        writer.metric(
            "EngagementTime",
            rows: rows.map { row in
                [("totalTime", .count(row.figures.totalTime)), ("activeTime", .count(row.figures.totalTime * 3 / 10))] + row.fields
            })
        if dimensions.isEmpty {
            writeLists(&writer, total: total, day: day)
        }
        writer.close()
        return writer.bytes
    }

    /// The figures of one row.
    struct Figures {
        var sessions: Int64
        var percentages: [Double]
        var scrollDepth: Double
        var pagesPerSession: Double
        var totalTime: Int64

        init(sessions: Double, random: inout DemoRandom) {
            self.sessions = Int64(sessions)
            percentages = [4.2, 2.4, 8.8, 6.1, 0.9, 1.3].map { (($0 * random.jitter(0.3)) * 100).rounded() / 100 }
            scrollDepth = ((55 * random.jitter(0.1)) * 100).rounded() / 100
            pagesPerSession = ((2.3 * random.jitter(0.1)) * 10_000).rounded() / 10_000
            totalTime = Int64((280 * random.jitter(0.1)).rounded())
        }
    }

    func writeLists(_ writer: inout ResponseWriter, total: Double, day: Day) {
        for metric in BreakdownMetric.allCases {
            var random = DemoRandom(["max-list", metric.rawValue, day.iso])
            let (key, countKey) = metric == .popularPages ? ("url", "visitsCount") : ("name", "sessionsCount")
            writer.metric(
                metric.rawValue,
                rows: segmentNumbers(on: day).enumerated().map { rank, n in
                    let name: String
                    switch metric {
                    case .popularPages: name = value(of: .url, segment: n)
                    case .referrerURL: name = "https://\(value(of: .source, segment: n))/article/\(n)"
                    case .pageTitle: name = "Item \(n) — Atlas Outfitters"
                    default: name = "\(metric.rawValue) \(n)"
                    }
                    return [(key, .text(name)), (countKey, .count(Int64((total * 0.12 / Double(rank + 8) * random.jitter(0.05)).rounded())))]
                })
        }
    }
}
