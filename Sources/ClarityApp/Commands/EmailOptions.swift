import ArgumentParser

/// The options of a report command that can write its report as an email (`--format eml`) and send it.
struct EmailOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("With --format eml: a recipient (repeatable; default: the configuration's email.to).", valueName: "address"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --format eml: the sender (default: the configuration's email.from).", valueName: "address"))
    var from: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format eml: the subject; {{project}}, {{week}} (weekly) or {{month}} (monthly) and {{headline}} are filled in "
                + "(default: the configuration's email.subject or email.monthly_subject).", valueName: "text"))
    var subject: String?

    @Flag(name: .long, help: "With --format eml: send the message through the [email.smtp] server, as `send` does (exit 75: kept in the outbox).")
    var send = false

    /// Refuses `--send` without `--format eml`.
    func validate(formatIsEmail: Bool) throws {
        if send && !formatIsEmail {
            throw ValidationError("--send needs --format eml.")
        }
    }
}
