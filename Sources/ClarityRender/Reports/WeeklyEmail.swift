import ClarityCharts
import ClarityModel

/// The weekly report as an email: a plain-text part, and HTML whose charts are PNG images referenced by `cid:`.
public struct WeeklyEmail: Sendable {
    /// The most columns an email table keeps: four fit a 390 px phone.
    static let tableColumns = 4

    /// Who the message is from and to, its subject, and where the web version is published.
    public struct Envelope: Sendable {
        public var from: EmailAddress
        public var to: [EmailAddress]
        /// Blind copies: written as a Bcc header that `sendmail -t` and `send` remove before transmission.
        public var bcc: [EmailAddress]
        public var subject: String
        /// The base URL the web HTML is published under; empty for no "view in browser" link.
        public var viewInBrowserBaseURL: String
        /// The Date header; derive it from the data so the same store gives the same message.
        public var date: Instant

        public init(
            from: EmailAddress, to: [EmailAddress], bcc: [EmailAddress] = [], subject: String, viewInBrowserBaseURL: String,
            date: Instant
        ) {
            self.from = from
            self.to = to
            self.bcc = bcc
            self.subject = subject
            self.viewInBrowserBaseURL = viewInBrowserBaseURL
            self.date = date
        }
    }

    let renderer: WeeklyRenderer
    let templates: TemplateSet
    let rasterizer = PNGRasterizer(scale: 2)
    /// The white margin around each PNG chart, so dark-mode clients show it as a card rather than a glaring edge.
    static let chartPadding = 12.0

    public init(templates: TemplateSet) {
        self.templates = templates
        self.renderer = WeeklyRenderer(templates: templates)
    }

    /// The web page's file name for a week, which the "view in browser" link points at.
    public static func webFileName(_ report: WeeklyReport) -> String { "weekly-\(report.period.label).html" }

    /// Builds the message; every check (headers, `cid:` references, images) happens here.
    public func message(_ report: WeeklyReport, charts: WeeklyCharts, envelope: Envelope) throws -> MIMEMessage {
        let identity = MessageIdentity(seed: "\(report.project.name)|\(report.project.site)|\(report.period.label)", date: envelope.date)
        var context = try renderer.context(report)
        let named: [(String, any Chart)] = [
            ("sessions", charts.sessions), ("frustration", charts.frustration), ("segments", charts.segments),
            ("devices", charts.devices), ("browsers", charts.browsers),
        ]
        var images: [InlineImage] = []
        var imageContext: [String: Any] = [:]
        for (name, chart) in named {
            let image = try InlineImage(name: name, png: try rasterizer.png(fromSVG: chart.svg, padding: Self.chartPadding))
            images.append(image)
            imageContext[name] = [
                "contentID": identity.contentID(forImageNamed: name),
                "width": Int((Double(image.pixelWidth) / rasterizer.scale).rounded()),
                "height": Int((Double(image.pixelHeight) / rasterizer.scale).rounded()),
                "alt": chart.summary,
            ]
        }
        context["images"] = imageContext
        if !envelope.viewInBrowserBaseURL.isEmpty {
            let base = envelope.viewInBrowserBaseURL.hasSuffix("/") ? envelope.viewInBrowserBaseURL : envelope.viewInBrowserBaseURL + "/"
            context["viewInBrowserURL"] = base + Self.webFileName(report)
        }
        // Phones show the email without media queries, so its tables keep 4 columns; the web page has them all.
        AudienceContext.compact(&context)
        context["sections"] = try renderer.sections(context, columns: Self.tableColumns)
        let labelWidth = report.kpis.map(\.label.count).max() ?? 0
        let currentWidth = report.kpis.map(\.currentText.count).max() ?? 0
        let changeWidth = report.kpis.map(\.changeText.count).max() ?? 0
        if var kpis = context["kpis"] as? [[String: Any]] {
            for (index, kpi) in report.kpis.enumerated() where index < kpis.count {
                kpis[index]["sparklineText"] = SparklineText.render(kpi.history)
                kpis[index]["toneColor"] = WeeklyRenderer.color(tone: kpi.tone)
                kpis[index]["paddedLabel"] = kpi.label.padding(to: labelWidth)
                kpis[index]["paddedCurrent"] = kpi.currentText.padding(to: currentWidth, left: true)
                kpis[index]["paddedChange"] = (kpi.arrow + " " + kpi.changeText).padding(to: changeWidth + 2, left: true)
            }
            context["kpis"] = kpis
        }
        let html = try templates.render("weekly-email.html", with: context)
        let text = try templates.render("weekly-email.txt", with: context)
        return try MIMEMessage(
            from: envelope.from, to: envelope.to, bcc: envelope.bcc, subject: envelope.subject, identity: identity,
            plainText: text, html: html, images: images)
    }
}

extension String {
    /// The text padded with spaces to a width in characters, on the right or (for numbers) on the left.
    func padding(to width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
