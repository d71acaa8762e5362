import ClarityModel
import ClarityRender
import ClarityStore
import ClarityTestSupport
import Foundation
import Testing

@testable import ClarityApp

/// The hostile store and its benign twin: the same numbers, one with the payload corpus in every string field, the other
/// with harmless names.
struct HostileFixture: Sendable {
    /// Where payload URLs point; the browser test proxies every host, so a request there is recorded, not sent.
    static let beacon = "http://beacon.example"
    static let payloads = HostilePayloads.corpus(beacon: beacon)
    static let valueCount = payloads.count

    let hostile: MetricStore
    let benign: MetricStore

    static let shared: Result<HostileFixture, any Error> = Result {
        HostileFixture(
            hostile: try HostileStore(values: payloads.map(\.text)).ingested(into: try MetricStore()),
            benign: try HostileStore(values: benignValues(count: valueCount)).ingested(into: try MetricStore()))
    }

    static let controlValueCount = 8
    /// A small benign store, for showing that the checks fail on tampered output.
    static let control: Result<MetricStore, any Error> = Result {
        try HostileStore(values: benignValues(count: controlValueCount)).ingested(into: try MetricStore())
    }

    /// A payload as the store keeps it: U+0000, which SQLite's C strings would cut the text at, read as U+FFFD.
    static func stored(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
    }

    static func benignValues(count: Int) -> [String] {
        (0..<count).map { "Plain value \($0 < 10 ? "0" : "")\($0)" }
    }
}

extension OneAtATime {
    @Suite("Hostile text in every output")
    struct HostileTextTests {
        @Test("the corpus holds at least 50 distinct payloads from every family")
        func corpus() {
            let payloads = HostileFixture.payloads
            #expect(payloads.count >= 50)
            #expect(Set(payloads.map(\.text)).count == payloads.count, "payloads must be distinct")
            for family in HostilePayload.Family.allCases {
                #expect(payloads.contains { $0.family == family }, "no payload for \(family.rawValue)")
            }
            #expect(payloads.contains { $0.text.utf8.count >= 10_000 })
        }

        @Test("every payload reaches every field a report shows, and every list the store keeps")
        func everyFieldCarriesEveryPayload() throws {
            let fixture = try HostileFixture.shared.get()
            let report = try WeeklyPipeline.model(
                store: fixture.hostile, week: HostileStore.week, project: HostileStore.project,
                settings: HostileStore.settings(valueCount: HostileFixture.valueCount))
            let payloads = Set(HostileFixture.payloads.map { HostileFixture.stored($0.text) })
            #expect(Set(report.devices.map(\.value)) == payloads)
            #expect(Set(report.browsers.map(\.value)) == payloads)
            let ranked = report.frustrationSegments.flatMap(\.values)
            for dimension in Dimension.allCases where dimension != .browser && dimension != .device {
                let shown = Set(ranked.filter { $0.dimension == dimension.name }.map(\.value))
                // URL segments are grouped into pages at report time (`[report.urls]`): their values are the folded payloads.
                let absent = (dimension == .url ? Set(payloads.map(URLNormalization().normalize)) : payloads).subtracting(shown)
                #expect(
                    absent.isEmpty,
                    "\(dimension.name) segments lack \(absent.count) payloads, e.g. \(absent.first?.prefix(60).debugDescription ?? "")")
            }
            // The pages and acquisition tables: every payload, pages and referrers as their URL rules fold them.
            let folded = Set(payloads.map { Segment.shownValue(URLNormalization().normalize($0), of: .url, site: HostileStore.project.site) })
            let referrers = Set(payloads.map { URLNormalization().normalize($0) })
            let tables: [(String, BreakdownTable, Set<String>)] = [
                ("pages", report.pages.table, folded), ("page titles", report.pages.titles, payloads),
                ("referrers", report.acquisition.referrers, referrers),
                ("countries", report.acquisition.countries, payloads), ("campaigns", report.acquisition.campaigns, payloads),
                ("channels", report.acquisition.channels, payloads),
            ]
            for (name, table, expected) in tables {
                let absent = expected.subtracting(table.rows.filter { !$0.isOther }.map(\.label))
                #expect(absent.isEmpty, "the \(name) table lacks \(absent.count) payloads, e.g. \(absent.first?.prefix(60).debugDescription ?? "")")
            }
            let status = try fixture.hostile.status()
            #expect(status.breakdownItems == 7 * HostileFixture.valueCount, "page titles, referrers, popular pages and the name lists")
            #expect(status.unparsedSnapshots == 0)
        }

        @Test(
            "no payload becomes markup, an attribute, a link target or a header, and every one still reads",
            arguments: ReportOutputs.all(valueCount: HostileFixture.valueCount))
        func output(_ output: ReportOutput) throws {
            let fixture = try HostileFixture.shared.get()
            let text = try output.render(fixture.hostile)
            let problems = try OutputCheck.problems(
                output.kind, text: text, benign: try output.render(fixture.benign),
                shows: try output.shows(fixture.hostile))
            #expect(problems.isEmpty, "\(output.name): \(problems.count) problems\n\(problems.prefix(25).joined(separator: "\n"))")
        }

        @Test("the checks catch markup, links, headers and lost text when they are there")
        func checksCanFail() throws {
            let store = try HostileFixture.control.get()
            let outputs = ReportOutputs.all(valueCount: HostileFixture.controlValueCount)
            func output(_ kind: ReportOutput.Kind) -> ReportOutput { outputs.first { $0.kind == kind }! }
            let shows = try output(.html).shows(store)
            #expect(shows.contains("Plain value 07"))

            let page = try output(.html).render(store)
            let tampered: [(String, String)] = [
                ("a script", page.replacingOccurrences(of: "</body>", with: "<script>alert(1)</script></body>")),
                ("an event handler", page.replacingOccurrences(of: "<body ", with: "<body onload=\"alert(1)\" ")),
                ("a link", page.replacingOccurrences(of: "<h1 ", with: "<a href=\"javascript:alert(1)\">x</a><h1 ")),
                ("an unescaped '<'", page.replacingOccurrences(of: "Plain value 07", with: "Plain value <07")),
                ("a comment", page.replacingOccurrences(of: "</body>", with: "<!-- clarity-report:end summary --></body>")),
                ("an extra table cell", page.replacingOccurrences(of: "<td ", with: "<td></td><td ")),
                ("a foreignObject in a chart", page.replacingOccurrences(of: "</svg>", with: "<foreignObject></foreignObject></svg>")),
                ("a CSS url()", page.replacingOccurrences(of: "style=\"margin:0;", with: "style=\"background:url(http://x/);margin:0;")),
                ("a lost name", page.replacingOccurrences(of: "Plain value 07", with: "Plain value")),
            ]
            for (what, html) in tampered {
                #expect(try !OutputCheck.problems(.html, text: html, benign: page, shows: shows).isEmpty, "the page check missed \(what)")
            }

            let markdown = try output(.markdown).render(store)
            for injected in ["[x](javascript:alert(1))", "![x](http://x/p.png)", "<b>raw</b>", "https://evil.example/", "| a | b |"] {
                let text = markdown.replacingOccurrences(of: "Plain value 07", with: "Plain value 07 \(injected)")
                #expect(
                    try !OutputCheck.problems(.markdown, text: text, benign: markdown, shows: shows).isEmpty, "the Markdown check missed \(injected)")
            }

            let json = try output(.json).render(store)
            let reshaped = json.replacingOccurrences(of: "\"value\" : \"Plain value 07\"", with: "\"value\" : \"Plain value 07\", \"href\" : \"x\"")
            #expect(reshaped != json)
            #expect(try !OutputCheck.problems(.json, text: reshaped, benign: json, shows: shows).isEmpty)

            let chart = try outputs.first { $0.name.hasSuffix("devices") }!.render(store)
            let linked = chart.replacingOccurrences(of: "</svg>", with: "<a href=\"http://x/\"><text>x</text></a></svg>")
            #expect(try !OutputCheck.problems(.svg, text: linked, benign: chart, shows: []).isEmpty)

            let message = try output(.email).render(store)
            let injectedHeader = message.replacingOccurrences(of: "MIME-Version: 1.0\r\n", with: "MIME-Version: 1.0\r\nBcc: victim@example.com\r\n")
            #expect(try !OutputCheck.problems(.email, text: injectedHeader, benign: message, shows: shows).isEmpty)
        }

        @Test("a response with invalid UTF-8 in a string is refused with its position, and the store is unchanged")
        func invalidUTF8() throws {
            let store = try MetricStore()
            let valid = Array(#"[{"metricName": "Traffic", "information": [{"totalSessionCount": "10", "Browser": "Chrome"}]}]"#.utf8)
            #expect(throws: Never.self) {
                try store.ingest(
                    ResponseSubmission(bytes: valid, pulledAt: Instant(iso: "2026-11-17T01:30:00Z")!, numOfDays: 1, source: "valid.json"),
                    at: Instant(seconds: 0))
            }
            let before = try store.status().snapshots
            let invalid: [(String, [UInt8])] = [
                ("a lone continuation byte", [0x80]), ("0xFF", [0xFF]), ("an overlong slash", [0xC0, 0xAF]),
                ("a UTF-16 surrogate", [0xED, 0xA0, 0x80]), ("a truncated sequence", [0xE6, 0xBC]), ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ]
            let head = Array("[{\"metricName\": \"Traffic\",\n \"information\": [{\"totalSessionCount\": \"10\", \"Browser\": \"Chr".utf8)
            let column = head.count - head.lastIndex(of: UInt8(ascii: "\n"))!
            for (what, bytes) in invalid {
                let response = head + bytes + Array("ome\"}]}]".utf8)
                let error = #expect(throws: IngestError.self, "\(what)") {
                    try store.ingest(
                        ResponseSubmission(bytes: response, pulledAt: Instant(iso: "2026-11-18T01:30:00Z")!, numOfDays: 1, source: "bad.json"),
                        at: Instant(seconds: 0))
                }
                #expect(error?.message.contains("UTF-8") == true, "\(what): \(String(describing: error))")
                #expect(error?.message.contains("line 2, column \(column)") == true, "\(what): \(String(describing: error))")
            }
            #expect(try store.status().snapshots == before)
        }

        @Test("ingest refuses a file with invalid UTF-8, names the file and the place, and stores nothing")
        func invalidUTF8CommandLine() throws {
            let tool = try CommandLineTool.built()
            let folder = try ScratchFolder("utf8")
            let file = folder.path("20261117T013000Z_1d_Browser.json")
            let head = Array("[{\"metricName\": \"Traffic\", \"information\": [{\"totalSessionCount\": \"10\", \"Browser\": \"".utf8)
            let bytes = head + [0xC3, 0x28] + Array("\"}]}]".utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let store = folder.path("store.sqlite")
            let run = try tool.run(["ingest", "--store", store, file])
            #expect(run.status == 1, "\(run)")
            #expect(run.stderr.contains("20261117T013000Z_1d_Browser.json"), "\(run)")
            #expect(run.stderr.contains("invalid UTF-8"), "\(run)")
            #expect(run.stderr.contains("line 1, column \(head.count + 1)"), "\(run)")
            #expect(run.stdout.contains("0 ingested"), "\(run)")
            #expect(try SQLiteShell.query(store, "SELECT COUNT(*) FROM snapshot") == "0")
        }
    }
}
