/// The SMTP password, which prints, logs and reflects as `<redacted>` wherever it goes.
public struct SMTPPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The password itself; only the transport reads it, to log in.
    let secret: String

    /// The environment variable a password may come from.
    public static let environmentVariable = "CLARITY_SMTP_PASSWORD"

    /// A password from a file's or variable's text, without its final line break; `origin` names where it came from in errors.
    public init(_ text: String, origin: String) throws(PasswordError) {
        var secret = Substring(text)
        while let last = secret.last, last == "\n" || last == "\r\n" || last == "\r" { secret = secret.dropLast() }
        guard !secret.isEmpty else {
            throw PasswordError(message: "\(origin): the SMTP password is empty. Put the password there, on one line.")
        }
        guard !secret.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw PasswordError(
                message: "\(origin): the SMTP password holds a line break or control character. It must be the password alone, on one line.")
        }
        self.secret = String(secret)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
