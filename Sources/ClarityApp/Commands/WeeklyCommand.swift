import ArgumentParser
import ClarityDelivery
import ClarityModel
import ClarityRender
import ClarityStore
import Foundation

/// `clarity-report weekly`: the weekly stakeholder report.
struct WeeklyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly",
        abstract: "Write the weekly stakeholder report.",
        discussion: "The default week is the last complete ISO week (Monday to Sunday, UTC days) in the store.")

    enum OutputFormat: String, ReportFormat {
        case html, md, json, eml

        static let help = "Output format: html (the web page), md, json (the model) or eml (the email, for `--send`, `send` or `sendmail -t`)."
        static let standard = OutputFormat.html
    }

    @OptionGroup var global: GlobalOptions

    @OptionGroup var period: WeekOptions

    @OptionGroup var formatOptions: FormatOptions<OutputFormat>

    var format: OutputFormat { formatOptions.format }

    @OptionGroup var output: OutputOptions

    @OptionGroup var email: EmailOptions

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        try email.validate(formatIsEmail: format == .eml)
    }

    func run() throws {
        let (loaded, store, report) = try period.load(global)
        let text: String
        switch format {
        case .json:
            text = try TemplateContext.json(report)
        case .md:
            text = try WeeklyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).markdown(report)
        case .html:
            text = try WeeklyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).html(report, charts: WeeklyCharts(report))
        case .eml:
            let envelope = try EmailEnvelope.make(
                configuration: loaded.configuration, report: report, to: email.to, from: email.from, subject: email.subject,
                date: try store.latestPull() ?? Instant(seconds: report.period.lastDay.advanced(by: 1).startSecond))
            let message = try WeeklyEmail(templates: try templateOptions.templateSet(configuration: loaded))
                .message(report, charts: WeeklyCharts(report), envelope: envelope)
            if message.isClippedByGmail {
                Console.error("warning: the HTML part is over Gmail's ~102 KB limit; Gmail will clip it. Trim the templates or the top segments.")
            }
            text = message.encoded()
            if email.send {
                try MailSubmission.deliver(text, loaded: loaded, name: output.out ?? "weekly-\(report.period.label).eml", out: output.out)
                return
            }
        }
        try output.emit(text, exact: format == .eml)
    }
}
