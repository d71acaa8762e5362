/// One POST to a webhook, retried while the answer is a 5xx, a 429 or none, as the policy allows.
public struct WebhookDelivery: Sendable {
    public let transport: any WebhookTransport
    public let policy: RetryPolicy
    /// Waits the given seconds; injected so tests do not wait.
    public let sleep: @Sendable (Double) -> Void

    public init(transport: any WebhookTransport, policy: RetryPolicy, sleep: @escaping @Sendable (Double) -> Void) {
        self.transport = transport
        self.policy = policy
        self.sleep = sleep
    }

    /// Posts the body; returns the attempts made, or throws with what the last answer was. `log` hears of each retry.
    public func deliver(_ body: [UInt8], log: (String) -> Void) throws(WebhookError) -> Int {
        var attempt = 1
        while true {
            let answer = transport.post(body)
            if case .status(let code) = answer, (200..<300).contains(code) { return attempt }
            let reason: String
            switch answer {
            case .status(let code): reason = "the webhook answered HTTP \(code)"
            case .unreachable(let why): reason = why
            }
            guard answer.isTransient, attempt <= policy.retries else {
                let hint = answer.isTransient ? "the next `alert` run delivers these findings" : "check the webhook address and alert.webhook_kind"
                throw WebhookError(message: "\(reason) after \(attempt) attempt\(attempt == 1 ? "" : "s"); nothing was recorded as sent, \(hint).")
            }
            let wait = policy.delay(beforeRetry: attempt)
            log("attempt \(attempt): \(reason); retrying in \(wait == wait.rounded() ? "\(Int(wait))" : "\(wait)") s")
            sleep(wait)
            attempt += 1
        }
    }
}
