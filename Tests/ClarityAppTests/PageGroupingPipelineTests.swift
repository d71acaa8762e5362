import ClarityModel
import ClarityStore
import Testing

@testable import ClarityApp

@Suite("URL grouping through the store and the weekly pipeline")
struct PageGroupingPipelineTests {
    static let week = ISOWeek(label: "2026-W47")!
    static let store: Result<MetricStore, any Error> = Result { try demoStore(days: week.firstDay.advanced(by: -63)...week.lastDay) }

    @Test("a page written several ways is one row whose figures are the stored rows' sums, and the store keeps every variant")
    func variantsFold() throws {
        let store = try Self.store.get()
        let report = try WeeklyPipeline.model(store: store, week: Self.week, project: demoProject, settings: ReportSettings())
        let stored = try store.segmentTotals(in: Self.week.firstDay...Self.week.lastDay, dimensions: [DimensionSet([.url])])
        let base = demoProject.site + "/books/the-long-quiet"
        let variants = stored.filter { [base, base + "/"].contains($0.segment.value(of: .url)) }
        #expect(variants.count == 2, "the demo stores /books/the-long-quiet and /books/the-long-quiet/")
        let row = try #require(report.pages.table.rows.first { $0.label == "/books/the-long-quiet" })
        #expect(row.sessions == variants.reduce(0) { $0 + Double($1.totals.sessions) })
        #expect(
            !report.pages.table.rows.contains { $0.label.hasSuffix("/books/the-long-quiet/") || $0.label.contains("?") || $0.label.contains("#") })
        // The campaign's tracked landing URL counts towards the reading list.
        let campaign = stored.filter { $0.segment.value(of: .url)?.hasPrefix(demoProject.site + "/blog/autumn-reading-list?utm_") == true }
        #expect(campaign.count == 1)
        let blog = try #require(report.pages.table.rows.first { $0.label == "/blog/autumn-reading-list" })
        #expect(blog.sessions > Double(campaign[0].totals.sessions))
        #expect(report.pages.storedURLs > report.pages.groupedPages)
    }

    @Test("a pattern groups pages, frustration segments and movers use the group, and its Recordings filter finds every member")
    func patternGroups() throws {
        let store = try Self.store.get()
        let rules = URLNormalization(patterns: [URLPattern(pattern: "/books/*", replacement: "/books/:slug")])
        let report = try WeeklyPipeline.model(store: store, week: Self.week, project: demoProject, settings: ReportSettings(urls: rules))
        let books = try #require(report.pages.table.rows.first { $0.label == "/books/:slug" })
        let stored = try store.segmentTotals(in: Self.week.firstDay...Self.week.lastDay, dimensions: [DimensionSet([.url])])
        let members = stored.filter { $0.segment.value(of: .url)?.hasPrefix(demoProject.site + "/books/") == true }
        #expect(members.count >= 3)
        #expect(books.sessions == members.reduce(0) { $0 + Double($1.totals.sessions) })
        let filter = try #require(books.recordingFilter)
        #expect(filter.contains("Visited URL contains /books/."))
        #expect(members.allSatisfy { ($0.segment.value(of: .url) ?? "").contains("/books/") })
        #expect(!report.frustrationSegments.contains { $0.values.contains { $0.value.hasPrefix(demoProject.site + "/books/the-") } })
        // The week's story does not depend on how pages are grouped.
        #expect(report.headline.contains("Rage clicks on /checkout in Safari"), "\(report.headline)")
    }
}
