/// Everything the monthly report builder needs, already read from the store.
public struct MonthlyReportInput: Sendable {
    public var project: ProjectInfo
    public var month: Month
    /// Site totals (no dimension) per covered day, at least over `MonthlyReport.siteDayRange(for: month)`.
    public var siteDays: [Day: Observation]
    public var currentSegments: [SegmentTotals]
    public var previousSegments: [SegmentTotals]
    public var settings: ReportSettings
    /// Before/after comparisons of the month's releases.
    public var releases: [ReleaseImpact]
    /// Every release inside the weekly trend's weeks, for the chart markers.
    public var trendReleases: [Release]
    /// Days whose figures were derived from a 2- or 3-day pull.
    public var derived: [DerivedDay]
    /// Consecutive missed days known only together; a month holding a whole block counts it.
    public var blocks: [DerivedBlock]
    /// The figures behind the pages and acquisition sections, month by month.
    public var audience = AudienceInput()

    public init(
        project: ProjectInfo, month: Month, siteDays: [Day: Observation], currentSegments: [SegmentTotals], previousSegments: [SegmentTotals],
        settings: ReportSettings, releases: [ReleaseImpact] = [], trendReleases: [Release] = [], derived: [DerivedDay] = [],
        blocks: [DerivedBlock] = []
    ) {
        self.trendReleases = trendReleases
        self.derived = derived
        self.blocks = blocks
        self.project = project
        self.month = month
        self.siteDays = siteDays
        self.currentSegments = currentSegments
        self.previousSegments = previousSegments
        self.settings = settings
        self.releases = releases
    }
}

/// A first-screen figure: this month against the month before, and against the same month a year earlier.
public struct HeadlineKPI: Sendable, Equatable, Encodable {
    /// Month over month, with the last 12 months as `history`.
    public let kpi: KPIEntry
    /// Year over year; nil when the store holds nothing for the month a year earlier.
    public let yearAgo: KPIEntry?
}

/// One ISO week of the trend chart: sessions per covered day and the frustration rates.
public struct WeekPoint: Sendable, Equatable, Encodable {
    /// `2026-W05`.
    public let week: String
    public let firstDay: Day
    public let lastDay: Day
    public let daysCovered: Int
    /// Whether the week shares a day with the report's month.
    public let overlapsMonth: Bool
    public let sessionsPerDay: Double?
    /// Frustration rates by signal name (0...1), absent for a signal without data.
    public let rates: [String: Double]
}

/// The executive monthly summary's model: pure values, printed by `--format json` and seen by templates.
public struct MonthlyReport: Sendable, Equatable, Encodable {
    public let project: ProjectInfo
    public let period: PeriodSummary
    public let previousPeriod: PeriodSummary
    public let yearAgoPeriod: PeriodSummary
    /// A plain-words line on what the figures rest on.
    public let coverageNote: String
    public let headline: [HeadlineKPI]
    /// Up to three moves beyond noise for the better, each about a different KPI: site-wide moves first (most certain
    /// first), then segment movers (most frustrated sessions moved first), each with its evidence and likely cause.
    public let wins: [MonthlyMove]
    /// Up to three moves beyond noise for the worse, ranked and told as `wins` are.
    public let issues: [MonthlyMove]
    /// Every KPI, this month against the month before, as in the weekly report.
    public let kpis: [KPIEntry]
    /// Every KPI against the same month a year earlier, in the order of `kpis`; nil when the store holds nothing for that month.
    public let yearAgo: [KPIEntry]?
    public let frustrationSegments: [FrustrationSegment]
    /// Top, rising, falling and new pages against the month before, and the page titles.
    public let pages: PagesSection
    /// Channels, source/medium, campaigns, referrers and countries against the month before.
    public let acquisition: AcquisitionSection
    /// The month's releases with their measured before/after effect.
    public let releases: [ReleaseImpact]
    /// Every release inside the weekly trend's weeks, marked on its charts.
    public let trendReleases: [Release]
    /// The 13 ISO weeks ending with the one holding the month's last day, oldest first.
    public let weeklyTrend: [WeekPoint]
    /// Labels of the 12 months behind each KPI's `history`, oldest first.
    public let historyLabels: [String]
    /// Days covered in each month of `historyLabels`, so charts can mark partial months.
    public let historyDaysCovered: [Int]
    public let settings: ReportSettings
}

extension MonthlyReport {
    /// The KPIs of the first screen, in the order shown.
    public static let headlineKPIs: [KPI] = [.sessions, .avgDailyUsers, .activeTime, .rageClickRate, .deadClickRate, .scriptErrorRate]

    /// How many wins and how many issues the first screen lists at most.
    static let movesShown = 3
    /// Months of sparkline history, and of earlier months the noise of counts and means is measured against.
    static let historyMonths = 12
    /// Earlier years whose same month measures the noise of year-over-year changes in counts and means.
    static let noiseYears = 5
    /// ISO weeks in the trend chart.
    static let trendWeeks = 13

    /// The month a report covers by default: the latest whose last day the store covers, given its latest covered day.
    public static func defaultMonth(lastSiteDay: Day) -> Month {
        let month = Month(containing: lastSiteDay)
        return lastSiteDay == month.lastDay ? month : month.previous
    }

    /// The days of site totals `build` reads for a month: years back for the noise, forward to the end of its last ISO week.
    public static func siteDayRange(for month: Month) -> ClosedRange<Day> {
        month.advanced(byMonths: -12 * noiseYears).firstDay...ISOWeek(containing: month.lastDay).lastDay
    }

    /// Builds the model; fails when the month has no site data at all.
    public static func build(_ input: MonthlyReportInput) throws(ReportError) -> MonthlyReport {
        let month = input.month
        let covered = Set(input.siteDays.keys)
        let period = PeriodSummary(month: month, covered: covered)
        let previousPeriod = PeriodSummary(month: month.previous, covered: covered)
        let yearAgoPeriod = PeriodSummary(month: month.yearEarlier, covered: covered)
        guard period.daysCovered > 0 else {
            throw ReportError.noData(
                period: month.label,
                hint:
                    "the store has no site totals (the no-dimension response) for \(month.title). Run `clarity-report status` to see which days it holds, then choose a month it covers with --month YYYY-MM."
            )
        }
        func totals(_ month: Month) -> Totals {
            var totals = Totals(days: month.days.compactMap { input.siteDays[$0] })
            DerivedBlock.add(input.blocks, inside: month.firstDay...month.lastDay, to: &totals)
            return totals
        }
        let current = totals(month)
        let previous = totals(month.previous)
        let yearAgo = totals(month.yearEarlier)
        let sparklineMonths = (0..<historyMonths).reversed().map { month.advanced(byMonths: -$0) }
        let historyTotals = sparklineMonths.map(totals)
        let earlierMonths = (1...historyMonths).map { totals(month.advanced(byMonths: -$0)) }
        let earlierYears = (1...noiseYears).map { totals(month.advanced(byMonths: -12 * $0)) }
        let judgement = input.settings.judgement
        // The noise of counts and means is measured on the 12 months before this one, compared per day.
        let comparisons = KPI.allCases.map { kpi in
            KPIComparison(
                kpi: kpi, current: current, previous: previous.days > 0 ? previous : nil,
                history: historyTotals.map { $0.days > 0 ? kpi.comparable($0) : nil },
                earlier: earlierMonths.compactMap { $0.days > 0 ? kpi.comparable($0) : nil }, settings: judgement)
        }
        // Year over year, a month is measured against the same month of earlier years, so seasons do not count as noise.
        let yearAgoComparisons: [KPIComparison]? =
            yearAgo.days == 0
            ? nil
            : KPI.allCases.map { kpi in
                KPIComparison(
                    kpi: kpi, current: current, previous: yearAgo, history: [],
                    earlier: earlierYears.compactMap { $0.days > 0 ? kpi.comparable($0) : nil }, settings: judgement)
            }
        let kpis = comparisons.map(KPIEntry.init)
        let yearAgoEntries = yearAgoComparisons.map { $0.map(KPIEntry.init) }
        let headline = headlineKPIs.map { kpi in
            HeadlineKPI(kpi: kpis.first { $0.id == kpi.rawValue }!, yearAgo: yearAgoEntries?.first { $0.id == kpi.rawValue })
        }
        let moves = moves(comparisons: comparisons, input: input)
        let lastWeek = ISOWeek(containing: month.lastDay)
        let trend = (0..<trendWeeks).reversed().map { ISOWeek(containing: lastWeek.firstDay.advanced(by: -7 * $0)) }
        let audience = input.audience.sections(site: current, settings: input.settings, siteURL: input.project.site)
        return MonthlyReport(
            project: input.project, period: period, previousPeriod: previousPeriod, yearAgoPeriod: yearAgoPeriod,
            coverageNote: coverageNote(period, previousPeriod, yearAgoPeriod)
                + DerivedDay.note(input.derived, in: month.previous.firstDay...month.lastDay)
                + DerivedBlock.note(input.blocks, in: month.firstDay...month.lastDay),
            headline: headline,
            wins: moves.wins,
            issues: moves.issues,
            kpis: kpis, yearAgo: yearAgoEntries,
            frustrationSegments: WeeklyReport.rankSegments(
                current: input.currentSegments, previous: input.previousSegments, site: current, settings: input.settings,
                siteURL: input.project.site),
            pages: audience.pages,
            acquisition: audience.acquisition,
            releases: input.releases,
            trendReleases: input.trendReleases.filter { release in
                guard let first = trend.first?.firstDay, let last = trend.last?.lastDay else { return false }
                return (first...last).contains(release.day)
            },
            weeklyTrend: trend.map { week in weekPoint(week, month: month, siteDays: input.siteDays) },
            historyLabels: sparklineMonths.map(\.label),
            historyDaysCovered: historyTotals.map(\.days),
            settings: input.settings)
    }

    static func coverageNote(_ period: PeriodSummary, _ previous: PeriodSummary, _ yearAgo: PeriodSummary) -> String {
        func missing(_ period: PeriodSummary) -> String { period.missingText.isEmpty ? "" : " (missing: \(period.missingText))" }
        var note =
            "\(period.daysCovered) of \(period.dayCount) days covered in \(period.title)\(missing(period)); "
            + "\(previous.daysCovered) of \(previous.dayCount) in \(previous.title)\(missing(previous))."
        if previous.daysCovered == 0 {
            note += " The store holds nothing for \(previous.title), so there is no comparison with the month before."
        } else if period.daysCovered != previous.daysCovered {
            note += " Because the months cover different numbers of days, session counts are compared as averages per covered day."
        }
        if yearAgo.daysCovered == 0 {
            note += " The store holds nothing for \(yearAgo.title), so there is no comparison with a year earlier."
        } else {
            note += " A year earlier, \(yearAgo.daysCovered) of \(yearAgo.dayCount) days of \(yearAgo.title) are covered."
        }
        if !period.isComplete {
            note += " Figures for \(period.title) are partial."
        }
        return note
    }

    static func weekPoint(_ week: ISOWeek, month: Month, siteDays: [Day: Observation]) -> WeekPoint {
        let observations = week.days.compactMap { siteDays[$0] }
        let totals = Totals(days: observations)
        var rates: [String: Double] = [:]
        for signal in FrustrationSignal.allCases { rates[signal.rawValue] = totals.rate(signal) }
        return WeekPoint(
            week: week.label, firstDay: week.firstDay, lastDay: week.lastDay, daysCovered: observations.count,
            overlapsMonth: week.lastDay >= month.firstDay && week.firstDay <= month.lastDay,
            sessionsPerDay: KPI.sessions.comparable(totals), rates: rates)
    }
}

extension PeriodSummary {
    /// A calendar month, its missing days collapsed into runs such as `Jun 3–4, Jun 7`.
    init(month: Month, covered: Set<Day>) {
        label = month.label
        title = month.title
        firstDay = month.firstDay
        lastDay = month.lastDay
        dayCount = month.dayCount
        daysCovered = month.days.filter { covered.contains($0) }.count
        missingDays = month.days.filter { !covered.contains($0) }
        // Runs never cross a month's end here, so the last day needs only its number.
        missingText = Coverage.runs(missingDays).map { run in
            run.lowerBound == run.upperBound ? run.lowerBound.shortLabel : "\(run.lowerBound.shortLabel)–\(run.upperBound.components.day)"
        }.joined(separator: ", ")
    }
}

extension Month {
    /// The month `count` months later (earlier when negative).
    func advanced(byMonths count: Int) -> Month {
        let index = year * 12 + (month - 1) + count
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        return Month(year: year, month: index - year * 12 + 1)!
    }
}
