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

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case html, md, json, eml
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The ISO week, e.g. 2026-W47.", valueName: "week"))
    var week: String?

    @Option(name: .long, help: "Output format: html (the web page), md, json (the model) or eml (the email, for `--send`, `send` or `sendmail -t`).")
    var format: OutputFormat = .html

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    @OptionGroup var email: EmailOptions

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        try email.validate(formatIsEmail: format == .eml)
        if let week, ISOWeek(label: week) == nil {
            throw ValidationError("--week \"\(week)\" is not an ISO week; write it like 2026-W47 (weeks run 01 to 52 or 53).")
        }
    }

    func run() throws {
        let loaded = try global.loadConfiguration()
        let store = try global.openStoreForReading()
        let report = try WeeklyPipeline.model(store: store, week: week.flatMap(ISOWeek.init(label:)),
                                              project: loaded.project, settings: loaded.reportSettings, releaseWindow: loaded.releaseWindow)
        let text: String
        switch format {
        case .json:
            text = try TemplateContext.json(report)
        case .md:
            text = try WeeklyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).markdown(report)
        case .html:
            text = try WeeklyRenderer(templates: try templateOptions.templateSet(configuration: loaded)).html(report, charts: WeeklyCharts(report))
        case .eml:
            let envelope = try EmailEnvelope.make(configuration: loaded.configuration, report: report, to: email.to, from: email.from, subject: email.subject,
                                                  date: try store.latestPull() ?? Instant(seconds: report.period.lastDay.advanced(by: 1).startSecond))
            let message = try WeeklyEmail(templates: try templateOptions.templateSet(configuration: loaded))
                .message(report, charts: WeeklyCharts(report), envelope: envelope)
            if message.isClippedByGmail {
                Console.error("warning: the HTML part is over Gmail's ~102 KB limit; Gmail will clip it. Trim the templates or the top segments.")
            }
            text = message.encoded()
            if email.send {
                try MailSubmission.deliver(text, loaded: loaded, name: out ?? "weekly-\(report.period.label).eml", out: out)
                return
            }
        }
        if let out {
            try OutputFile.write(text, to: out)
        } else {
            Console.out(text, terminator: format == .eml || text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
