extension WeeklyReport {
    /// Bullets "What changed" lists at most.
    static let maximumFindings = 5

    /// The week's moves beyond noise as bullets, strongest first, at most five.
    ///
    /// Frustration moves (segment movers and site rates) come first, by the frustrated sessions they added, largest in
    /// size first, a move that is not new this week (`isNew`) counted at half its size; then counts and means beyond
    /// noise, by their z against the earlier weeks. A week without any says so.
    static func findings(_ comparisons: [KPIComparison], movers: [SegmentMover], attributions: [RateAttribution], siteSessions: Double) -> [Finding] {
        let rates = comparisons.filter { $0.verdict == .significant && $0.kpi.isRate }
        let others = comparisons.filter { $0.verdict == .significant && !$0.kpi.isRate }
            .sorted { abs($0.evidence.historyZ ?? 0) > abs($1.evidence.historyZ ?? 0) }
        let frustration = ranked(movers.map(finding) + rates.map { finding($0, siteSessions: siteSessions, attributions: attributions) })
        let all = frustration + others.map { finding($0, siteSessions: siteSessions) }
        guard !all.isEmpty else {
            let text = "No figure moved beyond normal week-to-week noise, and no segment's rate moved beyond noise."
            return [
                Finding(
                    kind: "none", subject: "", segment: nil, text: text, headline: text, addedSessions: nil, test: "", pValue: nil, qValue: nil,
                    earlierMin: nil, earlierMax: nil, evidenceText: "every figure against its 8 earlier weeks; every segment against last week",
                    nextStep: nil)
            ]
        }
        return Array(all.prefix(maximumFindings))
    }

    /// Novelty's weight in the ranking: a move already under way before the week counts at this share of its size.
    static let oldMoveWeight = 0.5

    /// The size a frustration finding ranks by: the frustrated sessions it added, halved when the move is not new.
    static func rankingSize(_ finding: Finding) -> Double {
        abs(finding.addedSessions ?? 0) * (finding.isNew ? 1 : oldMoveWeight)
    }

    /// Frustration findings by `rankingSize`, largest first; equal sizes keep their order.
    static func ranked(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let (sizeA, sizeB) = (rankingSize(a.element), rankingSize(b.element))
            return sizeA != sizeB ? sizeA > sizeB : a.offset < b.offset
        }.map(\.element)
    }

    static func finding(_ mover: SegmentMover) -> Finding {
        let verb = mover.direction == "up" ? "rose" : "fell"
        let move = "\(mover.signalLabel) \(mover.phrase) \(verb) from \(mover.previousRateText) to \(mover.rateText)"
        let since = mover.onset.map { " " + $0.text } ?? ""
        let added =
            mover.direction == "up"
            ? "about \(mover.addedSessionsText) more frustrated sessions" : "about \(Format.integer(-mover.addedSessions)) fewer frustrated sessions"
        var text = "\(move) of sessions (\(mover.pointChangeText), \(mover.relativeChangeText))\(since): \(added) of \(mover.sessionsText)."
        if !mover.accountsFor.isEmpty {
            // "It accounts for 99.4% of the rise on /checkout and all of the rise in Safari."
            let move = mover.direction == "up" ? "rise" : "fall"
            text +=
                " It accounts for "
                + ReleaseImpact.list(mover.accountsFor.map { "\($0.share >= 1 ? "all" : $0.shareText) of the \(move) \($0.phrase)" }) + "."
        }
        var evidence =
            "two-proportion z = \(Format.decimal(mover.z, places: 2)), \(Format.probability("q", mover.qValue)) over \(Format.integer(Double(mover.tests))) segment tests (Benjamini–Hochberg)"
        if let onset = mover.onset {
            evidence +=
                "; onset robust z = \(Format.decimal(onset.z, places: 1)) against a \(onset.baselineDays)-day baseline of \(Format.percent(onset.baselineMedian))"
        }
        return Finding(
            kind: "segment", subject: mover.signal, segment: mover.label, text: text, headline: "\(move)\(since.isEmpty ? " of sessions" : since).",
            addedSessions: mover.addedSessions, test: "twoProportion+benjaminiHochberg", pValue: mover.pValue, qValue: mover.qValue,
            earlierMin: nil, earlierMax: nil, evidenceText: evidence, nextStep: "\(mover.recordingFilter) Watch \(mover.watchFor).",
            isNew: mover.onset != nil)
    }

    /// A site figure's finding; a rate's names the breakdown whose leading value carries most of the move.
    static func finding(_ comparison: KPIComparison, siteSessions: Double, attributions: [RateAttribution] = []) -> Finding {
        let kpi = comparison.kpi
        let evidence = comparison.evidence
        let range = evidence.earlierMin.flatMap { low in evidence.earlierMax.map { high in (low, high) } }
        let rangeText = range.map { "earlier weeks \(kpi.display($0.0))–\(kpi.display($0.1))\(kpi.kind == .count ? " per day" : "")" } ?? ""
        let historyText = [
            rangeText,
            evidence.historyPValue.map { "z = \(Format.decimal(evidence.historyZ ?? 0, places: 2)), \(Format.probability("p", $0))" } ?? "",
        ]
        .filter { !$0.isEmpty }.joined(separator: ", ")
        if case .rate(let signal) = kpi.kind, let now = comparison.current, let before = comparison.previous {
            let verb = now > before ? "rose" : "fell"
            let move = "\(kpi.label) \(verb) from \(kpi.display(before)) to \(kpi.display(now)) of sessions"
            let news = comparison.tone == "bad" ? ", needs attention" : (comparison.tone == "good" ? ", good news" : "")
            let strongest = attributions.filter { $0.kpi == kpi.rawValue && !$0.parts.isEmpty }.enumerated().max { a, b in
                let (sizeA, sizeB) = (abs(a.element.parts[0].contribution), abs(b.element.parts[0].contribution))
                return sizeA != sizeB ? sizeA < sizeB : a.offset > b.offset
            }?.element
            let attribution = strongest.map { " " + $0.text } ?? ""
            let sampling = "two-proportion z = \(Format.decimal(evidence.z ?? 0, places: 2)), \(Format.probability("p", evidence.pValue ?? 1))"
            return Finding(
                kind: "kpi", subject: kpi.rawValue, segment: nil,
                text: "\(move) (\(Format.points(now - before)), \(comparison.change.map(Format.change) ?? "n/a")\(news)).\(attribution)",
                headline: "\(move) (\(Format.points(now - before))).", addedSessions: siteSessions * (now - before),
                test: "twoProportion+history", pValue: evidence.pValue, qValue: nil, earlierMin: evidence.earlierMin, earlierMax: evidence.earlierMax,
                evidenceText: [sampling, historyText].filter { !$0.isEmpty }.joined(separator: "; "),
                nextStep: "\(RecordingFilter.describe(signal: signal, segment: .site)) Watch \(RecordingFilter.watchFor(signal)).")
        }
        let sentence = comparison.sentence(sayingTone: true)
        return Finding(
            kind: "kpi", subject: kpi.rawValue, segment: nil, text: sentence, headline: comparison.sentence(sayingTone: false),
            addedSessions: nil, test: "history", pValue: evidence.historyPValue, qValue: nil, earlierMin: evidence.earlierMin,
            earlierMax: evidence.earlierMax, evidenceText: historyText, nextStep: nil)
    }
}
