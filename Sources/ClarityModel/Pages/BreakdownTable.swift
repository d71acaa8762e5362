/// One value of a breakdown (a page, a channel, a country...) this period against the period before.
public struct BreakdownRow: Sendable, Equatable, Encodable {
    /// The value(s) as stored after grouping (a page's normalised URL; `source / medium` for two dimensions).
    public let value: String
    /// The value as shown: a page on the project's own site shortened to its path.
    public let label: String
    /// True for the row that sums every value past the table's cap.
    public let isOther: Bool
    /// How many values the row sums: 1, or the number folded into the "other" row.
    public let values: Int
    public let sessions: Double
    public let previousSessions: Double?
    /// Share of the table's sessions this period and the period before, 0...1.
    public let share: Double?
    public let previousShare: Double?
    /// Sessions against the period before, judged like the headline counts (the earlier periods' range and spread);
    /// absent for the "other" row, whose membership changes with the ranking.
    public let change: KPIEntry?
    /// Active seconds per session and average scroll depth (0-100), weighted by sessions.
    public let activeTime: Double?
    public let scrollDepth: Double?
    /// Quick backs against the period before (two-proportion test alone, as in the device table).
    public let quickback: KPIEntry?
    /// The signal with the most sessions beyond the site's rate (at least the minimum sessions); absent when none exceeds it.
    public let worstSignal: String?
    public let worstSignalLabel: String?
    public let worstSignalRate: Double?
    public let worstSignalSiteRate: Double?
    public let sessionsText: String
    public let previousSessionsText: String
    public let shareText: String
    public let changeText: String
    public let verdictText: String
    public let tone: String
    public let activeTimeText: String
    public let scrollDepthText: String
    public let quickbackText: String
    /// `Rage clicks 9.1% (site 2.4%)`, or `none above the site`.
    public let worstSignalText: String
    /// The Clarity Recordings filter that finds these sessions (pages only; a grouped page is found by its shared part).
    public let recordingFilter: String?
}

/// A ranked breakdown capped to a readable number of rows, with an "other" row so the rows add up to the total.
public struct BreakdownTable: Sendable, Equatable, Encodable {
    /// `pages`, `channels`, `sourceMedium`, `campaigns`, `countries`.
    public let id: String
    public let title: String
    /// The dimensions the table breaks sessions down by.
    public let dimensions: [String]
    /// The dimension set the figures were read from (the smallest one the store holds for the period).
    public let source: String
    /// Every value of the period: how many there are and their sessions.
    public let valueCount: Int
    public let totalSessions: Double
    public let previousTotalSessions: Double?
    /// The top rows (twice `report.top_segments`) and, when values are left over, their "other" row.
    public let rows: [BreakdownRow]
    /// The email's compact version: the top `report.top_segments` (5 by default) and the rest as "other".
    public let compactRows: [BreakdownRow]
    /// Values whose sessions moved beyond noise, largest move per day first (at most 5 each way).
    public let rising: [BreakdownRow]
    public let falling: [BreakdownRow]
    public let totalSessionsText: String
    /// Whether the table has any row, for templates.
    public let isEmpty: Bool
    /// Whether rows carry quality figures (active time, quick backs, signals); name lists (referrers, titles) do not.
    public let hasQuality: Bool
}

/// Period-by-period figures a breakdown table is built from.
public struct BreakdownPeriods: Sendable {
    /// Segment totals of each period, the current one first, then the one before, then earlier ones (the 8 before the current one measure the noise).
    public let periods: [[SegmentTotals]]
    public let site: Totals
    public let settings: ReportSettings
    public let siteURL: String
    /// Each period's segments by their dimension set, so a table reads only its own breakdown's rows.
    let byDimensions: [[DimensionSet: [SegmentTotals]]]

    public init(periods: [[SegmentTotals]], site: Totals, settings: ReportSettings, siteURL: String) {
        self.periods = periods
        self.site = site
        self.settings = settings
        self.siteURL = siteURL
        self.byDimensions = periods.map { entries in Dictionary(grouping: entries, by: \.segment.dimensions) }
    }

    /// Rows shown on the page and in the log (twice `report.top_segments`, 10 by default); the email shows `top_segments` (5).
    var rowCount: Int { 2 * settings.topSegments }
    var compactRowCount: Int { settings.topSegments }
    static let moverCount = 5

    /// Each period's segments projected onto `dimensions`: read from the smallest stored set holding them, other dimensions summed out.
    func projected(onto dimensions: [Dimension]) -> (periods: [[Segment: Totals]], source: String) {
        var source = ""
        let projected = byDimensions.enumerated().map { index, bySet -> [Segment: Totals] in
            let sets = bySet.keys.filter { set in dimensions.allSatisfy(set.dimensions.contains) }
            guard
                let set = sets.min(by: { a, b in
                    a.dimensions.count != b.dimensions.count ? a.dimensions.count < b.dimensions.count : a.key < b.key
                })
            else { return [:] }
            if index == 0 { source = set.key }
            let entries = bySet[set] ?? []
            var result: [Segment: Totals] = [:]
            result.reserveCapacity(entries.count)
            // A set holding only the table's dimensions needs no projection: its segments are the values.
            let whole = set.dimensions.count == dimensions.count
            for entry in entries where !entry.segment.isAggregate {
                let segment = whole ? entry.segment : Segment(canonical: entry.segment.values.filter { dimensions.contains($0.dimension) })
                if let existing = result[segment] {
                    result[segment] = existing.combined(with: entry.totals)
                } else {
                    result[segment] = entry.totals
                }
            }
            return result
        }
        return (projected, source)
    }

    /// The table of one breakdown, or an empty table when the current period does not hold it.
    public func table(id: String, title: String, dimensions: [Dimension]) -> BreakdownTable {
        let (figures, source) = projected(onto: dimensions)
        return table(
            id: id, title: title, dimensions: dimensions.map(\.name), source: source, figures: figures, recordings: dimensions.contains(.url),
            quality: true)
    }

    /// The table of figures already keyed by value, each period's; `recordings` adds each page's Recordings filter.
    func table(
        id: String, title: String, dimensions: [String], source: String, figures: [[Segment: Totals]], recordings: Bool,
        quality: Bool
    ) -> BreakdownTable {
        let current = figures.first ?? [:]
        let previous = figures.count > 1 ? figures[1] : [:]
        let judgement = settings.judgement
        let total = current.values.reduce(0) { $0 + Double($1.sessions) }
        let previousTotal = previous.isEmpty ? nil : previous.values.reduce(0) { $0 + Double($1.sessions) }
        let ranked = Self.ranked(current)
        let earlier = figures.dropFirst().prefix(8)
        let comparisons = ranked.map { segment in
            KPIComparison(
                kpi: .sessions, current: current[segment]!, previous: previous[segment], history: [],
                earlier: earlier.compactMap { $0[segment].flatMap { KPI.sessions.comparable($0) } }, settings: judgement)
        }
        // Rows are built only for the values shown (the top ones and the movers): at the API's maximum a period holds
        // thousands of pages, and each row formats a dozen figures.
        var rows: [Int: BreakdownRow] = [:]
        func row(_ index: Int) -> BreakdownRow {
            if let built = rows[index] { return built }
            let built = self.row(
                segment: ranked[index], totals: current[ranked[index]]!, previous: previous[ranked[index]], total: total,
                previousTotal: previousTotal, change: comparisons[index], folded: 1, recordings: recordings)
            rows[index] = built
            return built
        }
        func capped(_ count: Int) -> [BreakdownRow] {
            let top = ranked.indices.prefix(count).map(row)
            guard ranked.count > count else { return top }
            let rest = ranked[count...]
            let now = rest.dropFirst().reduce(current[rest.first!]!) { $0.combined(with: current[$1]!) }
            let before = rest.compactMap { previous[$0] }
            let then = before.isEmpty ? nil : before.dropFirst().reduce(before[0]) { $0.combined(with: $1) }
            return top + [
                self.row(
                    segment: nil, totals: now, previous: then, total: total, previousTotal: previousTotal,
                    change: nil, folded: rest.count, recordings: false)
            ]
        }
        // The largest moves in sessions per day among those beyond noise; ties keep the ranking's order.
        func move(_ index: Int) -> Double { abs((comparisons[index].currentComparable ?? 0) - (comparisons[index].previousComparable ?? 0)) }
        let byMove = ranked.indices.filter { comparisons[$0].verdict == .significant }
            .sorted { a, b in move(a) != move(b) ? move(a) > move(b) : a < b }
        let rising = byMove.filter { comparisons[$0].direction == "up" }.prefix(Self.moverCount).map(row)
        let falling = byMove.filter { comparisons[$0].direction == "down" }.prefix(Self.moverCount).map(row)
        return BreakdownTable(
            id: id, title: title, dimensions: dimensions, source: source, valueCount: ranked.count,
            totalSessions: total, previousTotalSessions: previousTotal, rows: capped(rowCount), compactRows: capped(compactRowCount),
            rising: rising, falling: falling,
            totalSessionsText: Format.integer(total), isEmpty: ranked.isEmpty, hasQuality: quality)
    }

    /// Values of the current period with at least the minimum sessions that none of the next `lookback` periods holds,
    /// when at least one of those periods holds the breakdown at all.
    public func newValues(of table: BreakdownTable, dimensions: [Dimension], lookback: Int = 4) -> [BreakdownRow] {
        newValues(in: projected(onto: dimensions).periods, recordings: dimensions.contains(.url), lookback: lookback)
    }

    /// `newValues(of:dimensions:lookback:)` of figures already projected onto the table's dimensions.
    func newValues(in figures: [[Segment: Totals]], recordings: Bool, lookback: Int = 4) -> [BreakdownRow] {
        let earlier = figures.dropFirst().prefix(lookback)
        guard let current = figures.first, earlier.contains(where: { !$0.isEmpty }) else { return [] }
        let total = current.values.reduce(0) { $0 + Double($1.sessions) }
        return Self.ranked(
            current.filter { segment, totals in
                Double(totals.sessions) >= Double(settings.minimumSessions) && earlier.allSatisfy { $0[segment] == nil }
            }
        ).map { segment in
            row(
                segment: segment, totals: current[segment]!, previous: nil, total: total, previousTotal: nil, change: nil, folded: 1,
                recordings: recordings)
        }
    }

    /// Values by sessions, most first, ties in key order; each key is written once, not once per comparison.
    static func ranked(_ figures: [Segment: Totals]) -> [Segment] {
        figures.map { (segment: $0.key, sessions: $0.value.sessions, key: $0.key.key) }
            .sorted { a, b in a.sessions != b.sessions ? a.sessions > b.sessions : a.key < b.key }
            .map(\.segment)
    }

    func row(
        segment: Segment?, totals: Totals, previous: Totals?, total: Double, previousTotal: Double?, change: KPIComparison?, folded: Int,
        recordings: Bool
    ) -> BreakdownRow {
        let value = segment.map { $0.values.map { $0.value ?? "" }.joined(separator: " / ") } ?? ""
        let label =
            segment.map { $0.values.map { Segment.shownValue($0.value, of: $0.dimension, site: siteURL) }.joined(separator: " / ") }
            ?? "Other (\(Format.integer(Double(folded))))"
        let sessions = Double(totals.sessions)
        let previousSessions = previous.map { Double($0.sessions) }
        let share = total > 0 ? sessions / total : nil
        let previousShare = previousTotal.flatMap { all in previousSessions.flatMap { all > 0 ? $0 / all : nil } }
        let quickback = KPIEntry(
            KPIComparison(kpi: .quickbackRate, current: totals, previous: previous, history: [], earlier: nil, settings: settings.judgement))
        let worst = worstSignal(totals)
        let entry = change.map(KPIEntry.init)
        return BreakdownRow(
            value: value, label: label, isOther: segment == nil, values: folded, sessions: sessions, previousSessions: previousSessions,
            share: share, previousShare: previousShare, change: entry, activeTime: totals.mean(.activeTime), scrollDepth: totals.mean(.scrollDepth),
            quickback: quickback, worstSignal: worst?.signal.rawValue, worstSignalLabel: worst?.signal.label, worstSignalRate: worst?.rate,
            worstSignalSiteRate: worst?.siteRate, sessionsText: Format.integer(sessions),
            previousSessionsText: previousSessions.map(Format.integer) ?? "n/a",
            shareText: share.map(Format.percent) ?? "n/a", changeText: entry?.changeText ?? "",
            verdictText: entry?.verdictText ?? "", tone: entry?.tone ?? "neutral",
            activeTimeText: totals.mean(.activeTime).map(Format.duration) ?? "n/a",
            scrollDepthText: totals.mean(.scrollDepth).map { Format.percent($0 / 100) } ?? "n/a",
            quickbackText: totals.rate(.quickback).map(Format.percent) ?? "n/a",
            worstSignalText: worst.map { "\($0.signal.label) \(Format.percent($0.rate)) (site \(Format.percent($0.siteRate)))" }
                ?? "none above the site",
            recordingFilter: recordings
                ? segment.map { RecordingFilter.describe(signal: worst?.signal ?? .rageClick, segment: $0, siteURL: siteURL) } : nil)
    }

    /// The signal whose sessions exceed the site's rate the most, among signals with at least the minimum sessions.
    func worstSignal(_ totals: Totals) -> (signal: FrustrationSignal, rate: Double, siteRate: Double)? {
        var best: (signal: FrustrationSignal, rate: Double, siteRate: Double, excess: Double)?
        for signal in FrustrationSignal.allCases {
            guard let figures = totals.signals[signal], figures.sessions >= Double(settings.minimumSessions),
                let rate = figures.rate, let siteRate = site.rate(signal)
            else { continue }
            let excess = figures.withSignal - figures.sessions * siteRate
            if excess > 0, excess > (best?.excess ?? 0) { best = (signal, rate, siteRate, excess) }
        }
        return best.map { ($0.signal, $0.rate, $0.siteRate) }
    }
}
