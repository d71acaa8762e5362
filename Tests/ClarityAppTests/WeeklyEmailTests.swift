import ClarityModel
import ClarityProcess
import ClarityRender
import ClarityStore
import Foundation
import Testing

@testable import ClarityApp

@Suite("The weekly email")
struct WeeklyEmailTests {
    static let week = ISOWeek(label: "2026-W47")!

    static func message(viewInBrowser: String = "https://reports.example/ux") throws -> String {
        let store = try demoStore(days: week.firstDay.advanced(by: -14)...week.lastDay)
        let report = try WeeklyPipeline.model(store: store, week: week, project: demoProject, settings: ReportSettings())
        let envelope = WeeklyEmail.Envelope(
            from: try EmailAddress(parsing: "UX reports <ux@lumen-books.example>"),
            to: [try EmailAddress(parsing: "product@lumen-books.example"), try EmailAddress(parsing: "Zoë Müller <zoe@lumen-books.example>")],
            subject: "Lumen Books weekly UX report — 2026-W47", viewInBrowserBaseURL: viewInBrowser, date: Instant(iso: "2026-11-23T07:00:00Z")!)
        return try WeeklyEmail(templates: try TemplateSet(directory: repositoryTemplates)).message(
            report, charts: WeeklyCharts(report), envelope: envelope
        ).encoded()
    }

    /// Parses a message with Python's standard `email` package and returns its JSON summary.
    static func parse(_ message: String) throws -> [String: Any] {
        let folder = scratchFolder("eml")
        let path = folder + "/message.eml"
        try Data(message.utf8).write(to: URL(fileURLWithPath: path))
        let script = """
            import email, email.policy, json, re, sys
            raw = open(sys.argv[1], 'rb').read()
            m = email.message_from_bytes(raw, policy=email.policy.default)
            parts, html, text, cids = [], '', '', []
            for p in m.walk():
                ct = p.get_content_type()
                parts.append(ct)
                if ct == 'text/html': html = p.get_content()
                elif ct == 'text/plain': text = p.get_content()
                elif ct == 'image/png':
                    data = p.get_payload(decode=True)
                    cids.append({'cid': p['Content-ID'].strip('<>'), 'png': data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'bytes': len(data)})
            print(json.dumps({'subject': str(m['Subject']), 'to': [str(a) for a in m['To'].addresses], 'date': str(m['Date']),
                'messageID': str(m['Message-ID']), 'parts': parts, 'htmlBytes': len(html.encode()), 'html': html, 'text': text,
                'images': cids, 'referenced': re.findall(r'src="cid:([^"]+)"', html), 'defects': [str(d) for p in m.walk() for d in p.defects],
                'longestLine': max(len(l) for l in raw.split(b'\\r\\n'))}))
            """
        let run = try ExternalProgram.run(named: "python3", ["-c", script, path])
        #expect(run.succeeded, "\(run)")
        return try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any] ?? [:]
    }

    @Test("a real MIME parser sees text and HTML alternatives, every cid: has its PNG part and every part is shown")
    func structure() throws {
        let parsed = try Self.parse(try Self.message())
        #expect(
            parsed["parts"] as? [String] == [
                "multipart/alternative", "text/plain", "multipart/related", "text/html",
                "image/png", "image/png", "image/png", "image/png", "image/png",
            ])
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        #expect(parsed["subject"] as? String == "Lumen Books weekly UX report — 2026-W47")
        #expect(parsed["to"] as? [String] == ["product@lumen-books.example", "Zoë Müller <zoe@lumen-books.example>"])
        let images = parsed["images"] as? [[String: Any]] ?? []
        let referenced = Set(parsed["referenced"] as? [String] ?? [])
        #expect(Set(images.compactMap { $0["cid"] as? String }) == referenced)
        #expect(referenced.count == 5)
        #expect(images.allSatisfy { $0["png"] as? Bool == true && ($0["bytes"] as? Int ?? 0) > 1_000 })
        #expect((parsed["htmlBytes"] as? Int ?? .max) <= 90_000)
        #expect((parsed["longestLine"] as? Int ?? .max) <= 998)
    }

    @Test("the HTML part is email-safe: table layout with a width, no SVG, script, flex or grid, images with width and alt text")
    func emailSafeHTML() throws {
        let html = try Self.parse(try Self.message())["html"] as? String ?? ""
        #expect(html.contains("<table role=\"presentation\" width=\"640\""))
        for forbidden in ["<svg", "<script", "<style", "display:flex", "display:grid", "<picture", "data:image"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let images = html.components(separatedBy: "<img ").dropFirst()
        #expect(images.count == 5)
        for image in images {
            #expect(image.contains("width=\"") && image.contains("max-width:"))
            #expect(image.contains("alt=\"") && !image.contains("alt=\"\""))
        }
        // The key figures are text too, so the report reads with images blocked.
        #expect(html.contains("Rage clicks") && html.contains("31,059"))
        #expect(html.contains("href=\"https://reports.example/ux/weekly-2026-W47.html\""))
    }

    @Test("the plain-text part carries the same figures and sparklines")
    func plainText() throws {
        let text = try Self.parse(try Self.message(viewInBrowser: ""))["text"] as? String ?? ""
        #expect(text.contains("Sessions"))
        #expect(text.contains("31,059"))
        #expect(text.unicodeScalars.contains { (0x2581...0x2588).contains($0.value) })
        #expect(!text.contains("View in a browser"))
    }

    @Test("a line break in a header value is refused, never passed through")
    func headerInjection() throws {
        let store = try demoStore(days: Self.week.firstDay...Self.week.lastDay)
        let report = try WeeklyPipeline.model(store: store, week: Self.week, project: demoProject, settings: ReportSettings())
        var configuration = ReportConfiguration()
        configuration.email.to = ["a@example.com"]
        configuration.email.from = "b@example.com"
        #expect(throws: (any Error).self) {
            let envelope = try EmailEnvelope.make(
                configuration: configuration, report: report, to: [], from: nil, subject: "Report\r\nBcc: victim@example.com",
                date: Instant(seconds: 0))
            _ = try WeeklyEmail(templates: try TemplateSet(directory: repositoryTemplates)).message(
                report, charts: WeeklyCharts(report), envelope: envelope)
        }
        #expect(throws: (any Error).self) {
            _ = try EmailEnvelope.make(
                configuration: configuration, report: report, to: ["x@example.com\nBcc: y@example.com"], from: nil, subject: nil,
                date: Instant(seconds: 0))
        }
    }
}
