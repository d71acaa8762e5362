/// A password that cannot be used, saying where it came from and what to fix; never holds the password.
public struct PasswordError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
