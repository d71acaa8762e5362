/// Something that submits one message to a mail server in one attempt: libcurl in use, a double in tests.
public protocol MailTransport: Sendable {
    /// Submits the message to its envelope recipients, returning nil once the server accepted it.
    func submit(_ message: OutgoingMessage) -> SubmissionFailure?
}
