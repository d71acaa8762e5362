import ArgumentParser
import ClarityDelivery
import Foundation

/// `clarity-report send`: submits saved messages to the configured SMTP server.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send .eml messages through the SMTP server configured under [email.smtp].",
        discussion: """
            Envelope recipients are the messages' To, Cc and Bcc; the Bcc header is removed before transmission. A 4xx reply, a timeout or \
            a refused connection is retried (email.smtp.retries, waiting email.smtp.retry_delay seconds, doubling). A message that still \
            fails is kept in the outbox folder (email.smtp.outbox); `send --outbox` tries those again and removes each once delivered. \
            The password comes from email.smtp.password_file (readable by its owner only) or $CLARITY_SMTP_PASSWORD and is never printed. \
            Exit codes: 0 all delivered, 75 some kept in the outbox, 1 an error (a message that cannot be sent as it is, settings, password).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The messages to send, such as written by `weekly --format eml --out FILE`.", valueName: "file.eml"))
    var files: [String] = []

    @Flag(name: .long, help: "Send the messages kept in the outbox instead of files.")
    var outbox = false

    @Flag(name: .customLong("dry-run"), help: "Print each message's envelope and size and the server; connect to nothing.")
    var dryRun = false

    func validate() throws {
        if outbox == !files.isEmpty {
            throw ValidationError(
                outbox ? "give files or --outbox, not both." : "name the .eml files to send, or pass --outbox to send the kept ones.")
        }
    }

    func run() throws {
        let loaded = try global.loadConfiguration()
        let settings = loaded.configuration.email.smtp
        let paths = outbox ? try Outbox(folder: loaded.resolve(settings.outbox)).messages() : files
        if outbox && paths.isEmpty {
            Console.out("The outbox (\(loaded.resolve(settings.outbox))) is empty; nothing to send.")
            return
        }
        // Every message is read and checked before the first connection, so a bad one stops the run with nothing sent.
        var messages: [(path: String, bytes: [UInt8], message: OutgoingMessage)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SendError(message: "cannot read \(path). Check the path; `weekly --format eml --out FILE` writes a message.")
            }
            let bytes = [UInt8](data)
            messages.append((path, bytes, try OutgoingMessage(eml: bytes, origin: path)))
        }
        if dryRun {
            for entry in messages { Console.out(MailSubmission.dryRun(entry.message, name: entry.path, settings: settings)) }
            return
        }
        let submission = try MailSubmission(loaded: loaded)
        var kept = 0
        for (index, entry) in messages.enumerated() {
            let name = messages.count > 1 ? "[\(index + 1)/\(messages.count)] \(entry.path)" : entry.path
            let delivered = try submission.send(entry.message, bytes: entry.bytes, name: name, keptAt: outbox ? entry.path : nil)
            if !delivered { kept += 1 }
        }
        if kept > 0 { throw ExitCode(MailSubmission.keptExitCode) }
    }
}
