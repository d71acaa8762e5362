import ArgumentParser
import ClarityModel
import ClarityRender
import Foundation

/// Works out an email's sender, recipients and subject from the options over the configuration.
enum EmailEnvelope {
    static func make(configuration: ReportConfiguration, report: WeeklyReport, to: [String], from: String?, subject: String?, date: Instant) throws
        -> WeeklyEmail.Envelope
    {
        try make(
            configuration: configuration, project: report.project.name, period: report.period.label, headline: report.headline,
            to: to, from: from, subjectTemplate: subject ?? configuration.email.subject, date: date)
    }

    /// The monthly summary's envelope: `{{month}}` (or `{{week}}`) in the subject stands for the month (`October 2026`), `{{headline}}`
    /// for the one-sentence summary without the month it starts with.
    static func make(configuration: ReportConfiguration, report: MonthlyReport, to: [String], from: String?, subject: String?, date: Instant) throws
        -> WeeklyEmail.Envelope
    {
        let summary = MonthlySummary.sentence(report)
        let prefix = report.period.title + ": "
        let headline = summary.hasPrefix(prefix) ? String(summary.dropFirst(prefix.count)) : summary
        return try make(
            configuration: configuration, project: report.project.name, period: report.period.title, headline: headline,
            to: to, from: from,
            subjectTemplate: (subject ?? configuration.email.monthlySubject).replacingOccurrences(of: "{{month}}", with: "{{week}}"), date: date)
    }

    private static func make(
        configuration: ReportConfiguration, project: String, period: String, headline: String, to: [String], from: String?,
        subjectTemplate: String, date: Instant
    ) throws -> WeeklyEmail.Envelope {
        let recipients = to.isEmpty ? configuration.email.to : to
        guard !recipients.isEmpty else {
            throw ValidationError("no recipient: pass --to ADDRESS or set email.to in clarity-report.toml.")
        }
        let sender = from ?? configuration.email.from
        guard !sender.isEmpty else {
            throw ValidationError("no sender: pass --from ADDRESS or set email.from in clarity-report.toml.")
        }
        let filled = SubjectLine.fill(subjectTemplate, project: project, week: period, headline: headline)
        do {
            return WeeklyEmail.Envelope(
                from: try EmailAddress(parsing: sender), to: try recipients.map { try EmailAddress(parsing: $0) },
                bcc: try configuration.email.bcc.map { try EmailAddress(parsing: $0) },
                subject: filled, viewInBrowserBaseURL: configuration.email.viewInBrowserBaseURL, date: date)
        } catch {
            throw ValidationError("email header: \(error)")
        }
    }
}
