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
    /// The breakdowns the sections read from the periods before the previous one (the noise of their counts).
    static let earlierDimensions: [DimensionSet] = [
        DimensionSet([.url]), DimensionSet([.channel]), DimensionSet([.source, .medium]), DimensionSet([.campaign]), DimensionSet([.country]),
        DimensionSet([.source, .medium, .campaign]), DimensionSet([.medium, .campaign, .channel]),
    ]

    /// The sections' input over `periods` (current first), whose first two entries' segments the caller already grouped.
    static func input(
        store: MetricStore, periods: [ClosedRange<Day>], current: [SegmentTotals], previous: [SegmentTotals],
        storedURLs: Int, names: PageNames
    ) throws -> AudienceInput {
        var grouped = [current, previous]
        for range in periods.dropFirst(2) {
            // Earlier periods give only each value's sessions per day (the noise of its count) and whether it was there.
            grouped.append(names.grouping(try store.segmentSessions(in: range, dimensions: earlierDimensions)).entries)
        }
        let lists = try periods.map { range in
            [BreakdownMetric.referrerURL: try store.listTotals(.referrerURL, in: range), .pageTitle: try store.listTotals(.pageTitle, in: range)]
        }
        return AudienceInput(periods: grouped, lists: lists, storedURLs: storedURLs, normalization: names.normalization)
    }

    /// Distinct URL values of the URL breakdown among stored segments.
    static func storedURLs(_ segments: [SegmentTotals]) -> Int {
        Set(segments.filter { $0.segment.dimensions == DimensionSet([.url]) }.map(\.segment)).count
    }

    /// A report segment's daily figures: the sum of the stored segments grouped into it, day by day.
    static func segmentDays(_ segment: Segment, store: MetricStore, in range: ClosedRange<Day>, names: PageNames) throws -> [Day:
        Observation]
    {
        // Every stored variant of the page, from the segment table alone (no figures read), then each one's days.
        guard segment.dimensions.dimensions.contains(.url) else { return try store.segmentDays(segment, in: range) }
        let stored = try store.segments(of: segment.dimensions).filter { PageGrouping.page(of: $0, normalize: names.page) == segment }
        var parts: [Day: [Observation]] = [:]
        for member in stored {
            for (day, observation) in try store.segmentDays(member, in: range) { parts[day, default: []].append(observation) }
        }
        return parts.mapValues { Observation.combining($0, as: segment) }
    }
}
