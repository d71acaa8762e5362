import ClarityModel
import GRDB

extension MetricStore {
    /// Segment totals (aggregate rows left out) summed in SQL over an explicit list of days, such as a release window's kept days.
    public func segmentTotals(on days: [Day], dimensions: [DimensionSet]? = nil) throws -> [SegmentTotals] {
        let isos = Set(days).sorted().map(\.iso)
        guard !isos.isEmpty else { return [] }
        return try segmentTotals(where: "d.day IN (\(isos.map { _ in "?" }.joined(separator: ", ")))", days: isos, dimensions: dimensions)
    }

    /// Reads what a release's before/after comparison needs: the window's site days and the Device and Browser totals of its kept days.
    ///
    /// `asOf` is the last day that counts as happened (default: the latest day with site totals), so a report about
    /// a past week can leave out what came after it.
    public func releaseImpactInput(
        for release: Release, among releases: [Release], windowLength: Int = 7, asOf: Day? = nil,
        settings: JudgementSettings = JudgementSettings()
    ) throws -> ReleaseImpactInput {
        let day = release.day
        let siteDays = try self.siteDays(in: day.advanced(by: -windowLength)...day.advanced(by: windowLength))
        let lastDay = try asOf ?? latestSiteDay() ?? day
        let window = ReleaseWindow(releaseDay: day, length: windowLength, covered: Set(siteDays.keys), asOf: lastDay)
        let sets = [DimensionSet([.device]), DimensionSet([.browser])]
        return ReleaseImpactInput(
            release: release, window: window, siteDays: siteDays.filter { $0.key <= lastDay },
            beforeSegments: try segmentTotals(on: window.keptBefore, dimensions: sets),
            afterSegments: try segmentTotals(on: window.keptAfter, dimensions: sets),
            releases: releases, settings: settings)
    }
}
