/// A message file that cannot be sent as it is, saying where it is wrong and what to change.
public struct MessageError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or message the error is about.
    public let origin: String
    public let message: String

    public var description: String { "\(origin): \(message)" }
}
