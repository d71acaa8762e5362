import ClarityModel

/// The executive monthly summary as an email: a short plain-text and HTML body (the one-sentence summary, headline
/// figures, wins, issues and releases) with the summary's PDF attached, for readers who print or forward it.
public struct MonthlyEmail: Sendable {
    let renderer: MonthlyRenderer
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
        self.renderer = MonthlyRenderer(templates: templates)
    }

    /// `monthly-2026-10.pdf`: the attachment's file name.
    public static func attachmentName(_ report: MonthlyReport) -> String { "monthly-\(report.period.label).pdf" }

    /// Builds the message around the summary's PDF bytes (from `MonthlyPDF`).
    public func message(_ report: MonthlyReport, pdf: [UInt8], envelope: WeeklyEmail.Envelope) throws -> MIMEMessage {
        let identity = MessageIdentity(seed: "\(report.project.name)|\(report.project.site)|\(report.period.label)|monthly", date: envelope.date)
        var context = try renderer.context(report)
        context["attachmentName"] = Self.attachmentName(report)
        let attachment = try Attachment(fileName: Self.attachmentName(report), contentType: "application/pdf", bytes: pdf)
        return try MIMEMessage(
            from: envelope.from, to: envelope.to, bcc: envelope.bcc, subject: envelope.subject, identity: identity,
            plainText: try templates.render("monthly-email.txt", with: context),
            html: try templates.render("monthly-email.html", with: context), images: [], attachments: [attachment])
    }
}
