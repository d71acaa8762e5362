/// A name-and-count list of the site totals (referrers, page titles) summed over a period.
public struct NamedCount: Sendable, Equatable {
    public let name: String
    public let count: Int64
    /// Covered days whose list held the name.
    public let days: Int

    public init(name: String, count: Int64, days: Int) {
        self.name = name
        self.count = count
        self.days = days
    }
}

/// What the pages and acquisition sections are built from, read by the pipeline.
public struct AudienceInput: Sendable {
    /// Segment totals of each period, URLs already grouped, current first, then the one before, then up to 8 earlier ones.
    public var periods: [[SegmentTotals]]
    /// The referrer and page-title lists of each period, in the same order.
    public var lists: [[BreakdownMetric: [NamedCount]]]
    /// Distinct URL values the current period's URL breakdown stored before grouping.
    public var storedURLs: Int
    public var normalization: URLNormalization

    /// The breakdowns the sections read from the periods before the previous one (the noise of their counts).
    public static let earlierDimensions: [DimensionSet] = [
        DimensionSet([.url]), DimensionSet([.channel]), DimensionSet([.source, .medium]), DimensionSet([.campaign]), DimensionSet([.country]),
        DimensionSet([.source, .medium, .campaign]), DimensionSet([.medium, .campaign, .channel]),
    ]

    /// The weeks the sections of `week`'s report read, current first: it and the 8 before it.
    public static func periods(of week: ISOWeek) -> [ClosedRange<Day>] {
        sequence(first: week, next: \.previous).prefix(9).map { $0.firstDay...$0.lastDay }
    }

    /// The months the sections of `month`'s report read, current first: it and the 8 before it.
    public static func periods(of month: Month) -> [ClosedRange<Day>] {
        sequence(first: month, next: \.previous).prefix(9).map { $0.firstDay...$0.lastDay }
    }

    public init(
        periods: [[SegmentTotals]] = [], lists: [[BreakdownMetric: [NamedCount]]] = [], storedURLs: Int = 0,
        normalization: URLNormalization = URLNormalization()
    ) {
        self.periods = periods
        self.lists = lists
        self.storedURLs = storedURLs
        self.normalization = normalization
    }
}

/// Which pages people read: top pages, rising and falling ones, new ones, and the page titles Clarity lists.
public struct PagesSection: Sendable, Equatable, Encodable {
    public let table: BreakdownTable
    /// Pages with at least the minimum sessions that none of the 4 periods before held.
    public let newPages: [BreakdownRow]
    /// The PageTitle list: Clarity does not say which URL carries which title, so titles are their own table.
    public let titles: BreakdownTable
    /// URL values stored for the period and the pages they were grouped into.
    public let storedURLs: Int
    public let groupedPages: Int
    /// `412 stored URLs grouped into 37 pages (query strings, fragments and trailing slashes folded).`
    public let groupingText: String
    public let isEmpty: Bool
}

/// Where people come from: channels, sources and media, campaigns, referrers and countries.
public struct AcquisitionSection: Sendable, Equatable, Encodable {
    public let channels: BreakdownTable
    public let sourceMedium: BreakdownTable
    public let campaigns: BreakdownTable
    public let referrers: BreakdownTable
    public let countries: BreakdownTable
    public let isEmpty: Bool
}

extension AudienceInput {
    /// The pages and acquisition sections, judged against the site's totals of the current period: one index of the
    /// periods' breakdowns serves both.
    public func sections(site: Totals, settings: ReportSettings, siteURL: String) -> (pages: PagesSection, acquisition: AcquisitionSection) {
        let periods = BreakdownPeriods(periods: self.periods, site: site, settings: settings, siteURL: siteURL)
        return (pages(periods), acquisition(periods))
    }

    /// The pages section from the periods' breakdowns.
    func pages(_ periods: BreakdownPeriods) -> PagesSection {
        // One projection for the table and its new pages.
        let (figures, source) = periods.projected(onto: [.url])
        let table = periods.table(
            id: "pages", title: "Pages", dimensions: [Dimension.url.name], source: source, figures: figures, recordings: true, quality: true)
        let titles = periods.table(
            id: "pageTitles", title: "Page titles", dimensions: ["PageTitle"], source: "PageTitle",
            figures: listFigures(.pageTitle, normalize: nil), recordings: false, quality: false)
        let grouping =
            storedURLs > table.valueCount
            ? "\(Format.integer(Double(storedURLs))) stored URLs grouped into \(Format.integer(Double(table.valueCount))) pages "
                + "(fragments, query strings, tracking ids and trailing slashes folded)."
            : ""
        return PagesSection(
            table: table, newPages: periods.newValues(in: figures, recordings: true), titles: titles,
            storedURLs: storedURLs, groupedPages: table.valueCount, groupingText: grouping, isEmpty: table.isEmpty && titles.isEmpty)
    }

    /// The acquisition section from the periods' breakdowns.
    func acquisition(_ periods: BreakdownPeriods) -> AcquisitionSection {
        // Referrers are other sites: their query strings and fragments go, but the site's page patterns do not apply.
        let referrerRules = URLNormalization(keepQuery: normalization.keepQuery)
        let tables = (
            periods.table(id: "channels", title: "Channels", dimensions: [.channel]),
            periods.table(id: "sourceMedium", title: "Source / medium", dimensions: [.source, .medium]),
            periods.table(id: "campaigns", title: "Campaigns", dimensions: [.campaign]),
            periods.table(
                id: "referrers", title: "Referrers", dimensions: ["ReferrerUrl"], source: "ReferrerUrl",
                figures: listFigures(.referrerURL, normalize: referrerRules), recordings: false, quality: false),
            periods.table(id: "countries", title: "Countries", dimensions: [.country])
        )
        return AcquisitionSection(
            channels: tables.0, sourceMedium: tables.1, campaigns: tables.2, referrers: tables.3, countries: tables.4,
            isEmpty: [tables.0, tables.1, tables.2, tables.3, tables.4].allSatisfy(\.isEmpty))
    }

    /// A list's counts per period as sessions-only totals keyed by name (normalised when rules are given), names summed.
    func listFigures(_ metric: BreakdownMetric, normalize rules: URLNormalization?) -> [[Segment: Totals]] {
        // Each name is normalised once, however many periods list it.
        var names: [String: String] = [:]
        func normalized(_ name: String) -> String {
            guard let rules else { return name }
            if let known = names[name] { return known }
            let result = rules.normalize(name)
            names[name] = result
            return result
        }
        return lists.map { period in
            var figures: [Segment: Totals] = [:]
            for item in period[metric] ?? [] {
                let name = normalized(item.name)
                var totals = Totals()
                totals.days = item.days
                totals.daysWithSessions = item.days
                totals.sessions = item.count
                figures[Segment.listed(name)] = figures[Segment.listed(name)].map { $0.combined(with: totals) } ?? totals
            }
            return figures
        }
    }
}

extension Segment {
    /// A name of a site-total list (referrer, page title) held as a segment so it ranks like one; shown as written.
    static func listed(_ name: String) -> Segment { Segment([DimensionValue(.campaign, name)]) }
}
