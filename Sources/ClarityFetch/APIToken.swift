import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            throw TokenError(message: "\(origin) is empty. Put the Data Export token there (Clarity: Settings > Data Export > Generate new API token).")
        }
        // Anything but visible ASCII inside would break, or inject into, the Authorization header.
        guard secret.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw TokenError(message: "\(origin) holds more than one token-like word or characters a token never has. It must hold the token alone, on one line.")
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

    /// Largest token file read; a Data Export token is a JWT of about a kilobyte.
    static let largestFile = 16 * 1024

    /// Reads a token file, refusing one that its group or others may use; checked on the open file, so it cannot be swapped in between.
    public static func read(file path: String) throws(TokenError) -> APIToken {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TokenError(message: "cannot open the token file \(path): \(String(cString: strerror(errno))). Check the path given to --token-file.")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw TokenError(message: "cannot inspect the token file \(path): \(String(cString: strerror(errno))).")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw TokenError(message: "the token file \(path) is not a regular file. Point --token-file at the file that holds the token.")
        }
        let mode = Int(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else {
            throw TokenError(message: "the token file \(path) is open to its group or to others (mode \(octal(mode))); the token is a secret. Run: chmod 600 \(path)")
        }
        guard info.st_size <= largestFile else {
            throw TokenError(message: "the token file \(path) is \(info.st_size) bytes, too large to hold a token. Point --token-file at the file that holds only the token.")
        }
        let data: Data?
        do {
            data = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).read(upToCount: largestFile)
        } catch {
            throw TokenError(message: "cannot read the token file \(path): \(error.localizedDescription).")
        }
        guard let text = String(data: data ?? Data(), encoding: .utf8) else {
            throw TokenError(message: "the token file \(path) is not text. Point --token-file at the file that holds the token.")
        }
        return try APIToken(text, origin: "the token file \(path)")
    }

    private static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// Why no token could be had; the message says what to do and never holds the token.
public struct TokenError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
