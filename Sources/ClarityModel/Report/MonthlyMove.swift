/// A win or an issue of the monthly summary: one move beyond noise, of the whole site or of a segment, in plain words,
/// with the test that decided it and the release that likely caused it.
public struct MonthlyMove: Sendable, Equatable, Encodable {
    /// The KPI's id, such as `deadClickRate`.
    public let kpi: String
    /// The segment in the analyst's form (`Browser = Safari`); empty for the whole site.
    public let segment: String
    /// `up` or `down`.
    public let direction: String
    /// `good` (a win) or `bad` (an issue).
    public let tone: String
    /// The move in one plain sentence, without its cause: `Dead clicks in Safari fell from 8.2% to 5.5% of sessions (−2.6 pt, −32%).`
    public let statement: String
    /// `statement` with its likely cause, when there is one.
    public let sentence: String
    /// `site`: the KPI's own month-over-month verdict (see `evidence`); `segmentMover`: a segment's two-proportion test,
    /// corrected for every segment × signal test of the month with Benjamini–Hochberg.
    public let test: String
    /// The site KPI's evidence (its two-proportion test and its range over the earlier months); nil for a segment.
    public let evidence: ChangeEvidence?
    public let pValue: Double?
    /// The Benjamini–Hochberg q-value and the size of the family corrected (segments only).
    public let qValue: Double?
    public let tests: Int?
    /// Frustrated sessions the move added (negative: removed), sessions × (rate now − rate before) (segments only).
    public let addedSessions: Double?
    /// The month's release that likely caused the move, when one measured the same move.
    public let cause: MonthlyCause?
}

/// A release whose own before/after comparison moved the same figure the same way, in the same device or browser
/// when the move is in one, else site-wide.
public struct MonthlyCause: Sendable, Equatable, Encodable {
    public let version: String
    public let day: Day
    /// Where the release's comparison measured the move: `site`, or the device or browser (`Browser = Safari`).
    public let measuredIn: String
    public let beforeText: String
    public let afterText: String
    public let pValue: Double?
    /// `2.4.1 (Tue Oct 6) is the likely cause: in the 7 days after it shipped, dead clicks in Safari fell from 12.4% to 3.9%`.
    public let text: String
}

extension MonthlyReport {
    /// The month's wins and issues: site KPIs whose change is beyond noise lead (most certain first), then segment
    /// movers found by the weekly report's engine over the month's segments (ranked by frustrated sessions added),
    /// one line per KPI, `movesShown` at most in each direction.
    static func moves(comparisons: [KPIComparison], input: MonthlyReportInput) -> (wins: [MonthlyMove], issues: [MonthlyMove]) {
        let site = input.project.site
        var ranked: [MonthlyMove] = comparisons.compactMap { comparison -> (KPIComparison, Double)? in
            guard comparison.verdict == .significant, comparison.tone != "neutral", let p = comparison.pValue else { return nil }
            return (comparison, p)
        }.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            return abs(a.0.change ?? 0) > abs(b.0.change ?? 0)
        }.map { comparison, p in
            let cause = likelyCause(kpi: comparison.kpi, direction: comparison.direction, segment: nil, releases: input.releases, site: site)
            return MonthlyMove(
                kpi: comparison.kpi.rawValue, segment: "", direction: comparison.direction, tone: comparison.tone,
                statement: comparison.sentence(sayingTone: false), sentence: joined(comparison.sentence(sayingTone: false), cause), test: "site",
                evidence: KPIEntry(comparison).evidence, pValue: p, qValue: nil, tests: nil, addedSessions: nil, cause: cause)
        }
        let (movers, tests) = WeeklyReport.moverCandidates(current: input.currentSegments, previous: input.previousSegments, settings: input.settings)
        for mover in movers {
            let now = mover.now.rate ?? 0
            let before = mover.before.rate ?? 0
            let direction = now > before ? "up" : "down"
            let kpi = KPI.rate(of: mover.signal)
            let cause = likelyCause(kpi: kpi, direction: direction, segment: mover.segment, releases: input.releases, site: site)
            let change = before > 0 ? " (\(Format.points(now - before)), \(Format.change(now / before - 1)))" : " (\(Format.points(now - before)))"
            let sentence =
                "\(mover.signal.label) \(mover.segment.phrase(site: site)) \(direction == "up" ? "rose" : "fell") from "
                + "\(Format.percent(before)) to \(Format.percent(now)) of sessions\(change)."
            ranked.append(
                MonthlyMove(
                    kpi: kpi.rawValue, segment: mover.segment.label(site: site), direction: direction,
                    tone: direction == "up" ? "bad" : "good", statement: sentence, sentence: joined(sentence, cause), test: "segmentMover",
                    evidence: nil, pValue: mover.p, qValue: mover.q, tests: tests, addedSessions: mover.added, cause: cause))
        }
        func pick(_ tone: String) -> [MonthlyMove] {
            var told: Set<String> = []
            return Array(ranked.filter { $0.tone == tone && told.insert($0.kpi).inserted }.prefix(movesShown))
        }
        return (pick("good"), pick("bad"))
    }

    /// The release of the month whose before/after comparison judged the same KPI beyond noise in the same direction:
    /// in the move's own device or browser when the segment names one (the device first), else site-wide; among
    /// several, the one with the smallest p-value, then the earliest.
    static func likelyCause(kpi: KPI, direction: String, segment: Segment?, releases: [ReleaseImpact], site: String) -> MonthlyCause? {
        var found: [(impact: ReleaseImpact, entry: ReleaseKPIEntry, measuredIn: String, phrase: String)] = []
        for impact in releases {
            var places: [(entries: [ReleaseKPIEntry], measuredIn: String, phrase: String)] = []
            let named = segment?.values.filter { $0.dimension == .device || $0.dimension == .browser } ?? []
            for value in named.sorted(by: { $0.dimension == .device && $1.dimension != .device }) {
                let rows = value.dimension == .device ? impact.devices : impact.browsers
                if let row = rows.first(where: { $0.value == value.value }) {
                    let single = Segment([value])
                    places.append((row.rates, single.label(site: site), " " + single.phrase(site: site)))
                }
            }
            if named.isEmpty { places.append((impact.kpis, "site", "")) }
            for place in places {
                if let entry = place.entries.first(where: { $0.id == kpi.rawValue }), entry.verdict == .significant, entry.direction == direction {
                    found.append((impact, entry, place.measuredIn, place.phrase))
                    break
                }
            }
        }
        guard
            let best = found.min(by: { a, b in
                if (a.entry.pValue ?? 1) != (b.entry.pValue ?? 1) { return (a.entry.pValue ?? 1) < (b.entry.pValue ?? 1) }
                return a.impact.release.day < b.impact.release.day
            })
        else { return nil }
        let release = best.impact.release
        let verb = direction == "up" ? "rose" : "fell"
        let label = best.entry.label.prefix(1).lowercased() + best.entry.label.dropFirst()
        let text =
            "\(release.version) (\(release.day.weekdayName) \(release.day.shortLabel)) is the likely cause: in the \(best.impact.windowLength) days after it shipped, "
            + "\(label)\(best.phrase) \(verb) from \(best.entry.beforeText) to \(best.entry.afterText)"
        return MonthlyCause(
            version: release.version, day: release.day, measuredIn: best.measuredIn, beforeText: best.entry.beforeText,
            afterText: best.entry.afterText, pValue: best.entry.pValue, text: text)
    }

    private static func joined(_ sentence: String, _ cause: MonthlyCause?) -> String {
        guard let cause else { return sentence }
        return (sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence) + "; " + cause.text + "."
    }
}
