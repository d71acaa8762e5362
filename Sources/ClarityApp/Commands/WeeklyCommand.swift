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

    @Option(name: .long, help: ArgumentHelp("With --format eml: a recipient (repeatable; default: the configuration's email.to).", valueName: "address"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --format eml: the sender (default: the configuration's email.from).", valueName: "address"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("With --format eml: the subject; {{project}}, {{week}} and {{headline}} are filled in (default: the configuration's email.subject).", valueName: "text"))
    var subject: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var templateOptions: TemplateOptions

    @Flag(name: .long, help: "With --format eml: send the message through the [email.smtp] server, as `send` does (exit 75: kept in the outbox).")
    var send = false

    func validate() throws {
        if send && format != .eml {
            throw ValidationError("--send needs --format eml.")
        }
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
            let envelope = try EmailEnvelope.make(configuration: loaded.configuration, report: report, to: to, from: from, subject: subject,
                                                  date: try store.latestPull() ?? Instant(seconds: report.period.lastDay.advanced(by: 1).startSecond))
            let message = try WeeklyEmail(templates: try templateOptions.templateSet(configuration: loaded))
                .message(report, charts: WeeklyCharts(report), envelope: envelope)
            if message.isClippedByGmail {
                Console.error("warning: the HTML part is over Gmail's ~102 KB limit; Gmail will clip it. Trim the templates or the top segments.")
            }
            text = message.encoded()
            if send {
                try deliver(text, loaded: loaded, name: output.out ?? "weekly-\(report.period.label).eml")
                return
            }
        }
        try output.emit(text, exact: format == .eml)
    }

    /// Sends the message (writing it to --out first when given), and exits 75 when it is kept in the outbox.
    private func deliver(_ text: String, loaded: LoadedConfiguration, name: String) throws {
        let bytes = Array(text.utf8)
        let message = try OutgoingMessage(eml: bytes, origin: name)
        let submission = try MailSubmission(loaded: loaded)
        if output.out != nil { try output.emit(bytes) }
        if try !submission.send(message, bytes: bytes, name: name) { throw ExitCode(MailSubmission.keptExitCode) }
    }
}
