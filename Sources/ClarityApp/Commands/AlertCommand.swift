import ArgumentParser
import ClarityDelivery
import ClarityFetch
import ClarityModel
import ClarityRender
import ClarityStore
import Foundation

/// `clarity-report alert`: the daily anomaly check, run after `fetch`.
struct AlertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert",
        abstract: "Check the latest day for anomalies and tell the team.",
        discussion: """
            Scores the latest day the store covers (or --day) against the 28 days before, weekday by weekday, for the site \
            and every segment of every breakdown the day has, and reports the figures that left their usual values. An \
            anomaly is reported once while it goes on (--repeat sends it again); two runs at once send it once. \
            The webhook's address is a secret: from [alert] webhook_file, --webhook-file (owner-only files) or \
            $CLARITY_ALERT_WEBHOOK, never from the command line, and never printed.
            Exit codes: 0 nothing new found, 2 findings (sent, or only printed with --dry-run), 75 the email kept in the \
            outbox (it stays reported), 1 an error (nothing recorded).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, eml
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The UTC day to check, e.g. 2026-11-18 (default: the latest day with site totals).", valueName: "date"))
    var day: String?

    @Option(name: .long, help: "Output format: text, json (the model) or eml (a short email, for --send, `send` or `sendmail -t`).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Also post the findings to the incoming webhook of [alert] (Slack, Microsoft Teams or plain JSON).")
    var webhook = false

    @Option(name: .customLong("webhook-file"), help: ArgumentHelp("A file holding the webhook URL, readable by its owner only.", valueName: "path"))
    var webhookFile: String?

    @Option(name: .customLong("webhook-kind"), help: ArgumentHelp("slack, teams or json (default: alert.webhook_kind).", valueName: "kind"))
    var webhookKind: String?

    @Option(name: .long, help: ArgumentHelp("With --format eml: a recipient (repeatable; default: email.to).", valueName: "address"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --format eml: the sender (default: email.from).", valueName: "address"))
    var from: String?

    @Flag(name: .long, help: "With --format eml: send the message through the [email.smtp] server, as `send` does.")
    var send = false

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    @Flag(name: .long, help: "Send the anomalies that are still ongoing again, not only the new ones.")
    var `repeat` = false

    @Flag(name: .customLong("dry-run"), help: "Print what would be sent; send nothing and record nothing.")
    var dryRun = false

    func validate() throws {
        if let day, Day(iso: day) == nil {
            throw ValidationError("--day \"\(day)\" is not a date; write it like 2026-11-18.")
        }
        if send && format != .eml { throw ValidationError("--send needs --format eml.") }
        if let webhookKind, ReportConfiguration.Alert.WebhookKind(rawValue: webhookKind) == nil {
            throw ValidationError("--webhook-kind \"\(webhookKind)\" is not one of slack, teams, json.")
        }
    }

    func run() throws {
        let loaded = try global.loadConfiguration()
        let configuration = loaded.configuration
        let settings = AlertSettings(
            minimumSessions: configuration.report.minimumSessions, significance: configuration.alert.significance,
            baselineDays: configuration.alert.baselineDays, site: configuration.project.site,
            weeklyPageBaseURL: configuration.email.viewInBrowserBaseURL)
        // Everything that can fail before sending is checked before anything is recorded.
        let poster = webhook && !dryRun ? try webhookDelivery(loaded) : nil
        let store = dryRun ? try global.openStoreForReading() : try global.openStore()
        let now = SystemClock.now()
        var report = try AlertPipeline.report(store: store, day: day.flatMap(Day.init(iso:)), project: loaded.project, settings: settings, now: now)
        var inserted: [AlertRecord] = []
        if !dryRun {
            let claim = try store.claimAlerts(
                day: report.day, findings: report.findings, tested: try AlertPipeline.testedKeys(report, store: store),
                repeat: `repeat`, now: now)
            inserted = claim.inserted
            for index in report.findings.indices {
                let key = report.findings[index].key
                if claim.ongoing[key] != nil { report.findings[index].status = claim.deliver.contains(key) ? "repeat" : "ongoing" }
            }
            report.ended = claim.ended.compactMap { record in
                record.endedDay.map { EndedAnomaly(key: record.key, text: record.text, firstDay: record.firstDay, endedDay: $0) }
            }
        }
        let news = report.findings.filter { $0.status != "ongoing" }
        var keptInOutbox = false
        do {
            keptInOutbox = try output(report, loaded: loaded, hasNews: !news.isEmpty)
            if let poster, !news.isEmpty {
                let body = try payload(report, kind: kind(loaded))
                let attempts = try poster.deliver(body) { Console.error("webhook: \($0)") }
                Console.error("webhook: \(news.count) finding\(news.count == 1 ? "" : "s") posted" + (attempts > 1 ? " (\(attempts) attempts)" : ""))
            }
        } catch {
            try store.releaseAlerts(inserted)
            throw error
        }
        // A message kept in the outbox is delivered by `send --outbox`, so its findings stay claimed; exit 75 as `weekly --send`.
        if keptInOutbox { throw ExitCode(MailSubmission.keptExitCode) }
        if !news.isEmpty { throw ExitCode(2) }
    }

    private func kind(_ loaded: LoadedConfiguration) -> ReportConfiguration.Alert.WebhookKind {
        webhookKind.flatMap(ReportConfiguration.Alert.WebhookKind.init(rawValue:)) ?? loaded.configuration.alert.webhookKind
    }

    private func payload(_ report: AlertReport, kind: ReportConfiguration.Alert.WebhookKind) throws -> [UInt8] {
        switch kind {
        case .slack: return try AlertMessages.slack(report)
        case .teams: return try AlertMessages.teams(report)
        case .json: return Array(try TemplateContext.json(report).utf8)
        }
    }

    /// Prints or writes the report; an email with `--send` goes to the SMTP server, and only when there is news.
    /// Returns whether the message was kept in the outbox.
    private func output(_ report: AlertReport, loaded: LoadedConfiguration, hasNews: Bool) throws -> Bool {
        let text: String
        switch format {
        case .text:
            text = AlertMessages.text(report)
        case .json:
            text = try TemplateContext.json(report)
        case .eml:
            guard hasNews else {
                Console.error(AlertMessages.text(report).split(separator: "\n").first.map(String.init) ?? "")
                return false
            }
            let configuration = loaded.configuration
            let recipients = to.isEmpty ? configuration.email.to : to
            guard !recipients.isEmpty else { throw ValidationError("no recipient: pass --to ADDRESS or set email.to in clarity-report.toml.") }
            let sender = from ?? configuration.email.from
            guard !sender.isEmpty else { throw ValidationError("no sender: pass --from ADDRESS or set email.from in clarity-report.toml.") }
            let message: MIMEMessage
            do {
                message = try AlertMessages.email(
                    report, from: try EmailAddress(parsing: sender), to: try recipients.map { try EmailAddress(parsing: $0) },
                    bcc: try configuration.email.bcc.map { try EmailAddress(parsing: $0) },
                    date: Instant(seconds: report.day.advanced(by: 1).startSecond))
            } catch let error as EmailError {
                throw ValidationError("email header: \(error)")
            }
            text = message.encoded()
            if send {
                let bytes = Array(text.utf8)
                let name = out ?? "alert-\(report.day.iso).eml"
                if let out { try OutputFile.write(bytes, to: out) }
                return try !MailSubmission(loaded: loaded).send(try OutgoingMessage(eml: bytes, origin: name), bytes: bytes, name: name)
            }
        }
        if let out {
            try OutputFile.write(text, to: out)
        } else {
            Console.out(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        return false
    }

    /// The webhook poster: its URL from --webhook-file, alert.webhook_file or $CLARITY_ALERT_WEBHOOK, with [alert]'s retries.
    private func webhookDelivery(_ loaded: LoadedConfiguration) throws -> WebhookDelivery {
        let settings = loaded.configuration.alert
        let path = webhookFile ?? (settings.webhookFile.isEmpty ? nil : loaded.resolve(settings.webhookFile))
        let url: WebhookURL
        if let path {
            let text: String
            do {
                text = try SecretFile(kind: "webhook file", option: webhookFile == nil ? "alert.webhook_file" : "--webhook-file").read(path)
            } catch {
                throw WebhookError(message: error.message)
            }
            url = try WebhookURL(text, origin: path)
        } else if let text = ProcessInfo.processInfo.environment[WebhookURL.environmentVariable], !text.isEmpty {
            url = try WebhookURL(text, origin: "$\(WebhookURL.environmentVariable)")
        } else {
            throw WebhookError(
                message: "--webhook needs the webhook's address: set alert.webhook_file to a file only you can read (chmod 600), "
                    + "pass --webhook-file PATH, or set $\(WebhookURL.environmentVariable).")
        }
        return WebhookDelivery(
            transport: CurlWebhookTransport(url: url), policy: RetryPolicy(retries: settings.retries, firstDelay: Double(settings.retryDelay)),
            sleep: { Thread.sleep(forTimeInterval: $0) })
    }
}
