/// How often and how soon a transient failure is tried again.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts after the first.
    public let retries: Int
    /// Seconds before the first retry; each next wait doubles.
    public let firstDelay: Double

    public init(retries: Int, firstDelay: Double) {
        self.retries = retries
        self.firstDelay = firstDelay
    }

    /// The wait before retry `number` (1-based).
    public func delay(beforeRetry number: Int) -> Double {
        firstDelay * Double(1 << min(number - 1, 16))
    }
}
