extension ReleaseImpact {
    /// The release with the week's segment movers whose onset names it added to the early signal of an incomplete window.
    func noting(_ movers: [SegmentMover]) -> ReleaseImpact {
        let caused = movers.filter { $0.onset?.releases.contains(release.version) == true }
        guard !isComplete, !earlySignal.isEmpty, !caused.isEmpty else { return self }
        let sentences = caused.map { mover in
            "\(mover.signalLabel) \(mover.phrase) \(mover.direction == "up" ? "rose" : "fell") from \(mover.previousRateText) last week to \(mover.rateText) this week, \(mover.onset!.text)."
        }.joined(separator: " ")
        let quiet = " nothing has moved beyond noise so far."
        let signal =
            earlySignal.hasSuffix(quiet)
            ? String(earlySignal.dropLast(quiet.count)) + " site-wide nothing has moved beyond noise so far, but among segments: " + sentences
            : earlySignal + " Among segments: " + sentences
        return ReleaseImpact(
            release: release, dayText: dayText, windowLength: windowLength, beforeTitle: beforeTitle, afterTitle: afterTitle,
            isComplete: isComplete, daysSoFar: daysSoFar, progressText: progressText, coverageText: coverageText,
            keptBefore: keptBefore, keptAfter: keptAfter, missingDays: missingDays, comparedWeekdays: comparedWeekdays,
            leftOutWeekdays: leftOutWeekdays, overlapping: overlapping, overlapText: overlapText, kpis: kpis, movedKPIs: movedKPIs,
            unmovedText: unmovedText, devices: devices,
            browsers: browsers, earlySignal: signal, findings: findings.map { $0 == earlySignal ? signal : $0 })
    }
}
