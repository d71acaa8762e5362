extension WeeklyReport {
    /// One segment × signal whose rate moved beyond noise, before it is ranked and written out.
    struct MoverCandidate: Sendable {
        let segment: Segment
        let signal: FrustrationSignal
        let now: SignalTotals
        let before: SignalTotals
        let z: Double
        let p: Double
        let q: Double
        var added: Double { now.sessions * ((now.rate ?? 0) - (before.rate ?? 0)) }
        var accountsFor: [(MoverCandidate, Double)] = []
    }

    /// Share of a broader mover's added sessions a narrower one must carry to stand for it.
    static let foldingShare = 0.75
    /// Strongest movers folding looks among: enough for the report's few rows, bounded at the API's maximum.
    static let foldingPool = 200

    /// Segments whose rate of a signal moved beyond noise week over week, strongest first, with the size of the family.
    ///
    /// Every segment of every breakdown with at least the minimum sessions in both weeks is tested for every signal
    /// (two-proportion test, this week against last); the family is corrected with Benjamini–Hochberg and a test with
    /// q ≤ the significance level is a mover. Movers rank by the frustrated sessions the move added, sessions × (rate
    /// now − rate before), largest in size first. A mover is folded into a narrower mover of the same signal and
    /// direction (its values plus more) that carries at least 75% of its added sessions, so the report names the
    /// segment where the move happened rather than every breakdown it shows through.
    static func moverCandidates(current: [SegmentTotals], previous: [SegmentTotals], settings: ReportSettings) -> (
        movers: [MoverCandidate], tests: Int
    ) {
        let previousBySegment = Dictionary(previous.map { ($0.segment, $0.totals) }, uniquingKeysWith: { first, _ in first })
        let minimum = Double(settings.minimumSessions)
        var tested: [(segment: Segment, signal: FrustrationSignal, now: SignalTotals, before: SignalTotals, z: Double, p: Double)] = []
        for entry in current where !entry.segment.isAggregate && !entry.segment.values.isEmpty {
            guard let last = previousBySegment[entry.segment] else { continue }
            // In the dictionary's order: q-values do not depend on the order of tests, and movers are sorted fully below.
            for (signal, now) in entry.totals.signals {
                guard now.sessions >= minimum, let before = last.signals[signal], before.sessions >= minimum else { continue }
                let z =
                    Statistics.twoProportionZ(
                        successes1: now.withSignal, trials1: now.sessions, successes2: before.withSignal, trials2: before.sessions) ?? 0
                tested.append((entry.segment, signal, now, before, z, Statistics.pValue(z: z)))
            }
        }
        let q = Statistics.benjaminiHochberg(tested.map(\.p))
        var movers = tested.indices.filter { q[$0] <= settings.significance && tested[$0].z != 0 }.map { index in
            MoverCandidate(
                segment: tested[index].segment, signal: tested[index].signal, now: tested[index].now, before: tested[index].before,
                z: tested[index].z, p: tested[index].p, q: q[index])
        }
        movers.sort(by: strongerMover)
        movers = Array(movers.prefix(foldingPool))
        var folded = Set<Int>()
        for broad in movers.indices {
            let values = Set(movers[broad].segment.values)
            let narrower = movers.indices.filter { narrow in
                narrow != broad && movers[narrow].signal == movers[broad].signal
                    && (movers[narrow].added > 0) == (movers[broad].added > 0)
                    && movers[narrow].segment.values.count > values.count && values.isSubset(of: movers[narrow].segment.values)
                    && movers[narrow].added / movers[broad].added >= foldingShare
            }
            // The most specific segment carrying the move stands for it; among equals, the one that added most.
            guard
                let target = narrower.max(by: { a, b in
                    movers[a].segment.values.count != movers[b].segment.values.count
                        ? movers[a].segment.values.count < movers[b].segment.values.count : strongerMover(movers[b], movers[a])
                })
            else { continue }
            movers[target].accountsFor.append((movers[broad], movers[target].added / movers[broad].added))
            folded.insert(broad)
        }
        return (movers.indices.filter { !folded.contains($0) }.map { movers[$0] }, tested.count)
    }

    /// Larger added sessions first; ties by segment and signal so the order never depends on the input's.
    static func strongerMover(_ a: MoverCandidate, _ b: MoverCandidate) -> Bool {
        if abs(a.added) != abs(b.added) { return abs(a.added) > abs(b.added) }
        if a.segment != b.segment { return a.segment < b.segment }
        return a.signal.rawValue < b.signal.rawValue
    }

    /// Finds the week's segment movers; the pipeline reads the daily figures of `segments` before building the report.
    public static func findMovers(_ input: WeeklyReportInput) -> SegmentMoverSearch {
        let (movers, tests) = moverCandidates(current: input.currentSegments, previous: input.previousSegments, settings: input.settings)
        return SegmentMoverSearch(candidates: Array(movers.prefix(input.settings.topSegments)), tests: tests)
    }

    static func segmentMovers(_ input: WeeklyReportInput, search: SegmentMoverSearch) -> [SegmentMover] {
        let (movers, tests) = (search.candidates, search.tests)
        let site = input.project.site
        return movers.prefix(input.settings.topSegments).enumerated().map { index, mover in
            let rate = mover.now.rate ?? 0
            let previousRate = mover.before.rate ?? 0
            let rising = rate > previousRate
            let onset = input.moverDays[mover.segment].flatMap {
                Onset.find(days: $0, signal: mover.signal, week: input.week, rising: rising, releases: input.releases.map(\.release))
            }
            return SegmentMover(
                rank: index + 1, dimensions: mover.segment.values.map(\.dimension.name),
                values: mover.segment.values.map { FrustrationSegment.Value(dimension: $0.dimension.name, value: $0.value ?? "") },
                label: mover.segment.label(site: site), phrase: mover.segment.phrase(site: site),
                signal: mover.signal.rawValue, signalLabel: mover.signal.label,
                sessions: mover.now.sessions, previousSessions: mover.before.sessions, rate: rate, previousRate: previousRate,
                addedSessions: mover.added, direction: rising ? "up" : "down", tone: rising ? "bad" : "good",
                z: mover.z, pValue: mover.p, qValue: mover.q, tests: tests,
                accountsFor: mover.accountsFor.map { broader, share in
                    SegmentMover.Share(
                        label: broader.segment.label(site: site), phrase: broader.segment.phrase(site: site), share: share,
                        shareText: share >= 1 ? "all of it" : Format.percent(share))
                },
                onset: onset,
                rateText: Format.percent(rate), previousRateText: Format.percent(previousRate),
                pointChangeText: Format.points(rate - previousRate),
                relativeChangeText: previousRate > 0 ? Format.change(rate / previousRate - 1) : "n/a",
                sessionsText: Format.integer(mover.now.sessions), addedSessionsText: Format.integer(mover.added),
                recordingFilter: RecordingFilter.describe(signal: mover.signal, segment: mover.segment, siteURL: site),
                watchFor: RecordingFilter.watchFor(mover.signal))
        }
    }
}
