/// The daily anomaly check of one day: every figure tested, the ones that left their usual values, and what is missing.
public struct AlertReport: Sendable, Equatable, Encodable {
    public let project: ProjectInfo
    public let day: Day
    /// `Wed Nov 18, 2026`.
    public let dayText: String
    /// How many figures were tested (site and segments × metrics): the family the Benjamini–Hochberg control covers.
    public let tests: Int
    public var findings: [AlertFinding]
    public let missing: [MissingBreakdown]
    /// Anomalies reported before that ended on the checked day; filled in by the run from the store's state.
    public var ended: [EndedAnomaly] = []
    public let settings: AlertSettings
    /// `2 anomalies on Wed Nov 18, 2026: …` or `No anomaly on Wed Nov 18, 2026.`
    public var headline: String {
        let shown = findings.filter { $0.status != "ongoing" }
        guard let first = shown.first else {
            let ongoing = findings.count
            return "No new anomaly on \(dayText)" + (ongoing > 0 ? " (\(ongoing) still ongoing, already reported)." : ".")
        }
        let count = shown.count == 1 ? "1 anomaly" : "\(shown.count) anomalies"
        return "\(count) on \(dayText): \(first.text)" + (shown.count > 1 ? " (and \(shown.count - 1) more)" : "")
    }

    /// The segments of the day's flagged figures, whose daily history `build` needs for "since when" (the site's is in `site`).
    public static func flagged(_ input: AlertInput) -> [Segment] {
        Array(Set(candidates(input).tested.filter(\.flagged).map(\.segment))).filter { $0 != .site }.sorted()
    }

    /// Tests every figure of the day and keeps the anomalies.
    ///
    /// The rule: each site figure (sessions and the six frustration rates) and each segment's six rates, among segments
    /// with at least `minimumSessions` sessions on the day in every breakdown the day has, is scored against its
    /// baseline (`AlertBaseline`: sessions against the same weekday of the 8 weeks before, rates against the 28 days
    /// before put on the day's weekday by the site's weekday factors) with a robust z (`DailyScore`). The whole family is corrected with Benjamini–Hochberg: a figure is an
    /// anomaly when its q is at most `significance`, its z at least 3 in the watched direction (rates up, sessions
    /// either way), and its value beyond every baseline day's. A broader anomaly is folded into a narrower one of the
    /// same signal carrying at least 75% of its extra sessions. A breakdown absent on the day is reported as missing,
    /// never scored.
    public static func build(_ input: AlertInput) -> AlertReport {
        let found = candidates(input)
        let qValues = Statistics.benjaminiHochberg(found.tested.map(\.score.pValue))
        var findings: [(candidate: Candidate, q: Double)] = []
        for (candidate, q) in zip(found.tested, qValues) where candidate.flagged && q <= input.settings.significance {
            findings.append((candidate, q))
        }
        let folded = fold(findings.map(\.candidate))
        let results = findings.compactMap { entry -> AlertFinding? in
            guard let accountsFor = folded[entry.candidate.key] else { return nil }
            return finding(entry.candidate, q: entry.q, tests: found.tested.count, accountsFor: accountsFor, input: input)
        }.sorted(by: rank)
        return AlertReport(
            project: input.project, day: input.day, dayText: Self.dayText(input.day), tests: found.tested.count,
            findings: results, missing: missing(input), settings: input.settings)
    }

    private enum CodingKeys: String, CodingKey {
        case project, day, dayText, tests, findings, missing, ended, settings, headline
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(project, forKey: .project)
        try container.encode(day, forKey: .day)
        try container.encode(dayText, forKey: .dayText)
        try container.encode(tests, forKey: .tests)
        try container.encode(findings, forKey: .findings)
        try container.encode(missing, forKey: .missing)
        try container.encode(ended, forKey: .ended)
        try container.encode(settings, forKey: .settings)
        try container.encode(headline, forKey: .headline)
    }

    static func dayText(_ day: Day) -> String { "\(day.weekdayName) \(day.shortLabel), \(day.year)" }

    /// One tested figure.
    struct Candidate {
        let metric: AlertMetric
        let segment: Segment
        let score: DailyScore
        let flagged: Bool

        var key: String { AlertReport.key(metric: metric, segment: segment) }
        /// Frustrated sessions beyond the usual rate (the size used to rank and fold); for sessions, the count's distance.
        var excess: Double { metric == .sessions ? abs(score.value - score.median) : score.sessions * (score.value - score.median) }
    }

    /// The identity of an anomaly across days and runs.
    public static func key(metric: AlertMetric, segment: Segment) -> String { metric.id + "|" + segment.key }

    static func candidates(_ input: AlertInput) -> (tested: [Candidate], segments: Int) {
        guard let today = input.days[input.day] else { return ([], 0) }
        let settings = input.settings
        var tested: [Candidate] = []
        let segments = today.segments.keys.filter { !$0.isAggregate && today.covered.contains($0.dimensions) }.sorted()
        let factors = weekdayFactors(input)
        for segment in segments {
            let metrics = segment == .site ? AlertMetric.site : AlertMetric.segment
            for metric in metrics {
                let totals: (Day) -> Totals? = { day in
                    if segment == .site { return input.site[day] }
                    guard let figures = input.days[day], figures.covered.contains(segment.dimensions) else { return nil }
                    return figures.segments[segment]
                }
                guard
                    let score = DailyScore.score(
                        metric, on: input.day, baseline: .of(metric, settings: settings),
                        minimumSessions: segment == .site ? 1 : settings.minimumSessions,
                        factors: factors[metric] ?? WeekdayFactors(), totals: totals)
                else { continue }
                tested.append(Candidate(metric: metric, segment: segment, score: score, flagged: score.isBeyond(metric)))
            }
        }
        return (tested, segments.count)
    }

    /// The site's weekday factors of every rate over the 56 days before the checked day (sessions use none: their
    /// baseline is the same weekday).
    static func weekdayFactors(_ input: AlertInput) -> [AlertMetric: WeekdayFactors] {
        let days = (1...AlertSettings.weekdayFactorDays).map { input.day.advanced(by: -$0) }
        var factors: [AlertMetric: WeekdayFactors] = [:]
        for metric in AlertMetric.segment {
            factors[metric] = WeekdayFactors.site(metric, days: days) { input.site[$0] }
        }
        return factors
    }

    /// Keeps each finding not carried by a narrower one, with the broader ones it carries; keyed by finding key.
    static func fold(_ candidates: [Candidate]) -> [String: [String]] {
        var kept: [String: [String]] = [:]
        for candidate in candidates { kept[candidate.key] = [] }
        for broader in candidates where broader.metric != .sessions {
            let values = Set(broader.segment.values)
            let carrier = candidates.filter { narrower in
                narrower.metric == broader.metric && narrower.segment.values.count > values.count
                    && values.isSubset(of: Set(narrower.segment.values)) && narrower.excess >= 0.75 * broader.excess
            }.max { $0.excess < $1.excess }
            if let carrier {
                kept[broader.key] = nil
                kept[carrier.key, default: []].append(broader.segment.label)
            }
        }
        return kept.filter { key, _ in candidates.contains { $0.key == key } }
    }

    static func finding(_ candidate: Candidate, q: Double, tests: Int, accountsFor: [String], input: AlertInput) -> AlertFinding? {
        let settings = input.settings
        let metric = candidate.metric
        let segment = candidate.segment
        let score = candidate.score
        let since = Self.since(candidate, input: input, factors: weekdayFactors(input)[metric] ?? WeekdayFactors())
        let onDay = input.releases.filter { $0.day == since }.map(\.version).sorted()
        let dayBefore = input.releases.filter { $0.day == since.advanced(by: -1) }.map(\.version).sorted()
        var causes: [String] = []
        if !onDay.isEmpty { causes.append("the day \(ReleaseImpact.list(onDay)) shipped") }
        if !dayBefore.isEmpty { causes.append("the day after \(ReleaseImpact.list(dayBefore)) shipped") }
        let days = since.distance(to: input.day) + 1
        let sinceText =
            days == 1
            ? "new on \(input.day.weekdayName) \(input.day.shortLabel)"
            : "since \(since.weekdayName) \(since.shortLabel) (\(days) days)"
        let place = segment == .site ? "on the whole site" : segment.phrase(site: settings.site)
        let usual = "\(metric.text(score.lowest))–\(metric.text(score.highest))"
        let text =
            "\(metric.label) \(place): \(metric.text(score.value)) on \(input.day.weekdayName) \(input.day.shortLabel), "
            + "usual for a \(Self.weekdayNames[input.day.weekday - 1]) \(usual)"
        var filter: String?
        var watch: String?
        if case .rate(let signal) = metric {
            filter = RecordingFilter.describe(signal: signal, segment: segment, siteURL: settings.site)
            watch = RecordingFilter.watchFor(signal)
        }
        var weeklyURL: String?
        if !settings.weeklyPageBaseURL.isEmpty {
            let base = settings.weeklyPageBaseURL.hasSuffix("/") ? settings.weeklyPageBaseURL : settings.weeklyPageBaseURL + "/"
            weeklyURL = base + "weekly-\(ISOWeek(containing: input.day).label).html"
        }
        return AlertFinding(
            key: candidate.key, metric: metric.id, metricLabel: metric.label, segment: segment.label(site: settings.site),
            dimensions: segment.values.map(\.dimension.name), values: segment.values.map { $0.value ?? "" }, day: input.day, value: score.value,
            valueText: metric.text(score.value), direction: score.z > 0 ? "rises" : "falls", score: score,
            usualText: usual, qValue: q, tests: tests, since: since, sinceText: sinceText,
            releases: onDay + dayBefore, releaseText: causes.joined(separator: " and "), text: text,
            recordingFilter: filter, watchFor: watch, weeklyPageURL: weeklyURL, accountsFor: accountsFor.sorted())
    }

    /// The first day of the unbroken run of anomalous days ending on the checked day, each scored against its own
    /// weekday's baseline with the same z and range rule; days without figures are stepped over, not counted as normal.
    static func since(_ candidate: Candidate, input: AlertInput, factors: WeekdayFactors) -> Day {
        guard let history = candidate.segment == .site ? input.site : input.history[candidate.segment] else { return input.day }
        var first = input.day
        for back in 1...AlertSettings.sinceLookback {
            let day = input.day.advanced(by: -back)
            guard history[day] != nil else { continue }
            guard
                let score = DailyScore.score(
                    candidate.metric, on: day, baseline: .of(candidate.metric, settings: input.settings),
                    minimumSessions: candidate.segment == .site ? 1 : input.settings.minimumSessions,
                    factors: factors, totals: { history[$0] }),
                score.isBeyond(candidate.metric), (score.z > 0) == (candidate.score.z > 0)
            else { break }
            first = day
        }
        return first
    }

    /// Breakdowns held on one of the 7 days before but not on the checked day, site totals first.
    static func missing(_ input: AlertInput) -> [MissingBreakdown] {
        let expected = (1...7).map { input.day.advanced(by: -$0) }
            .reduce(into: Set<DimensionSet>([DimensionSet([])])) { sets, day in sets.formUnion(input.days[day]?.covered ?? []) }
        let covered = input.days[input.day]?.covered ?? []
        return expected.subtracting(covered).sorted().map { set in
            let name = set.dimensions.isEmpty ? "site totals" : set.key
            var until: Instant?
            if let now = input.now, RecoveryHorizon.deadline(for: input.day) > now { until = RecoveryHorizon.deadline(for: input.day) }
            let recovery = until.map { "recoverable until \($0.iso) (the next `fetch` tries)" } ?? "no longer recoverable from the API"
            return MissingBreakdown(
                dimensions: name, recoverableUntil: until?.iso,
                text: "\(name): no data for \(input.day.weekdayName) \(input.day.shortLabel), so nothing was tested; \(recovery)")
        }
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Session-count anomalies first (lost tracking hides everything else), then by extra frustrated sessions, largest first.
    static func rank(_ lhs: AlertFinding, _ rhs: AlertFinding) -> Bool {
        let left = lhs.metric == "sessions" ? Double.infinity : lhs.score.sessions * (lhs.value - lhs.score.median)
        let right = rhs.metric == "sessions" ? Double.infinity : rhs.score.sessions * (rhs.value - rhs.score.median)
        if left != right { return left > right }
        return lhs.key < rhs.key
    }
}
