/// Segments whose URL value folds into one page, combined exactly: sums add, rates and means are re-weighted by sessions.
public struct PageGrouping: Sendable, Equatable {
    /// The combined segments, in the order their first member came.
    public let entries: [SegmentTotals]
    /// The stored segments behind each combined segment that has more than one, in the order they came.
    public let members: [Segment: [Segment]]

    /// Groups every segment with a URL value by its normalised URL; segments without a URL pass through unchanged.
    public init(_ entries: [SegmentTotals], normalization: URLNormalization) {
        // Each URL value is normalised once, however many dimension sets carry it.
        var pages: [String: String] = [:]
        self.init(entries) { url in
            if let page = pages[url] { return page }
            let page = normalization.normalize(url)
            pages[url] = page
            return page
        }
    }

    /// Groups as `init(_:normalization:)` does, with `normalize` giving each URL's page (a report passes one that
    /// remembers the pages of every URL it has seen, so each is normalised once for the whole report).
    public init(_ entries: [SegmentTotals], normalize normalizeURL: (String) -> String) {
        // One hash lookup per entry: each combined segment's position in the arrays below.
        var positions: [Segment: Int] = [:]
        var order: [Segment] = []
        var totals: [Totals] = []
        var members: [[Segment]] = []
        positions.reserveCapacity(entries.count)
        for entry in entries {
            let grouped = Self.page(of: entry.segment, normalize: normalizeURL)
            if let position = positions[grouped] {
                totals[position] = totals[position].combined(with: entry.totals)
                members[position].append(entry.segment)
            } else {
                positions[grouped] = order.count
                order.append(grouped)
                totals.append(entry.totals)
                members.append([entry.segment])
            }
        }
        self.entries = order.indices.map { SegmentTotals(segment: order[$0], totals: totals[$0]) }
        var grouped: [Segment: [Segment]] = [:]
        for position in order.indices where members[position].count > 1 || members[position][0] != order[position] {
            grouped[order[position]] = members[position]
        }
        self.members = grouped
    }

    /// Several periods' segments grouped at once, each stored segment's page found once for all periods: per period,
    /// the combined segments that have figures in it, in the order their first member came over all periods.
    ///
    /// Session counts combine exactly in any order (sums and maxima of integers); the totals hold the count alone.
    public static func periods(_ entries: [SegmentPeriods], count: Int, normalize: (String) -> String) -> [[SegmentTotals]] {
        var positions: [Segment: Int] = [:]
        var order: [Segment] = []
        var totals: [[SessionCount?]] = []
        for entry in entries {
            let grouped = page(of: entry.segment, normalize: normalize)
            let position: Int
            if let known = positions[grouped] {
                position = known
            } else {
                position = order.count
                positions[grouped] = position
                order.append(grouped)
                totals.append([SessionCount?](repeating: nil, count: count))
            }
            for (period, figures) in entry.periods.enumerated() where period < count {
                guard let figures else { continue }
                totals[position][period] = totals[position][period].map { $0.combined(with: figures) } ?? figures
            }
        }
        return (0..<count).map { period in
            order.indices.compactMap { position in totals[position][period].map { SegmentTotals(segment: order[position], totals: $0.totals) } }
        }
    }

    /// The segment with its URL value normalised; the API's aggregate rows (a null value) stay as they are.
    public static func page(of segment: Segment, normalization: URLNormalization) -> Segment {
        page(of: segment, normalize: normalization.normalize)
    }

    /// The segment with its URL value replaced by `normalize`'s page for it.
    public static func page(of segment: Segment, normalize: (String) -> String) -> Segment {
        guard let index = segment.values.firstIndex(where: { $0.dimension == .url }), let url = segment.values[index].value else { return segment }
        let page = normalize(url)
        if page == url { return segment }
        var values = segment.values
        values[index] = Segment.DimensionValue(.url, page)
        return Segment(canonical: values)
    }

    /// The stored segments a segment of the report stands for.
    public func stored(_ segment: Segment) -> [Segment] { members[segment] ?? [segment] }
}

extension Totals {
    /// Another segment's figures over the same days added in: counts and signal sessions add, means keep their
    /// session weights, and daily distinct users are dropped, because one person may sit in both segments.
    public func combined(with other: Totals) -> Totals {
        var result = self
        result.days = max(days, other.days)
        result.sessions += other.sessions
        result.daysWithSessions = max(daysWithSessions, other.daysWithSessions)
        result.botSessions += other.botSessions
        result.daysWithBotSessions = max(daysWithBotSessions, other.daysWithBotSessions)
        result.dailyUsersSum = 0
        result.daysWithUsers = 0
        for (signal, figures) in other.signals { result.signals[signal] = (result.signals[signal] ?? SignalTotals()) + figures }
        for (metric, sum) in other.means {
            let mine = result.means[metric] ?? WeightedSum()
            result.means[metric] = WeightedSum(weightedValues: mine.weightedValues + sum.weightedValues, weight: mine.weight + sum.weight)
        }
        return result
    }
}

extension Observation {
    /// Several stored segments' figures of one day as the one segment they are grouped into, combined like `Totals`.
    ///
    /// Percentages and means come back as the session-weighted figures, so `Totals(days:)` of the result equals the
    /// combined totals of the parts; distinct users are left out (not additive).
    public static func combining(_ parts: [Observation], as segment: Segment) -> Observation {
        var totals = Totals()
        for part in parts { totals = totals.days == 0 ? Totals(days: [part]) : totals.combined(with: Totals(days: [part])) }
        var signals: [FrustrationSignal: SignalFigures] = [:]
        for (signal, figures) in totals.signals where figures.sessions > 0 {
            let sessions = Int64(figures.sessions.rounded())
            let percentage = figures.withSignal / figures.sessions * 100
            signals[signal] = SignalFigures(
                sessions: sessions, percentage: percentage, withoutPercentage: 100 - percentage,
                pageViews: parts.compactMap { $0.signals[signal]?.pageViews }.reduceSum(),
                events: parts.compactMap { $0.signals[signal]?.events }.reduceSum())
        }
        let counted = parts.contains { $0.sessions != nil }
        return Observation(
            segment: segment, sessions: counted ? totals.sessions : nil,
            botSessions: parts.contains { $0.botSessions != nil } ? totals.botSessions : nil,
            distinctUsers: parts.count == 1 ? parts[0].distinctUsers : nil,
            pagesPerSession: totals.mean(.pagesPerSession), signals: signals, scrollDepth: totals.mean(.scrollDepth),
            totalTime: totals.mean(.totalTime), activeTime: totals.mean(.activeTime))
    }
}

extension Array where Element == Int64 {
    /// The sum, or nil when there is nothing to add (missing stays missing).
    func reduceSum() -> Int64? { isEmpty ? nil : reduce(0, +) }
}
