import ArgumentParser
import ClarityDelivery
import ClarityFetch
import ClarityModel
import Foundation

/// Submits messages to the `[email.smtp]` server and keeps the ones that still fail in the outbox; `send` and `weekly --send` share it.
struct MailSubmission {
    /// The exit code when every message was either delivered or kept, and at least one was kept: sendmail's EX_TEMPFAIL.
    static let keptExitCode: Int32 = 75

    let settings: ReportConfiguration.Email.SMTP
    let outbox: Outbox
    let delivery: Delivery

    /// The submission the configuration describes; reads the password, so it fails before any connection when one is missing.
    init(loaded: LoadedConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        settings = loaded.configuration.email.smtp
        outbox = Outbox(folder: loaded.resolve(settings.outbox))
        guard !settings.host.isEmpty else {
            throw SendError(
                message: "no SMTP server: set host under [email.smtp] in clarity-report.toml (`clarity-report config` lists every setting), "
                    + "or pipe `weekly --format eml` into `sendmail -t`.")
        }
        let password = try Self.password(settings: settings, loaded: loaded, environment: environment)
        let transport = CurlSMTPTransport(
            server: settings, caFile: settings.caFile.isEmpty ? nil : loaded.resolve(settings.caFile), password: password)
        delivery = Delivery(
            transport: transport, policy: RetryPolicy(retries: settings.retries, firstDelay: Double(settings.retryDelay)),
            sleep: { Thread.sleep(forTimeInterval: $0) })
    }

    /// Sends an encoded message a report command made (writing it to `out` first when given), and exits 75 when it is
    /// kept in the outbox: `weekly --send` and `monthly --send` share it.
    static func deliver(_ text: String, loaded: LoadedConfiguration, name: String, out: String?) throws {
        let bytes = Array(text.utf8)
        let message = try OutgoingMessage(eml: bytes, origin: name)
        let submission = try MailSubmission(loaded: loaded)
        if let out { try OutputFile.write(bytes, to: out) }
        if try !submission.send(message, bytes: bytes, name: name) { throw ExitCode(keptExitCode) }
    }

    /// The password from `password_file` when set, else from `$CLARITY_SMTP_PASSWORD`; nil when no username asks for a login.
    static func password(
        settings: ReportConfiguration.Email.SMTP, loaded: LoadedConfiguration,
        environment: [String: String]
    ) throws -> SMTPPassword? {
        guard !settings.username.isEmpty else { return nil }
        if !settings.passwordFile.isEmpty {
            let path = loaded.resolve(settings.passwordFile)
            let text: String
            do {
                text = try SecretFile(kind: "SMTP password file", option: "email.smtp.password_file").read(path)
            } catch {
                throw SendError(message: error.message)
            }
            return try SMTPPassword(text, origin: path)
        }
        if let text = environment[SMTPPassword.environmentVariable] {
            return try SMTPPassword(text, origin: "$\(SMTPPassword.environmentVariable)")
        }
        throw SendError(
            message: "email.smtp.username is \"\(settings.username)\" but no password is given: set \(SMTPPassword.environmentVariable), "
                + "or email.smtp.password_file to a file only you can read (chmod 600 FILE).")
    }

    /// Delivers one message; a failure is kept in the outbox unless the message already sits there. Returns whether it was delivered.
    func send(_ message: OutgoingMessage, bytes: [UInt8], name: String, keptAt outboxPath: String? = nil) throws -> Bool {
        let outcome = delivery.deliver(message) { Console.error("\(name): \($0)") }
        guard let failure = outcome.failure else {
            let tries = outcome.attempts == 1 ? "" : " (\(outcome.attempts) attempts)"
            Console.out(
                "\(name): delivered to \(message.recipients.count) recipient\(message.recipients.count == 1 ? "" : "s") "
                    + "via \(settings.host):\(settings.port)\(tries)")
            if let outboxPath { try outbox.remove(outboxPath) }
            return true
        }
        let kept = try outboxPath ?? outbox.keep(bytes, at: SystemClock.now())
        let tries = outcome.attempts == 1 ? "1 attempt" : "\(outcome.attempts) attempts"
        Console.error("\(name): not delivered after \(tries): \(failure.reason)")
        Console.error("\(name): kept in the outbox as \(kept); `clarity-report send --outbox` tries it again.")
        return false
    }

    /// What `--dry-run` prints for a message: its envelope and size, and the server it would go to.
    static func dryRun(_ message: OutgoingMessage, name: String, settings: ReportConfiguration.Email.SMTP) -> String {
        var lines = [
            "\(name): \(message.transmitted.count) bytes to transmit" + (message.bcc.isEmpty ? "" : " (Bcc header removed)"),
            "  MAIL FROM:<\(message.sender.address)>",
        ]
        var seen = Set<String>()
        for (addresses, label) in [(message.to, "To"), (message.cc, "Cc"), (message.bcc, "Bcc")] {
            for address in addresses where seen.insert(address.address.lowercased()).inserted {
                lines.append("  RCPT TO:<\(address.address)> (\(label))")
            }
        }
        let server =
            settings.host.isEmpty
            ? "none set ([email.smtp] host)"
            : "\(settings.host):\(settings.port), \(settings.security.rawValue)"
                + (settings.username.isEmpty ? ", no login" : ", login as \"\(settings.username)\"")
        lines.append("  server: \(server); nothing was sent")
        return lines.joined(separator: "\n")
    }
}
