/// How a site rate's change splits over one breakdown: shifts in the mix of its values and changes within them.
///
/// Kitagawa's decomposition: with wₖ each value's share of the sessions and rₖ its rate, the change of the overall rate
/// Σ wₖrₖ is exactly the mix effect Σ r̄ₖΔwₖ plus the rate effect Σ w̄ₖΔrₖ, bars meaning the mean of the two weeks. A
/// value present in one week only keeps its one rate on both sides, so all its effect is mix.
public struct RateAttribution: Sendable, Equatable, Encodable {
    /// One value of the breakdown and its part of the change.
    public struct Part: Sendable, Equatable, Encodable {
        public let value: String
        public let previousShare: Double
        public let share: Double
        public let previousRate: Double?
        public let rate: Double?
        public let mixEffect: Double
        public let rateEffect: Double
        /// mixEffect + rateEffect.
        public let contribution: Double
        /// contribution / the breakdown's change.
        public let shareOfChange: Double
    }

    public let kpi: String
    public let dimension: String
    /// The breakdown's own overall rates (its rows can miss traffic the site totals hold).
    public let previousRate: Double
    public let rate: Double
    public let change: Double
    public let mixEffect: Double
    public let rateEffect: Double
    /// `mix` when |mixEffect| exceeds |rateEffect|, else `rate`.
    public let dominatedBy: String
    /// The three values with the largest contributions in size.
    public let parts: [Part]
    /// `By Browser, Safari accounts for 81% of the rise (+0.21 of +0.26 pt).`
    public let text: String

    /// Decomposes a signal's rate change over the values of one single-dimension breakdown; nil when a week lacks it or nothing changed.
    public static func decompose(
        _ signal: FrustrationSignal, over dimension: Dimension, current: [SegmentTotals], previous: [SegmentTotals], site: String
    ) -> RateAttribution? {
        func byValue(_ entries: [SegmentTotals]) -> [String: SignalTotals] {
            var result: [String: SignalTotals] = [:]
            for entry in entries where entry.segment.values.count == 1 && entry.segment.values[0].dimension == dimension && !entry.segment.isAggregate
            {
                guard let totals = entry.totals.signals[signal], totals.sessions > 0 else { continue }
                result[entry.segment.value(of: dimension) ?? "", default: SignalTotals()] =
                    result[entry.segment.value(of: dimension) ?? "", default: SignalTotals()] + totals
            }
            return result
        }
        let now = byValue(current)
        let before = byValue(previous)
        // Summed in value order, so the figures never depend on a dictionary's order.
        let sum = { (totals: [String: SignalTotals]) in totals.keys.sorted().reduce(SignalTotals()) { $0 + totals[$1]! } }
        let (allNow, allBefore) = (sum(now), sum(before))
        guard let overallNow = allNow.rate, let overallBefore = allBefore.rate else { return nil }
        let (totalNow, totalBefore) = (allNow.sessions, allBefore.sessions)
        let change = overallNow - overallBefore
        guard abs(change) > 1e-12 else { return nil }
        let parts = Set(now.keys).union(before.keys).sorted().map { value -> Part in
            let (w1, w0) = ((now[value]?.sessions ?? 0) / totalNow, (before[value]?.sessions ?? 0) / totalBefore)
            let (r1, r0) = (now[value]?.rate, before[value]?.rate)
            let (rate1, rate0) = (r1 ?? r0 ?? 0, r0 ?? r1 ?? 0)
            let mix = (rate1 + rate0) / 2 * (w1 - w0)
            let within = (w1 + w0) / 2 * (rate1 - rate0)
            return Part(
                value: value, previousShare: w0, share: w1, previousRate: r0, rate: r1, mixEffect: mix, rateEffect: within,
                contribution: mix + within, shareOfChange: (mix + within) / change)
        }
        let mix = parts.reduce(0) { $0 + $1.mixEffect }
        let within = parts.reduce(0) { $0 + $1.rateEffect }
        let top = parts.enumerated().sorted { a, b in
            abs(a.element.contribution) != abs(b.element.contribution)
                ? abs(a.element.contribution) > abs(b.element.contribution) : a.offset < b.offset
        }.prefix(3).map { shown($0.element, dimension: dimension, site: site) }
        let dominatedBy = abs(mix) > abs(within) ? "mix" : "rate"
        return RateAttribution(
            kpi: KPI.rate(of: signal).rawValue, dimension: dimension.name, previousRate: overallBefore, rate: overallNow, change: change,
            mixEffect: mix, rateEffect: within, dominatedBy: dominatedBy, parts: top,
            text: sentence(
                dimension: dimension, change: change, mix: mix, within: within, dominatedBy: dominatedBy,
                parts: parts, top: top, site: site))
    }

    /// The part with its value as readers see it (the site's own URLs shortened to their path).
    static func shown(_ part: Part, dimension: Dimension, site: String) -> Part {
        Part(
            value: Segment([.init(dimension, part.value)]).label(site: site).replacingPrefix("\(dimension.name) = "),
            previousShare: part.previousShare,
            share: part.share, previousRate: part.previousRate, rate: part.rate, mixEffect: part.mixEffect, rateEffect: part.rateEffect,
            contribution: part.contribution, shareOfChange: part.shareOfChange)
    }

    static func sentence(
        dimension: Dimension, change: Double, mix: Double, within: Double, dominatedBy: String, parts: [Part], top: [Part], site: String
    ) -> String {
        let movement = change > 0 ? "rise" : "fall"
        let of = { (part: Double) in "\(Format.points(part).dropLast(3)) of \(Format.points(change))" }
        if dominatedBy == "mix" {
            let shifted = shown(parts.max { abs($0.share - $0.previousShare) < abs($1.share - $1.previousShare) }!, dimension: dimension, site: site)
            let withinText = Format.points(within) == Format.points(0) ? "did not change" : "moved \(Format.points(within))"
            return "By \(dimension.name), the mix of sessions carries the \(movement) (\(of(mix))): the \(shifted.value) share "
                + "\(shifted.share > shifted.previousShare ? "rose" : "fell") from \(Format.percent(shifted.previousShare)) to \(Format.percent(shifted.share)); "
                + "within each value the rate \(withinText)."
        }
        let lead = top[0]
        if lead.shareOfChange >= 1 {
            return
                "By \(dimension.name), \(lead.value) carries all of the \(movement) (\(Format.points(lead.contribution)) against a net \(Format.points(change)))."
        }
        if lead.shareOfChange >= 0.5 {
            return
                "By \(dimension.name), \(lead.value) accounts for \(Format.percent(lead.shareOfChange)) of the \(movement) (\(of(lead.contribution)))."
        }
        let listed = top.filter { $0.shareOfChange > 0 }.map { "\($0.value) \(Format.percent($0.shareOfChange))" }
        return "By \(dimension.name), no value carries most of the \(movement)" + (listed.isEmpty ? "" : ": " + ReleaseImpact.list(listed)) + "."
    }
}

extension String {
    /// The string without a leading prefix, or unchanged when it does not start with it.
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
