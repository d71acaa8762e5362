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
            `--format pdf` writes the summary as a PDF of one or two A4 (or `--paper letter`) pages, with no browser.
            """)

    enum OutputFormat: String, ReportFormat {
        case html, md, json, pdf

        static let help = "Output format: html, md, json (the model) or pdf."
        static let standard = OutputFormat.html
    }

    @OptionGroup var global: GlobalOptions

    @OptionGroup var period: MonthOptions

    @OptionGroup var formatOptions: FormatOptions<OutputFormat>

    @Option(name: .long, help: "The PDF's paper: a4 or letter.")
    var paper: MonthlyPDF.Paper = .a4

    @OptionGroup var output: OutputOptions

    @OptionGroup var templateOptions: TemplateOptions

    func run() throws {
        let (loaded, report) = try period.load(global)
        let text: String
        switch formatOptions.format {
        case .pdf:
            try output.emit(try MonthlyPDF(paper: paper).render(report, charts: MonthlyCharts(report)))
            return
        case .json: text = try TemplateContext.json(report)
        case .md: text = try MonthlyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).markdown(report)
        case .html:
            text = try MonthlyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).html(report, charts: MonthlyCharts(report))
        }
        try output.emit(text)
    }
}
