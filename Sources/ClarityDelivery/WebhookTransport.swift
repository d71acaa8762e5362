/// An HTTP POST of a JSON body to an incoming webhook; answers the status, or why no answer came.
public protocol WebhookTransport: Sendable {
    func post(_ body: [UInt8]) -> WebhookAnswer
}

/// How one POST ended.
public enum WebhookAnswer: Sendable, Equatable {
    case status(Int)
    /// No HTTP answer (refused, timed out, TLS); the reason never holds the URL.
    case unreachable(String)

    /// Worth trying again: a 5xx, a 429, or no answer at all.
    var isTransient: Bool {
        switch self {
        case .status(let code): return code >= 500 || code == 429
        case .unreachable: return true
        }
    }
}
