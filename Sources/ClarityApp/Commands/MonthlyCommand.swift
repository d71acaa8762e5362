import ArgumentParser
import ClarityModel
import ClarityRender
import ClarityStore
import Foundation

extension MonthlyPDF.Paper: ExpressibleByArgument {}

/// `clarity-report monthly`: the executive monthly summary.
struct MonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "Write the executive monthly summary.",
        discussion: """
            A calendar month of UTC days against the month before and, when the store has it, the same month a year earlier. \
            The default month is the last complete month in the store. The HTML is made for the screen and for print; \
            `--format pdf` writes the summary as a PDF of one or two A4 (or `--paper letter`) pages, with no browser; \
            `--format eml` writes an email carrying the summary in short with that PDF attached (`--send` sends it).
            """)

    enum OutputFormat: String, ReportFormat {
        case html, md, json, pdf, eml

        static let help =
            "Output format: html, md, json (the model), pdf, or eml (an email with the PDF attached, for `--send`, `send` or `sendmail -t`)."
        static let standard = OutputFormat.html
    }

    @OptionGroup var global: GlobalOptions

    @OptionGroup var period: MonthOptions

    @OptionGroup var formatOptions: FormatOptions<OutputFormat>

    var format: OutputFormat { formatOptions.format }

    @Option(name: .long, help: "The PDF's paper: a4 or letter.")
    var paper: MonthlyPDF.Paper = .a4

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
        case .pdf:
            try output.emit(try MonthlyPDF(paper: paper).render(report, charts: MonthlyCharts(report)))
            return
        case .eml:
            let pdf = try MonthlyPDF(paper: paper).render(report, charts: MonthlyCharts(report))
            let envelope = try EmailEnvelope.make(
                configuration: loaded.configuration, report: report, to: email.to, from: email.from, subject: email.subject,
                date: try store.latestPull() ?? Instant(seconds: report.period.lastDay.advanced(by: 1).startSecond))
            text = try MonthlyEmail(templates: try templateOptions.templateSet(configuration: loaded)).message(report, pdf: pdf, envelope: envelope)
                .encoded()
            if email.send {
                try MailSubmission.deliver(text, loaded: loaded, name: output.out ?? "monthly-\(report.period.label).eml", out: output.out)
                return
            }
        case .json: text = try TemplateContext.json(report)
        case .md: text = try MonthlyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).markdown(report)
        case .html:
            text = try MonthlyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).html(report, charts: MonthlyCharts(report))
        }
        try output.emit(text, exact: format == .eml)
    }
}
