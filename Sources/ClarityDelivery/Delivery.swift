/// One message's delivery: an attempt, and retries while failures are transient and the policy allows.
public struct Delivery: Sendable {
    public let transport: any MailTransport
    public let policy: RetryPolicy
    /// Waits the given seconds; injected so tests do not wait.
    public let sleep: @Sendable (Double) -> Void

    public init(transport: any MailTransport, policy: RetryPolicy, sleep: @escaping @Sendable (Double) -> Void) {
        self.transport = transport
        self.policy = policy
        self.sleep = sleep
    }

    /// How a delivery ended.
    public struct Outcome: Sendable, Equatable {
        /// Submissions made, retries included.
        public let attempts: Int
        /// Why the message was not delivered; nil when it was.
        public let failure: SubmissionFailure?
    }

    /// Submits the message, retrying transient failures; `log` hears of each retry.
    public func deliver(_ message: OutgoingMessage, log: (String) -> Void) -> Outcome {
        var attempt = 1
        while true {
            guard let failure = transport.submit(message) else { return Outcome(attempts: attempt, failure: nil) }
            guard failure.isTransient, attempt <= policy.retries else { return Outcome(attempts: attempt, failure: failure) }
            let wait = policy.delay(beforeRetry: attempt)
            log("attempt \(attempt) failed (\(failure.reason)); retrying in \(Self.seconds(wait))")
            sleep(wait)
            attempt += 1
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\((value * 10).rounded() / 10) s"
    }
}
