import Foundation
import ArgumentParser
import ClarityModel
import ClarityRender

/// Works out an email's sender, recipients and subject from the options over the configuration.
enum EmailEnvelope {
    static func make(configuration: ReportConfiguration, report: WeeklyReport, to: [String], from: String?, subject: String?, date: Instant) throws -> WeeklyEmail.Envelope {
        let recipients = to.isEmpty ? configuration.email.to : to
        guard !recipients.isEmpty else {
            throw ValidationError("no recipient: pass --to ADDRESS or set email.to in clarity-report.toml.")
        }
        let sender = from ?? configuration.email.from
        guard !sender.isEmpty else {
            throw ValidationError("no sender: pass --from ADDRESS or set email.from in clarity-report.toml.")
        }
        let subjectTemplate = subject ?? configuration.email.subject
        let filled = SubjectLine.fill(subjectTemplate, project: report.project.name, week: report.period.label, headline: report.headline)
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
