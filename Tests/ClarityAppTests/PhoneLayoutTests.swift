import ClarityTestSupport
import Foundation
import Testing

/// The weekly web page as a phone and a desktop browser lay it out, measured in headless Chromium.
extension OneAtATime {
    @Suite("Phone and desktop layout")
    struct PhoneLayoutTests {
        /// Measures, once the page has loaded: how wide its content is against the window, and the smallest chart text
        /// as drawn on screen (the SVG font size times the chart's scale), over the charts that are shown.
        static let probe = """
            <script>window.addEventListener('load', () => {
              let smallest = 1000;
              for (const text of document.querySelectorAll('svg text')) {
                const box = text.getBoundingClientRect();
                if (box.width === 0) continue;
                const scale = text.getScreenCTM().a;
                smallest = Math.min(smallest, scale * parseFloat(text.getAttribute('font-size') || '11'));
              }
              parent.postMessage(document.documentElement.scrollWidth + ' ' + window.innerWidth + ' ' + smallest.toFixed(2), '*');
            });</script>
            """

        /// A page holding the report in a frame `width` pixels wide (headless Chromium's own window is at least 500 px),
        /// which writes what the probe measured into its own DOM.
        static func frame(width: Int) -> String {
            """
            <!DOCTYPE html><html><body style="margin:0"><iframe src="page.html" width="\(width)" height="900" style="border:0"></iframe>
            <script>window.addEventListener('message', (e) => document.body.setAttribute('data-layout', e.data));</script>
            </body></html>
            """
        }

        /// `(content width, window width, smallest chart text in px)` of `page` in a window `width` pixels wide.
        static func layout(of page: String, width: Int) throws -> (content: Int, window: Int, chartText: Double) {
            let folder = try ScratchFolder("layout")
            let probed = folder.url.appendingPathComponent("page.html")
            try page.replacingOccurrences(of: "</body>", with: probe + "</body>").write(to: probed, atomically: true, encoding: .utf8)
            let wrapper = folder.url.appendingPathComponent("frame.html")
            try frame(width: width).write(to: wrapper, atomically: true, encoding: .utf8)
            let profile = try ScratchFolder("chromium-layout")
            let dom = try ExternalTool.output(
                HeadlessChromium.path!,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--allow-file-access-from-files",
                    "--user-data-dir=\(profile.url.path)", "--window-size=1000,1000", "--virtual-time-budget=3000",
                    "--dump-dom", wrapper.absoluteString,
                ])
            let marker = try #require(dom.range(of: "data-layout=\""))
            let fields = dom[marker.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
            return (Int(fields[0]) ?? -1, Int(fields[1]) ?? -1, Double(fields[2]) ?? -1)
        }

        @Test(
            "the weekly page fits a 390 px phone, a 500 px one and a 640 px window without horizontal scrolling; phone chart text is 12 px or more",
            .enabled(if: HeadlessChromium.path != nil, "needs Chromium (CLARITY_WITH_BROWSER=1 scripts/install-deps.sh)"))
        func weeklyPage() throws {
            let page = try String(
                contentsOf: ReportOutputs.repository.appendingPathComponent("reports/weekly-2026-W47.html"),
                encoding: .utf8)
            for width in [390, 500, 640] {
                let measured = try Self.layout(of: page, width: width)
                #expect(measured.window == width, "\(measured)")
                #expect(measured.content <= measured.window, "at \(width) px the page is \(measured.content) px wide")
                if width == 390 { #expect(measured.chartText >= 12, "chart text at 390 px: \(measured.chartText) px") }
            }
        }

        @Test(
            "the monthly page fits a 390 px phone and a 640 px window without horizontal scrolling; phone chart text is 12 px or more",
            .enabled(if: HeadlessChromium.path != nil, "needs Chromium (CLARITY_WITH_BROWSER=1 scripts/install-deps.sh)"))
        func monthlyPage() throws {
            let page = try String(contentsOf: ReportOutputs.repository.appendingPathComponent("reports/monthly-2026-10.html"), encoding: .utf8)
            for width in [390, 640] {
                let measured = try Self.layout(of: page, width: width)
                #expect(measured.window == width, "\(measured)")
                #expect(measured.content <= measured.window, "at \(width) px the monthly page is \(measured.content) px wide")
                if width == 390 { #expect(measured.chartText >= 12, "monthly chart text at 390 px: \(measured.chartText) px") }
            }
        }

        @Test(
            "the weekly and the monthly email's HTML fit a 390 px phone and a 640 px window without horizontal scrolling",
            .enabled(if: HeadlessChromium.path != nil, "needs Chromium (CLARITY_WITH_BROWSER=1 scripts/install-deps.sh)"),
            arguments: ["reports/weekly-2026-W47.eml", "reports/monthly-2026-10.eml"])
        func emails(file: String) throws {
            let message = ReportOutputs.repository.appendingPathComponent(file).path
            // Python's email package decodes the HTML part, as a mail client would.
            let html = try ExternalTool.output(
                "/usr/bin/env",
                [
                    "python3", "-c",
                    """
                    import email, sys
                    message = email.message_from_binary_file(open(sys.argv[1], 'rb'))
                    part = next(p for p in message.walk() if p.get_content_type() == 'text/html')
                    sys.stdout.write(part.get_payload(decode=True).decode('utf-8'))
                    """, message,
                ])
            try #require(html.contains("</body>"))
            for width in [390, 640] {
                let measured = try Self.layout(of: html, width: width)
                #expect(measured.window == width, "\(measured)")
                #expect(measured.content <= measured.window, "at \(width) px \(file) is \(measured.content) px wide")
            }
        }

        @Test(
            "the monthly page prints on at most two A4 or US Letter pages, numbered, with a footer saying what the figures are",
            .enabled(
                if: HeadlessChromium.path != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo"),
                "needs Chromium and poppler-utils (CLARITY_WITH_BROWSER=1 scripts/install-deps.sh)"))
        func monthlyPrinted() throws {
            let page = try String(contentsOf: ReportOutputs.repository.appendingPathComponent("reports/monthly-2026-10.html"), encoding: .utf8)
            // The page names no paper size, so it prints on the printer's paper; Chromium's own default is US Letter.
            #expect(page.contains("@page { margin"))
            for (paper, html) in [("Letter", page), ("A4", page.replacingOccurrences(of: "@page { margin", with: "@page { size: A4; margin"))] {
                let folder = try ScratchFolder("monthly-print")
                let source = folder.url.appendingPathComponent("monthly.html")
                try html.write(to: source, atomically: true, encoding: .utf8)
                let pdf = folder.url.appendingPathComponent("monthly.pdf").path
                let profile = try ScratchFolder("chromium-print")
                _ = try ExternalTool.output(
                    HeadlessChromium.path!,
                    [
                        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.url.path)",
                        "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", source.absoluteString,
                    ])
                let info = try ExternalTool.output("/usr/bin/pdfinfo", [pdf])
                #expect(info.contains(paper == "A4" ? "(A4)" : "(letter)"), "\(info)")
                let pages =
                    info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map {
                        Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
                    } ?? 0
                #expect((1...2).contains(pages), "\(paper): \(pages) pages")
                let text = try ExternalTool.output("/usr/bin/pdftotext", [pdf, "-"])
                #expect(text.contains("Page 1 of \(pages)"))
                #expect(text.contains("Microsoft Clarity figures, UTC days"))
                #expect(text.contains("130,123"))
            }
        }
    }
}
