/// Everything a release's before/after comparison needs, already read from the store.
public struct ReleaseImpactInput: Sendable {
    public var release: Release
    public var window: ReleaseWindow
    /// Site totals (no dimension) per covered day, for at least the window's days.
    public var siteDays: [Day: Observation]
    /// Device and Browser segment totals summed over `window.keptBefore`.
    public var beforeSegments: [SegmentTotals]
    /// Device and Browser segment totals summed over `window.keptAfter`.
    public var afterSegments: [SegmentTotals]
    /// Every recorded release (this one may be among them), for the overlap flag.
    public var releases: [Release]
    public var settings: JudgementSettings

    public init(
        release: Release, window: ReleaseWindow, siteDays: [Day: Observation], beforeSegments: [SegmentTotals],
        afterSegments: [SegmentTotals], releases: [Release], settings: JudgementSettings
    ) {
        self.release = release
        self.window = window
        self.siteDays = siteDays
        self.beforeSegments = beforeSegments
        self.afterSegments = afterSegments
        self.releases = releases
        self.settings = settings
    }
}

/// How a figure's move around a release was judged.
public enum ReleaseVerdict: String, Sendable, Equatable, Encodable {
    /// Beyond the noise at the configured significance level.
    case significant
    /// Within the noise.
    case withinNoise
    /// One side has fewer sessions than the configured minimum.
    case tooFewSessions
    /// Fewer than two compared days on a side for the daily-values test.
    case tooFewDays
    /// A side has no value.
    case noComparison
    /// The after-window has not run its course: figures so far, no verdict.
    case pending

    public var text: String {
        switch self {
        case .significant: return "beyond noise"
        case .withinNoise: return "within noise"
        case .tooFewSessions: return "too few sessions"
        case .tooFewDays: return "too few days"
        case .noComparison: return "no comparison"
        case .pending: return "window still running"
        }
    }
}

/// One KPI before and after a release, with its change and verdict, as reports and templates see it.
public struct ReleaseKPIEntry: Sendable, Equatable, Encodable {
    public let id: String
    public let label: String
    public let kind: String
    public let polarity: String
    public let before: Double?
    public let after: Double?
    /// Relative change; counts are compared per day when the two sides' days with a count differ.
    public let change: Double?
    public let comparedPerDay: Bool
    public let verdict: ReleaseVerdict
    /// The verdict in words; `3 of 7 days so far` while the after-window runs.
    public let verdictText: String
    public let pValue: Double?
    /// `twoProportion` for rates, `welch` (Welch's t-test on daily values) for counts and means.
    public let test: String
    public let direction: String
    /// Good, bad or neutral news: only a change beyond noise is either.
    public let tone: String
    /// `▲`, `▼` or `–`.
    public let arrow: String
    public let beforeText: String
    public let afterText: String
    public let changeText: String
}

extension ReleaseKPIEntry {
    /// Good or bad news for a change beyond noise in a direction that matters, neutral otherwise.
    static func tone(verdict: ReleaseVerdict, direction: String, polarity: KPI.Polarity) -> String {
        guard verdict == .significant, polarity != .neutral, direction != "flat" else { return "neutral" }
        return (direction == "up") == (polarity == .higherIsBetter) ? "good" : "bad"
    }

    /// The same entry with another verdict (after a correction for many tests); its tone follows.
    func judged(_ newVerdict: ReleaseVerdict) -> ReleaseKPIEntry {
        ReleaseKPIEntry(
            id: id, label: label, kind: kind, polarity: polarity, before: before, after: after, change: change, comparedPerDay: comparedPerDay,
            verdict: newVerdict, verdictText: newVerdict.text, pValue: pValue, test: test, direction: direction,
            tone: Self.tone(verdict: newVerdict, direction: direction, polarity: KPI.Polarity(rawValue: polarity)!),
            arrow: arrow, beforeText: beforeText, afterText: afterText, changeText: changeText)
    }
}

/// One device or browser before and after a release: its sessions and its six frustration rates.
public struct ReleaseSegmentImpact: Sendable, Equatable, Encodable {
    /// `Device` or `Browser`.
    public let dimension: String
    public let value: String
    public let beforeSessions: Double
    public let afterSessions: Double
    public let beforeSessionsText: String
    public let afterSessionsText: String
    /// The six frustration rates; verdicts corrected (Holm) over every rate of every value of the dimension, p-values raw.
    ///
    /// The JSON lists each rate without its `label`, `kind` and `polarity`, the same on every row and found by `id` in
    /// the release's `kpis`.
    public let rates: [ReleaseKPIEntry]

    private enum CodingKeys: String, CodingKey {
        case dimension, value, beforeSessions, afterSessions, beforeSessionsText, afterSessionsText, rates
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dimension, forKey: .dimension)
        try container.encode(value, forKey: .value)
        try container.encode(beforeSessions, forKey: .beforeSessions)
        try container.encode(afterSessions, forKey: .afterSessions)
        try container.encode(beforeSessionsText, forKey: .beforeSessionsText)
        try container.encode(afterSessionsText, forKey: .afterSessionsText)
        try container.encode(rates.map(ReleaseSegmentRateFigures.init), forKey: .rates)
    }
}

/// A rate of one device or browser row of a release as the JSON model carries it: the row's own figures and verdict.
struct ReleaseSegmentRateFigures: Encodable {
    let entry: ReleaseKPIEntry

    private enum CodingKeys: String, CodingKey {
        case id, before, after, change, comparedPerDay, verdict, verdictText, pValue, test, direction, tone, arrow
        case beforeText, afterText, changeText
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.id, forKey: .id)
        try container.encodeIfPresent(entry.before, forKey: .before)
        try container.encodeIfPresent(entry.after, forKey: .after)
        try container.encodeIfPresent(entry.change, forKey: .change)
        try container.encode(entry.comparedPerDay, forKey: .comparedPerDay)
        try container.encode(entry.verdict, forKey: .verdict)
        try container.encode(entry.verdictText, forKey: .verdictText)
        try container.encodeIfPresent(entry.pValue, forKey: .pValue)
        try container.encode(entry.test, forKey: .test)
        try container.encode(entry.direction, forKey: .direction)
        try container.encode(entry.tone, forKey: .tone)
        try container.encode(entry.arrow, forKey: .arrow)
        try container.encode(entry.beforeText, forKey: .beforeText)
        try container.encode(entry.afterText, forKey: .afterText)
        try container.encode(entry.changeText, forKey: .changeText)
    }
}

/// A release's before/after comparison: every KPI, the frustration rates per device and browser, and plain findings.
public struct ReleaseImpact: Sendable, Equatable, Encodable {
    public let release: Release
    /// `Mon Nov 9, 2026`.
    public let dayText: String
    public let windowLength: Int
    /// `Nov 2 – Nov 8, 2026`.
    public let beforeTitle: String
    /// `Nov 10 – Nov 16, 2026`.
    public let afterTitle: String
    public let isComplete: Bool
    public let daysSoFar: Int
    /// `3 of 7 days so far`, or `7 of 7 days`.
    public let progressText: String
    /// `6 of 7 weekdays compared; Mon left out: no data on Mon Nov 9.`
    public let coverageText: String
    public let keptBefore: [Day]
    public let keptAfter: [Day]
    public let missingDays: [Day]
    public let comparedWeekdays: [String]
    public let leftOutWeekdays: [String]
    /// Other releases that went live within the window; empty when none.
    public let overlapping: [Release]
    /// Why the effect cannot be pinned on this release; empty when no other release is in the window.
    public let overlapText: String
    public let kpis: [ReleaseKPIEntry]
    /// The KPIs the release table shows: those beyond noise (while the window runs, beyond noise in the days so far),
    /// in `kpis`' order; the rest are folded into `unmovedText`.
    public let movedKPIs: [ReleaseKPIEntry]
    /// One line naming the KPIs left out of the table: `Within noise: Sessions, Users per day.`; empty when none.
    public let unmovedText: String
    public let devices: [ReleaseSegmentImpact]
    public let browsers: [ReleaseSegmentImpact]
    /// While the after-window runs: what already moved beyond noise in the days so far, provisional; empty once complete.
    public let earlySignal: String
    /// Plain sentences on what moved, such as `Dead clicks rose on Safari only (…)`, overlap and progress first.
    public let findings: [String]
}

extension ReleaseImpact {
    /// Compares the kept days before the release with the kept days after it.
    ///
    /// Rates are judged with the two-proportion test of `KPIComparison` (sessions with the signal out of sessions);
    /// counts and means with Welch's t-test on the kept days' daily values (see `Statistics.welchPValue`), because a
    /// window gives too few periods for the weekly report's history-based noise. The rates of every device (and of
    /// every browser) form one family of tests, corrected with Holm's method. No verdict is given until the
    /// after-window is complete.
    public static func build(_ input: ReleaseImpactInput) -> ReleaseImpact {
        let window = input.window
        let release = input.release
        let kpis = judgedKPIs(input, provisional: false)
        let devices = segments(.device, input: input, provisional: false)
        let browsers = segments(.browser, input: input, provisional: false)
        let overlapping = input.releases.filter { other in
            other.version != release.version && abs(other.day.distance(to: release.day)) <= window.length
        }.sorted { ($0.instant, $0.version) < ($1.instant, $1.version) }
        let overlapText = overlapNote(overlapping)
        var findings: [String] = overlapText.isEmpty ? [] : [overlapText]
        if window.isComplete && window.comparedWeekdays.isEmpty {
            findings.append("No weekday has site data on both sides of the release, so nothing can be compared.")
        } else if window.isComplete {
            let moves = kpiSentences(kpis) + segmentSentences(devices, noun: "device") + segmentSentences(browsers, noun: "browser")
            findings += moves.isEmpty ? ["No figure moved beyond noise between the days before and after the release."] : moves
        } else {
            let end = window.afterDays.last!
            findings.append(
                "Only \(window.progressText) after \(release.version): figures so far are shown; verdicts wait until the window is complete on \(ReleaseWindow.label(end))."
            )
        }
        let earlySignal = window.isComplete || window.comparedWeekdays.isEmpty ? "" : earlySignalText(input)
        if !earlySignal.isEmpty { findings.append(earlySignal) }
        let judged = window.isComplete || window.comparedWeekdays.isEmpty ? kpis : judgedKPIs(input, provisional: true)
        let moved = Set(judged.filter { $0.verdict == .significant }.map(\.id))
        return ReleaseImpact(
            release: release, dayText: "\(ReleaseWindow.label(release.day)), \(release.day.year)", windowLength: window.length,
            beforeTitle: Format.range(window.beforeDays.first!, window.beforeDays.last!),
            afterTitle: Format.range(window.afterDays.first!, window.afterDays.last!),
            isComplete: window.isComplete, daysSoFar: window.daysSoFar, progressText: window.progressText, coverageText: window.coverageText,
            keptBefore: window.keptBefore, keptAfter: window.keptAfter, missingDays: window.missingDays,
            comparedWeekdays: window.comparedWeekdays.map(ReleaseWindow.weekdayName),
            leftOutWeekdays: window.leftOutWeekdays.map(ReleaseWindow.weekdayName),
            overlapping: overlapping, overlapText: overlapText, kpis: kpis, movedKPIs: kpis.filter { moved.contains($0.id) },
            unmovedText: unmovedText(judged, moved: moved, complete: window.isComplete), devices: devices, browsers: browsers,
            earlySignal: earlySignal, findings: findings)
    }

    /// The KPIs a release table folds, in one line: within noise (or not moved so far), then those no test could judge.
    static func unmovedText(_ judged: [ReleaseKPIEntry], moved: Set<String>, complete: Bool) -> String {
        let quiet = judged.filter { !moved.contains($0.id) && ($0.verdict == .withinNoise || $0.verdict == .pending) }.map(\.label)
        let unjudged = judged.filter { !moved.contains($0.id) && ![.withinNoise, .pending, .significant].contains($0.verdict) }.map(\.label)
        var parts: [String] = []
        if !quiet.isEmpty { parts.append((complete ? "Within noise: " : "Not beyond noise so far: ") + quiet.joined(separator: ", ") + ".") }
        if !unjudged.isEmpty { parts.append("Not judged (too few sessions or days, or no figures): " + unjudged.joined(separator: ", ") + ".") }
        return parts.joined(separator: " ")
    }

    /// Every KPI of the release's kept days; `provisional` judges an incomplete window's days so far instead of waiting.
    static func judgedKPIs(_ input: ReleaseImpactInput, provisional: Bool) -> [ReleaseKPIEntry] {
        let beforeDays = input.window.keptBefore.compactMap { input.siteDays[$0] }
        let afterDays = input.window.keptAfter.compactMap { input.siteDays[$0] }
        return KPI.allCases.map { kpi in
            entry(
                kpi, before: Totals(days: beforeDays), after: Totals(days: afterDays),
                daily: (beforeDays, afterDays), window: input.window, settings: input.settings, provisional: provisional)
        }
    }

    /// One line on what already moved beyond noise in the days so far of an incomplete window, by the complete window's rules.
    static func earlySignalText(_ input: ReleaseImpactInput) -> String {
        let moves =
            kpiSentences(judgedKPIs(input, provisional: true))
            + segmentSentences(segments(.device, input: input, provisional: true), noun: "device")
            + segmentSentences(segments(.browser, input: input, provisional: true), noun: "browser")
        let lead = "Early signal, provisional until \(ReleaseWindow.label(input.window.afterDays.last!)) (\(input.window.progressText)):"
        return moves.isEmpty ? "\(lead) nothing has moved beyond noise so far." : "\(lead) " + moves.joined(separator: " ")
    }

    static func entry(
        _ kpi: KPI, before: Totals, after: Totals, daily: (before: [Observation], after: [Observation]),
        window: ReleaseWindow, settings: JudgementSettings, provisional: Bool = false
    ) -> ReleaseKPIEntry {
        let comparison = KPIComparison(
            kpi: kpi, current: after, previous: before.days > 0 ? before : nil, history: [], earlier: nil, settings: settings)
        let isRate: Bool
        if case .rate = kpi.kind { isRate = true } else { isRate = false }
        let verdict: ReleaseVerdict
        var pValue: Double?
        if !window.isComplete && !provisional {
            verdict = .pending
        } else if comparison.verdict == .tooFewSessions {
            verdict = .tooFewSessions
        } else if comparison.verdict == .noComparison {
            verdict = .noComparison
        } else if isRate {
            verdict = comparison.verdict == .significant ? .significant : .withinNoise
            pValue = comparison.pValue
        } else {
            let dailyValues = { (days: [Observation]) in days.compactMap { kpi.value(of: Totals(days: [$0])) } }
            pValue = Statistics.welchPValue(dailyValues(daily.after), dailyValues(daily.before))
            verdict = pValue.map { $0 < settings.significance ? .significant : .withinNoise } ?? .tooFewDays
        }
        let direction = comparison.direction
        let kind: String
        switch kpi.kind {
        case .count: kind = "count"
        case .dailyAverage: kind = "dailyAverage"
        case .mean: kind = "mean"
        case .rate: kind = "rate"
        }
        return ReleaseKPIEntry(
            id: kpi.rawValue, label: kpi.label, kind: kind, polarity: kpi.polarity.rawValue,
            before: comparison.previous, after: comparison.current, change: comparison.change, comparedPerDay: comparison.comparedPerDay,
            verdict: verdict, verdictText: verdict == .pending ? window.progressText : verdict.text, pValue: pValue,
            test: isRate ? "twoProportion" : "welch", direction: direction,
            tone: ReleaseKPIEntry.tone(verdict: verdict, direction: direction, polarity: kpi.polarity),
            arrow: direction == "up" ? "▲" : (direction == "down" ? "▼" : "–"),
            beforeText: comparison.previous.map(kpi.display) ?? "n/a", afterText: comparison.current.map(kpi.display) ?? "n/a",
            changeText: comparison.changeText)
    }

    static func segments(_ dimension: Dimension, input: ReleaseImpactInput, provisional: Bool) -> [ReleaseSegmentImpact] {
        let set = DimensionSet([dimension])
        func byValue(_ entries: [SegmentTotals]) -> [String: Totals] {
            Dictionary(
                entries.filter { $0.segment.dimensions == set && !$0.segment.isAggregate }.map { ($0.segment.value(of: dimension) ?? "", $0.totals) },
                uniquingKeysWith: { first, _ in first })
        }
        let before = byValue(input.beforeSegments)
        let after = byValue(input.afterSegments)
        let values = Set(before.keys).union(after.keys).sorted { a, b in
            let sessionsA = (before[a]?.sessions ?? 0) + (after[a]?.sessions ?? 0)
            let sessionsB = (before[b]?.sessions ?? 0) + (after[b]?.sessions ?? 0)
            return sessionsA != sessionsB ? sessionsA > sessionsB : a < b
        }
        let rateKPIs = FrustrationSignal.allCases.map(KPI.rate(of:))
        let rates = values.map { value in
            rateKPIs.map {
                entry(
                    $0, before: before[value] ?? Totals(), after: after[value] ?? Totals(), daily: ([], []), window: input.window,
                    settings: input.settings, provisional: provisional)
            }
        }
        // Every judged rate of every value is one family of tests, corrected with Holm's method.
        let judged = rates.indices.flatMap { row in
            rates[row].indices.compactMap { column in
                [.significant, .withinNoise].contains(rates[row][column].verdict) ? (row, column) : nil
            }
        }
        let significant = Statistics.holmSignificant(judged.map { rates[$0.0][$0.1].pValue ?? 1 }, significance: input.settings.significance)
        var corrected = rates
        for (position, (row, column)) in judged.enumerated() {
            corrected[row][column] = rates[row][column].judged(significant[position] ? .significant : .withinNoise)
        }
        return values.indices.map { row in
            let then = before[values[row]] ?? Totals()
            let now = after[values[row]] ?? Totals()
            return ReleaseSegmentImpact(
                dimension: dimension.name, value: values[row], beforeSessions: Double(then.sessions), afterSessions: Double(now.sessions),
                beforeSessionsText: Format.integer(Double(then.sessions)), afterSessionsText: Format.integer(Double(now.sessions)),
                rates: corrected[row])
        }
    }

    static func overlapNote(_ overlapping: [Release]) -> String {
        guard !overlapping.isEmpty else { return "" }
        let names = overlapping.map { "\($0.version) (\(ReleaseWindow.label($0.day)))" }
        if names.count == 1 {
            return "Release \(names[0]) also went live inside this window: the effect cannot be pinned on either."
        }
        return "Releases \(list(names)) also went live inside this window: the effect cannot be pinned on any one of them."
    }

    static func kpiSentences(_ entries: [ReleaseKPIEntry]) -> [String] {
        let moves = entries.filter { $0.verdict == .significant }.sorted { a, b in
            if (a.pValue ?? 1) != (b.pValue ?? 1) { return (a.pValue ?? 1) < (b.pValue ?? 1) }
            return abs(a.change ?? 0) > abs(b.change ?? 0)
        }
        return moves.map { entry in
            let verb = entry.direction == "up" ? "rose" : "fell"
            let news = entry.tone == "good" ? "good news" : (entry.tone == "bad" ? "needs attention" : "")
            if entry.kind == "rate" {
                let points = entry.after.flatMap { after in entry.before.map { Format.points(after - $0) + ", " } } ?? ""
                return
                    "\(entry.label) \(verb) from \(entry.beforeText) to \(entry.afterText) of sessions (\(points)\(entry.change.map(Format.change) ?? "n/a")\(news.isEmpty ? "" : ", " + news))."
            }
            let size = entry.changeText.replacingOccurrences(of: "+", with: "").replacingOccurrences(of: "\u{2212}", with: "")
            let perDay = entry.comparedPerDay ? " per covered day" : ""
            return "\(entry.label) \(verb) \(size)\(perDay), from \(entry.beforeText) to \(entry.afterText)\(news.isEmpty ? "" : " (" + news + ")")."
        }
    }

    /// Sentences such as `Dead clicks rose on Safari only (1.0% to 2.5% of sessions); Chrome stayed within noise.`
    static func segmentSentences(_ segments: [ReleaseSegmentImpact], noun: String) -> [String] {
        var sentences: [String] = []
        for (index, signal) in FrustrationSignal.allCases.enumerated() {
            let judged = segments.filter { [.significant, .withinNoise].contains($0.rates[index].verdict) }
            for direction in ["up", "down"] {
                // Biggest relative move first; equal moves keep the busier value first.
                let movers = judged.enumerated().filter {
                    $0.element.rates[index].verdict == .significant && $0.element.rates[index].direction == direction
                }
                .sorted { a, b in
                    let (sizeA, sizeB) = (abs(a.element.rates[index].change ?? 0), abs(b.element.rates[index].change ?? 0))
                    return sizeA != sizeB ? sizeA > sizeB : a.offset < b.offset
                }.map(\.element)
                guard let first = movers.first else { continue }
                let verb = direction == "up" ? "rose" : "fell"
                let moves = movers.map { "\($0.value) \($0.rates[index].beforeText) to \($0.rates[index].afterText)" }.joined(separator: ", ")
                let steady = judged.filter { $0.rates[index].verdict == .withinNoise }.map(\.value)
                let rest = steady.isEmpty ? "" : "; \(list(steady)) stayed within noise"
                if judged.count == 1 {
                    sentences.append(
                        "\(signal.label) \(verb) on \(first.value), \(first.rates[index].beforeText) to \(first.rates[index].afterText) of sessions (the only \(noun) with enough sessions to judge)."
                    )
                } else if movers.count == judged.count {
                    sentences.append("\(signal.label) \(verb) on every \(noun) with enough sessions (\(moves)).")
                } else if movers.count == 1 {
                    sentences.append(
                        "\(signal.label) \(verb) on \(first.value) only (\(first.rates[index].beforeText) to \(first.rates[index].afterText) of sessions)\(rest)."
                    )
                } else {
                    sentences.append("\(signal.label) \(verb) on \(list(movers.map(\.value))) only (\(moves))\(rest).")
                }
            }
        }
        return sentences
    }

    /// `A`, `A and B`, `A, B and C`.
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
