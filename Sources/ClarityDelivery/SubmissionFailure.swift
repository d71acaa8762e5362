/// Why the server did not take a message, and whether trying again later may work.
public struct SubmissionFailure: Error, CustomStringConvertible, Sendable, Equatable {
    /// A 4xx reply, a timeout or a connection that failed: worth another attempt.
    public let isTransient: Bool
    /// What happened, with the server's reply when there was one; never the password.
    public let reason: String

    public init(isTransient: Bool, reason: String) {
        self.isTransient = isTransient
        self.reason = reason
    }

    public var description: String { reason }
}
