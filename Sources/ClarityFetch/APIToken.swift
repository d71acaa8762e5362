import Foundation

/// The Data Export API token, which prints, logs and reflects as `<redacted>` wherever it goes.
public struct APIToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The token itself; only this module reads it, to build the `Authorization` header.
    let secret: String

    /// The environment variable a token may come from.
    public static let environmentVariable = "CLARITY_API_TOKEN"

    /// A token from its text, without surrounding whitespace; `origin` names where it came from in errors.
    public init(_ text: String, origin: String) throws(TokenError) {
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else {
            throw TokenError(
                message: "\(origin) is empty. Put the Data Export token there (Clarity: Settings > Data Export > Generate new API token).")
        }
        // Anything but visible ASCII inside would break, or inject into, the Authorization header.
        guard secret.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw TokenError(
                message: "\(origin) holds more than one token-like word or characters a token never has. It must hold the token alone, on one line.")
        }
        self.secret = secret
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The text with every occurrence of the token replaced by `<redacted>`.
    func redacting(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "<redacted>")
    }

    /// The token from a file when one is named, else from `CLARITY_API_TOKEN`; a named file wins over the environment.
    public static func load(file: String?, environment: [String: String]) throws(TokenError) -> APIToken {
        if let file { return try read(file: file) }
        if let text = environment[environmentVariable] {
            return try APIToken(text, origin: "the environment variable \(environmentVariable)")
        }
        throw TokenError(message: "no API token: set \(environmentVariable) or pass --token-file PATH (a file only you can read: chmod 600 PATH).")
    }

    /// Reads a token file, refusing one that its group or others may use.
    public static func read(file path: String) throws(TokenError) -> APIToken {
        let text: String
        do {
            text = try SecretFile(kind: "token file", option: "--token-file").read(path)
        } catch {
            throw TokenError(message: error.message)
        }
        return try APIToken(text, origin: "the token file \(path)")
    }
}

/// Why no token could be had; the message says what to do and never holds the token.
public struct TokenError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
