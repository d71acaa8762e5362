import ClarityModel
import ClarityRender
import Testing

@testable import ClarityApp

@Suite("The weekly headline, its bullets and the email subject on the demo site")
struct HeadlineTests {
    @Test("demo week 2026-W47 leads with rage clicks on /checkout in Safari after 2.6.0, and the error-click false alarm is gone")
    func demoWeek47() throws {
        let report = try WeeklyPipeline.model(
            store: GoldenReportTests.store, week: ISOWeek(label: "2026-W47")!, project: demoProject, settings: ReportSettings())
        #expect(report.headline == "Rage clicks on /checkout in Safari rose from 1.4% to 24.8% from Wed Nov 18, the day after 2.6.0 shipped.")
        for word in ["Safari", "/checkout", "Rage clicks", "2.6.0"] { #expect(report.headline.contains(word)) }
        #expect(report.changes.count <= 5)
        #expect(!report.changes.contains { $0.subject == "errorClickRate" })
        let first = try #require(report.changes.first)
        #expect(first.kind == "segment" && first.test == "twoProportion+benjaminiHochberg")
        #expect(first.qValue! < 0.001)
        #expect(first.nextStep?.hasPrefix("Recordings → Filters: Rage clicks; Browser is Safari; Visited URL contains /checkout.") == true)
        let errorClicks = try #require(report.kpis.first { $0.id == "errorClickRate" })
        #expect(errorClicks.verdict == "withinNoise" && errorClicks.evidence.insideEarlierRange == true)
        let envelope = try EmailEnvelope.make(
            configuration: ReportConfiguration(), report: report, to: ["team@example.com"], from: "ux@example.com",
            subject: nil, date: Instant(seconds: 0))
        #expect(
            envelope.subject
                == "Lumen Books weekly: Rage clicks on /checkout in Safari rose from 1.4% to 24.8% from Wed Nov 18, the day after 2.6.0 shipped")
    }

    @Test("a quiet demo week's headline claims no move")
    func quietWeek() throws {
        let store = try demoStore(days: Day(iso: "2026-06-08")!...Day(iso: "2026-08-23")!)
        let report = try WeeklyPipeline.model(store: store, week: ISOWeek(label: "2026-W34")!, project: demoProject, settings: ReportSettings())
        #expect(report.headline == "No figure moved beyond normal week-to-week noise, and no segment's rate moved beyond noise.")
        #expect(report.segmentMovers.isEmpty)
        #expect(report.changes.map(\.kind) == ["none"])
    }

    @Test("the subject keeps one line of the headline and is cut at a word when long")
    func subjectLine() {
        let hostile = SubjectLine.fill(
            "{{project}} weekly: {{headline}}", project: "Shop", week: "2026-W47", headline: "Rage\r\nBcc: x@example.com\u{202E} rose.")
        #expect(hostile == "Shop weekly: Rage Bcc: x@example.com rose")
        let long = SubjectLine.fill(
            "{{project}} weekly: {{headline}}", project: "Shop", week: "2026-W47", headline: String(repeating: "word ", count: 60))
        #expect(long.count <= SubjectLine.limit)
        #expect(long.hasSuffix("word…"))
    }
}
