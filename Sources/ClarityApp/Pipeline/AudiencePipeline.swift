import ClarityModel
import ClarityStore

/// The page of every URL a report has met, each normalised once for the whole report: at the API's maximum a report
/// groups the same tens of thousands of URLs in every period it reads.
final class PageNames {
    let normalization: URLNormalization
    private var pages: [String: String] = [:]

    init(_ normalization: URLNormalization) { self.normalization = normalization }

    func page(_ url: String) -> String {
        if let page = pages[url] { return page }
        let page = normalization.normalize(url)
        pages[url] = page
        return page
    }

    func grouping(_ entries: [SegmentTotals]) -> PageGrouping { PageGrouping(entries, normalize: page) }
}

/// Reads the breakdowns behind the pages and acquisition sections, URLs grouped into pages as `[report.urls]` says.
enum AudiencePipeline {
    /// The sections' input over `periods` (current first), whose first two entries' segments the caller already grouped.
    static func input(
        store: MetricStore, periods: [ClosedRange<Day>], current: [SegmentTotals], previous: [SegmentTotals],
        storedURLs: Int, names: PageNames
    ) throws -> AudienceInput {
        // Earlier periods give only each value's sessions per day (the noise of its count) and whether it was there,
        // read together in one pass over their days.
        let earlierPeriods = Array(periods.dropFirst(2))
        let earlier = try store.segmentSessions(in: earlierPeriods, dimensions: AudienceInput.earlierDimensions)
        let grouped = [current, previous] + PageGrouping.periods(earlier, count: earlierPeriods.count, normalize: names.page)
        let referrers = try store.listTotals(.referrerURL, in: periods)
        let titles = try store.listTotals(.pageTitle, in: periods)
        let lists = periods.indices.map { [BreakdownMetric.referrerURL: referrers[$0], .pageTitle: titles[$0]] }
        return AudienceInput(periods: grouped, lists: lists, storedURLs: storedURLs, normalization: names.normalization)
    }

    /// Distinct URL values of the URL breakdown among stored segments.
    static func storedURLs(_ segments: [SegmentTotals]) -> Int {
        Set(segments.filter { $0.segment.dimensions == DimensionSet([.url]) }.map(\.segment)).count
    }

    /// Report segments' daily figures: each the sum of the stored segments grouped into it, day by day.
    static func segmentDays(_ segments: [Segment], store: MetricStore, in range: ClosedRange<Day>, names: PageNames) throws -> [Segment: [Day:
        Observation]]
    {
        // Every stored variant of each page, from one read of the segment table (no figures), then each page's days.
        let pages = segments.filter { $0.dimensions.dimensions.contains(.url) }
        let variants = try store.segments(sharingAllBut: .url, with: pages)
        var result: [Segment: [Day: Observation]] = [:]
        for (page, stored) in zip(pages, variants) {
            let members = stored.filter { PageGrouping.page(of: $0, normalize: names.page) == page }
            result[page] = try store.segmentDays(members, in: range).mapValues { Observation.combining($0, as: page) }
        }
        for segment in segments where !segment.dimensions.dimensions.contains(.url) {
            result[segment] = try store.segmentDays(segment, in: range)
        }
        return result
    }
}
