/// An incoming webhook's address: a secret (whoever holds it can post to the channel), never printed or logged.
public struct WebhookURL: Sendable, Equatable, CustomStringConvertible {
    /// The address itself; only the transport reads it.
    public let secret: String
    /// Where it came from, such as the file's path or `$CLARITY_ALERT_WEBHOOK`, for messages.
    public let origin: String

    /// The environment variable read when no webhook file is set.
    public static let environmentVariable = "CLARITY_ALERT_WEBHOOK"

    /// Takes the first line of the text; refuses anything but one http(s) address without spaces or control characters.
    public init(_ text: String, origin: String) throws(WebhookError) {
        let first = text.split(whereSeparator: \.isNewline).first ?? ""
        let line = String(first.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        guard line.hasPrefix("https://") || line.hasPrefix("http://") else {
            throw WebhookError(
                message: "the webhook URL from \(origin) does not start with https:// (or http://). Put only the incoming webhook's address there.")
        }
        guard !line.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw WebhookError(
                message: "the webhook URL from \(origin) holds spaces or control characters. Put only the incoming webhook's address there.")
        }
        self.secret = line
        self.origin = origin
    }

    /// Only the scheme and host, so a log can say where without giving the secret path away.
    public var description: String {
        let rest = secret.drop { $0 != ":" }.dropFirst(3)
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        return "\(secret.prefix { $0 != ":" })://\(host)/…"
    }
}

/// Why a webhook could not be used or reached; the message never holds its URL.
public struct WebhookError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
