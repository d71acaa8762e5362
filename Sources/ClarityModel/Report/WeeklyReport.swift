/// Everything the weekly report builder needs, already read from the store.
public struct WeeklyReportInput: Sendable {
    public var project: ProjectInfo
    public var week: ISOWeek
    /// Site totals (no dimension) per covered day, for at least the 9 weeks ending with `week`.
    public var siteDays: [Day: Observation]
    public var currentSegments: [SegmentTotals]
    public var previousSegments: [SegmentTotals]
    public var settings: ReportSettings
    /// Before/after comparisons of the releases inside the week or in the week before it.
    public var releases: [ReleaseImpact]
    /// Breakdowns of the week that reached the API's row cap.
    public var capped: [CappedBreakdown]
    /// Days whose figures were derived from a 2- or 3-day pull.
    public var derived: [DerivedDay]
    /// Consecutive missed days known only together; a week holding a whole block counts it.
    public var blocks: [DerivedBlock]
    /// Daily figures of the segments `WeeklyReport.findMovers` names, for the 28 days before the week and the week.
    public var moverDays: [Segment: [Day: Observation]]
    /// The figures behind the pages and acquisition sections.
    public var audience = AudienceInput()

    public init(
        project: ProjectInfo, week: ISOWeek, siteDays: [Day: Observation], currentSegments: [SegmentTotals], previousSegments: [SegmentTotals],
        settings: ReportSettings, releases: [ReleaseImpact] = [], capped: [CappedBreakdown] = [], derived: [DerivedDay] = [],
        blocks: [DerivedBlock] = [],
        moverDays: [Segment: [Day: Observation]] = [:]
    ) {
        self.capped = capped
        self.derived = derived
        self.blocks = blocks
        self.moverDays = moverDays
        self.project = project
        self.week = week
        self.siteDays = siteDays
        self.currentSegments = currentSegments
        self.previousSegments = previousSegments
        self.settings = settings
        self.releases = releases
    }
}

/// What a team sets once for its reports.
public struct ReportSettings: Sendable, Equatable, Encodable {
    public var minimumSessions: Int
    public var significance: Double
    public var topSegments: Int
    /// How URLs fold into pages at report time: `[report.urls]`.
    public var urls: URLNormalization

    public init(minimumSessions: Int = 100, significance: Double = 0.05, topSegments: Int = 5, urls: URLNormalization = URLNormalization()) {
        self.urls = urls
        self.minimumSessions = minimumSessions
        self.significance = significance
        self.topSegments = topSegments
    }

    var judgement: JudgementSettings { JudgementSettings(minimumSessions: minimumSessions, significance: significance) }
}

/// A segment whose sessions show a signal more often than the site does.
public struct FrustrationSegment: Sendable, Equatable, Encodable {
    public struct Value: Sendable, Equatable, Encodable {
        public let dimension: String
        public let value: String
    }

    public let rank: Int
    public let dimensions: [String]
    public let values: [Value]
    /// `Browser = Safari · URL = …`.
    public let label: String
    /// The values alone, as the executive summary and the charts name the segment: `Safari · /checkout`.
    public let name: String
    public let signal: String
    public let signalLabel: String
    public let sessions: Double
    public let rate: Double
    public let siteRate: Double
    /// Sessions with the signal beyond what the site's rate predicts.
    public let excess: Double
    public let previousRate: Double?
    /// Two-proportion test of the segment against the site.
    public let pValue: Double?
    public let verdict: String
    public let rateText: String
    public let siteRateText: String
    public let previousRateText: String
    public let sessionsText: String
    public let excessText: String
    /// How many times the site's rate: `3.4×`.
    public let ratioText: String
    /// The filters to set in Clarity's Recordings to watch these sessions.
    public let recordingFilter: String
    /// What to look for in those recordings.
    public let watchFor: String
}

/// One value of a dimension (a device, a browser) compared with last week.
///
/// Its JSON lists each KPI without what is the same on every row (`label`, `kind`, `polarity`, found by `id` in the
/// report's `kpis`) or empty on every row (`history`): see `KPIEntryFigures`.
public struct SegmentComparison: Sendable, Equatable, Encodable {
    public let value: String
    public let share: Double?
    public let previousShare: Double?
    public let shareText: String
    public let previousShareText: String
    public let kpis: [KPIEntry]

    private enum CodingKeys: String, CodingKey {
        case value, share, previousShare, shareText, previousShareText, kpis
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(share, forKey: .share)
        try container.encodeIfPresent(previousShare, forKey: .previousShare)
        try container.encode(shareText, forKey: .shareText)
        try container.encode(previousShareText, forKey: .previousShareText)
        try container.encode(kpis.map { KPIEntryFigures($0, omitting: KPIEntryFigures.shared) }, forKey: .kpis)
    }
}

/// One day of the week with the same weekday of the week before.
public struct DailyPoint: Sendable, Equatable, Encodable {
    public let day: Day
    public let weekday: String
    public let sessions: Double?
    public let previousSessions: Double?
    /// Frustration rates by signal name (0...1), absent for a missing day.
    public let rates: [String: Double]
}

/// The weekly stakeholder report's model: pure values, printed by `--format json` and seen by templates.
public struct WeeklyReport: Sendable, Equatable, Encodable {
    public let project: ProjectInfo
    public let period: PeriodSummary
    public let previousPeriod: PeriodSummary
    /// A plain-words line on what the figures rest on.
    public let coverageNote: String
    public let kpis: [KPIEntry]
    /// What changed: at most five moves beyond noise, strongest first, each with its evidence and next step.
    public let changes: [Finding]
    /// The one sentence that sums the week up: the strongest finding, or that nothing moved.
    public let headline: String
    public let frustrationSegments: [FrustrationSegment]
    /// Segments whose own rate moved beyond noise since last week, by frustrated sessions added.
    public let segmentMovers: [SegmentMover]
    /// Each site rate beyond noise decomposed over each single-dimension breakdown of both weeks (Kitagawa).
    public let attributions: [RateAttribution]
    public let devices: [SegmentComparison]
    public let browsers: [SegmentComparison]
    /// Top, rising, falling and new pages (URLs grouped by `settings.urls`), and the page titles.
    public let pages: PagesSection
    /// Channels, source/medium, campaigns, referrers and countries.
    public let acquisition: AcquisitionSection
    /// Releases inside the week or in the week before it, with their before/after figures.
    public let releases: [ReleaseImpact]
    public let daily: [DailyPoint]
    /// Labels of the 8 weeks behind each KPI's `history`, oldest first.
    public let historyLabels: [String]
    /// Days covered in each week of `historyLabels` (0 to 7), so sparklines can mark partial weeks.
    public let historyDaysCovered: [Int]
    public let settings: ReportSettings
    /// Daily alerts still ongoing at the week's end or back to normal in it; absent when none (filled from the store).
    public var alerts: WeeklyAlerts?
}

extension WeeklyReport {
    /// Builds the model, with the movers `findMovers` found when given; fails when the week has no site data at all.
    public static func build(_ input: WeeklyReportInput, movers search: SegmentMoverSearch? = nil) throws(ReportError) -> WeeklyReport {
        let week = input.week
        let covered = Set(input.siteDays.keys)
        let period = PeriodSummary(label: week.label, title: Format.range(week.firstDay, week.lastDay), days: week.days, covered: covered)
        let previousWeek = week.previous
        let previousPeriod = PeriodSummary(
            label: previousWeek.label, title: Format.range(previousWeek.firstDay, previousWeek.lastDay), days: previousWeek.days, covered: covered)
        guard period.daysCovered > 0 else {
            throw ReportError.noData(
                period: week.label,
                hint:
                    "the store has no site totals (the no-dimension response) for \(period.title). Run `clarity-report status` to see which days it holds."
            )
        }
        let weeks = (0..<8).reversed().map { offset in ISOWeek(containing: week.firstDay.advanced(by: -7 * offset)) }
        let weekTotals = Dictionary(
            uniqueKeysWithValues: (weeks + [ISOWeek(containing: week.firstDay.advanced(by: -56))]).map { w in
                var totals = Totals(days: w.days.compactMap { input.siteDays[$0] })
                DerivedBlock.add(input.blocks, inside: w.firstDay...w.lastDay, to: &totals)
                return (w, totals)
            })
        let current = weekTotals[week]!
        let previous = weekTotals[previousWeek]!
        let judgement = input.settings.judgement
        let comparisons = KPI.allCases.map { kpi in
            // Counts per day, so a week with a missed day does not look like a drop.
            let history = weeks.map { w in weekTotals[w]!.days > 0 ? kpi.comparable(weekTotals[w]!) : nil }
            // The noise of counts and means is measured on the 8 weeks before this one, compared per day.
            let earlier = (1...8).compactMap { offset -> Double? in
                let totals = weekTotals[ISOWeek(containing: week.firstDay.advanced(by: -7 * offset))]!
                return totals.days > 0 ? kpi.comparable(totals) : nil
            }
            return KPIComparison(
                kpi: kpi, current: current, previous: previous.days > 0 ? previous : nil, history: history, earlier: earlier, settings: judgement)
        }
        let kpis = comparisons.map(KPIEntry.init)
        let segments = rankSegments(
            current: input.currentSegments, previous: input.previousSegments, site: current, settings: input.settings, siteURL: input.project.site)
        let movers = segmentMovers(input, search: search ?? findMovers(input))
        let attributions = attribute(comparisons, current: input.currentSegments, previous: input.previousSegments, site: input.project.site)
        let changes = findings(comparisons, movers: movers, attributions: attributions, siteSessions: Double(current.sessions))
        let audience = input.audience.sections(site: current, settings: input.settings, siteURL: input.project.site)
        return WeeklyReport(
            project: input.project, period: period, previousPeriod: previousPeriod,
            coverageNote: coverageNote(period, previousPeriod, comparisons) + DerivedDay.note(input.derived, in: previousWeek.firstDay...week.lastDay)
                + DerivedBlock.note(input.blocks, in: week.firstDay...week.lastDay)
                + cappedNote(input.capped),
            kpis: kpis, changes: changes, headline: changes.first?.headline ?? "",
            frustrationSegments: segments, segmentMovers: movers, attributions: attributions,
            devices: compare(.device, current: input.currentSegments, previous: input.previousSegments, settings: judgement),
            browsers: compare(.browser, current: input.currentSegments, previous: input.previousSegments, settings: judgement),
            pages: audience.pages,
            acquisition: audience.acquisition,
            releases: input.releases.map { $0.noting(movers) },
            daily: week.days.map { day in
                let observation = input.siteDays[day]
                var rates: [String: Double] = [:]
                if let observation {
                    let totals = Totals(days: [observation])
                    for signal in FrustrationSignal.allCases { rates[signal.rawValue] = totals.rate(signal) }
                }
                return DailyPoint(
                    day: day, weekday: day.weekdayName, sessions: observation?.sessions.map(Double.init),
                    previousSessions: input.siteDays[day.advanced(by: -7)]?.sessions.map(Double.init), rates: rates)
            },
            historyLabels: weeks.map(\.label), historyDaysCovered: weeks.map { weekTotals[$0]!.days }, settings: input.settings)
    }

    /// The decompositions of every site rate beyond noise over every single-dimension breakdown both weeks hold.
    static func attribute(_ comparisons: [KPIComparison], current: [SegmentTotals], previous: [SegmentTotals], site: String) -> [RateAttribution] {
        let rates = comparisons.filter { $0.verdict == .significant && $0.kpi.isRate }
        guard !rates.isEmpty else { return [] }
        let single = { (entries: [SegmentTotals]) in
            Dictionary(grouping: entries.filter { $0.segment.values.count == 1 }, by: { $0.segment.values[0].dimension })
        }
        let (now, before) = (single(current), single(previous))
        let dimensions = Set(now.keys).intersection(before.keys).sorted()
        return rates.flatMap { comparison -> [RateAttribution] in
            guard case .rate(let signal) = comparison.kpi.kind else { return [] }
            return dimensions.compactMap { RateAttribution.decompose(signal, over: $0, current: now[$0]!, previous: before[$0]!, site: site) }
        }
    }

    static func coverageNote(_ period: PeriodSummary, _ previous: PeriodSummary, _ comparisons: [KPIComparison]) -> String {
        var parts = ["\(period.daysCovered) of 7 days covered this week" + (period.missingText.isEmpty ? "" : " (missing: \(period.missingText))")]
        parts.append("\(previous.daysCovered) of 7 the week before" + (previous.missingText.isEmpty ? "" : " (missing: \(previous.missingText))"))
        var note = parts.joined(separator: ", ") + "."
        if period.daysCovered != previous.daysCovered, previous.daysCovered > 0 {
            note += " Because coverage differs, session counts are compared as averages per covered day."
        }
        if !period.isComplete {
            note += " Figures for this week are partial."
        }
        return note
    }

    /// Says which breakdowns reached the API's row cap, so nobody reads a missing long tail as no traffic.
    static func cappedNote(_ capped: [CappedBreakdown]) -> String {
        guard !capped.isEmpty else { return "" }
        let listed = capped.map { "\($0.dimensions.key) on \($0.day.weekdayName) \($0.day.shortLabel)" }.joined(separator: ", ")
        return " The API's 1,000-row cap was reached by \(listed): segments past the cap are missing from those days."
    }

    static func rankSegments(current: [SegmentTotals], previous: [SegmentTotals], site: Totals, settings: ReportSettings, siteURL: String = "")
        -> [FrustrationSegment]
    {
        let previousBySegment = Dictionary(previous.map { ($0.segment, $0.totals) }, uniquingKeysWith: { first, _ in first })
        struct Candidate {
            let segment: Segment
            let signal: FrustrationSignal
            let totals: SignalTotals
            let excess: Double
            let siteRate: Double
        }
        var candidates: [Candidate] = []
        for entry in current where !entry.segment.isAggregate && !entry.segment.values.isEmpty {
            for signal in FrustrationSignal.allCases {
                guard let siteRate = site.rate(signal), let totals = entry.totals.signals[signal],
                    totals.sessions >= Double(settings.minimumSessions)
                else { continue }
                let excess = totals.withSignal - totals.sessions * siteRate
                if excess > 0 {
                    candidates.append(Candidate(segment: entry.segment, signal: signal, totals: totals, excess: excess, siteRate: siteRate))
                }
            }
        }
        candidates.sort { a, b in
            if a.excess != b.excess { return a.excess > b.excess }
            if a.segment != b.segment { return a.segment < b.segment }
            return a.signal.rawValue < b.signal.rawValue
        }
        return candidates.prefix(settings.topSegments).enumerated().map { index, candidate in
            let rate = candidate.totals.rate ?? 0
            let siteTotals = site.signals[candidate.signal] ?? SignalTotals()
            let p = Statistics.twoProportionPValue(
                successes1: candidate.totals.withSignal, trials1: candidate.totals.sessions,
                successes2: siteTotals.withSignal, trials2: siteTotals.sessions)
            let previousRate = previousBySegment[candidate.segment]?.rate(candidate.signal)
            return FrustrationSegment(
                rank: index + 1, dimensions: candidate.segment.values.map(\.dimension.name),
                values: candidate.segment.values.map { FrustrationSegment.Value(dimension: $0.dimension.name, value: $0.value ?? "") },
                label: candidate.segment.label(site: siteURL), name: candidate.segment.name(site: siteURL), signal: candidate.signal.rawValue,
                signalLabel: candidate.signal.label,
                sessions: candidate.totals.sessions, rate: rate, siteRate: candidate.siteRate, excess: candidate.excess,
                previousRate: previousRate, pValue: p,
                verdict: (p ?? 1) < settings.significance ? Verdict.significant.rawValue : Verdict.withinNoise.rawValue,
                rateText: Format.percent(rate), siteRateText: Format.percent(candidate.siteRate),
                previousRateText: previousRate.map(Format.percent) ?? "n/a", sessionsText: Format.integer(candidate.totals.sessions),
                excessText: Format.integer(candidate.excess),
                ratioText: candidate.siteRate > 0 ? Format.decimal(rate / candidate.siteRate, places: 1) + "×" : "n/a",
                recordingFilter: RecordingFilter.describe(signal: candidate.signal, segment: candidate.segment, siteURL: siteURL),
                watchFor: RecordingFilter.watchFor(candidate.signal))
        }
    }

    static func compare(_ dimension: Dimension, current: [SegmentTotals], previous: [SegmentTotals], settings: JudgementSettings)
        -> [SegmentComparison]
    {
        let set = DimensionSet([dimension])
        let now = current.filter { $0.segment.dimensions == set && !$0.segment.isAggregate }
        let before = previous.filter { $0.segment.dimensions == set && !$0.segment.isAggregate }
        let totalNow = now.reduce(0) { $0 + Double($1.totals.sessions) }
        let totalBefore = before.reduce(0) { $0 + Double($1.totals.sessions) }
        let previousByValue = Dictionary(before.map { ($0.segment.value(of: dimension) ?? "", $0.totals) }, uniquingKeysWith: { first, _ in first })
        return now.sorted { a, b in
            a.totals.sessions != b.totals.sessions ? a.totals.sessions > b.totals.sessions : a.segment < b.segment
        }.map { entry in
            let value = entry.segment.value(of: dimension) ?? ""
            let last = previousByValue[value]
            let share = totalNow > 0 ? Double(entry.totals.sessions) / totalNow : nil
            let previousShare = last.flatMap { totalBefore > 0 ? Double($0.sessions) / totalBefore : nil }
            let kpis = KPI.allCases.filter { $0 != .botSessions }.map { kpi in
                KPIEntry(KPIComparison(kpi: kpi, current: entry.totals, previous: last, history: [], earlier: nil, settings: settings))
            }
            return SegmentComparison(
                value: value, share: share, previousShare: previousShare,
                shareText: share.map(Format.percent) ?? "n/a", previousShareText: previousShare.map(Format.percent) ?? "n/a", kpis: kpis)
        }
    }
}

/// Why a report could not be made.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case noData(period: String, hint: String)

    public var description: String {
        switch self {
        case .noData(let period, let hint): return "no data for \(period): \(hint)"
        }
    }
}
