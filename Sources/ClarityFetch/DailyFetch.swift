import ClarityModel
import ClarityStore
import Foundation

/// How long a fetch waits for an answer and before a retry.
public struct FetchPolicy: Sendable, Equatable {
    /// Seconds without an answer after which a request counts as timed out.
    public var timeout: Double
    /// Seconds to wait before the one retry of a request that met a 5xx or a timeout.
    public var retryDelay: Double

    public init(timeout: Double = 60, retryDelay: Double = 30) {
        self.timeout = timeout
        self.retryDelay = retryDelay
    }
}

/// The daily pull: asks the API for each request of a plan within the day's budget and stores every answer.
///
/// Decisions where the issue is silent:
/// - Requests are asked in plan order; when the budget runs out the later ones wait for the next UTC day.
/// - A 5xx or a timeout is retried once, after `retryDelay`, in a newly reserved slot; if the retry fails too the run
///   stops, keeping the rest of the budget for a later run instead of spending it on an API that is down.
/// - A 400 fails that request only; any other unexpected status (404, 3xx...) stops the run, as it points at a wrong
///   endpoint that would fail every request.
/// - A connection failure stops the run; its slot stays counted, since the ledger cannot know whether the API saw it.
/// - Error bodies (4xx, 5xx) are not stored; every 2xx body is, parsed or raw.
/// - Every line logged and every reason reported has the token's value replaced, even if an answer echoed it back.
/// - The token is only sent over https, or to a loopback address (a local test server or tunnel).
/// - Any other error a transport throws (cancellation) ends the run and reaches the caller, like a store failure.
public enum DailyFetch {
    /// The Data Export API endpoint.
    public static let defaultEndpoint = URL(string: "https://www.clarity.ms/export-data/api/v1/project-live-insights")!

    /// Runs a plan; throws only for an endpoint the token must not go to or when the store fails, every API outcome is in the report.
    public static func run(
        plan: FetchPlan, store: MetricStore, transport: any HTTPTransport, token: APIToken, endpoint: URL,
        clock: any FetchClock, sleeper: any FetchSleeper, policy: FetchPolicy = FetchPolicy(),
        log: (String) -> Void
    ) async throws -> FetchReport {
        try checkSafe(endpoint)
        func say(_ line: String) { log(token.redacting(line)) }
        let asking = Asking(store: store, transport: transport, token: token, endpoint: endpoint, clock: clock, sleeper: sleeper, policy: policy)
        let day = clock.now().day
        let opening = try store.requestBudget(on: day)
        say(
            "Fetch \(plan.name): \(FetchReport.counted(plan.requests.count, "request")); \(opening.left) of \(opening.limit) left for \(day.iso) (UTC)."
        )

        var entries: [FetchReport.Entry] = []
        var stop: FetchReport.Stop?
        for (index, request) in plan.requests.enumerated() {
            guard stop == nil else {
                entries.append(FetchReport.Entry(request: request, attempts: [], result: .notAsked))
                continue
            }
            let step = "[\(index + 1)/\(plan.requests.count)]"
            let entry: FetchReport.Entry
            (entry, stop) = try await asking.ask(request, say: { say("\(step) \(request): \($0)") })
            say("\(step) \(entry)")
            entries.append(entry)
        }
        if let stop { say("Stopped: \(stop.message)") }
        var recovery = MissedDays(recoveries: [], pending: [], stop: nil)
        if stop == nil {
            recovery = try await recoverMissedDays(plan: plan, asking: asking, say: say)
        }
        return FetchReport(
            plan: plan.name, day: day, entries: entries, stop: stop, budget: try store.requestBudget(on: day),
            recoveries: recovery.recoveries, pending: recovery.pending, recoveryStop: recovery.stop)
    }

    /// What one run works with, so each request is asked the same way.
    struct Asking {
        let store: MetricStore
        let transport: any HTTPTransport
        let token: APIToken
        let endpoint: URL
        let clock: any FetchClock
        let sleeper: any FetchSleeper
        let policy: FetchPolicy

        /// Asks one request, once or twice, each time in a newly reserved slot; returns its entry and why the run must stop, if it must.
        func ask(_ request: FetchRequest, numOfDays: Int = 1, say: (String) -> Void) async throws -> (FetchReport.Entry, FetchReport.Stop?) {
            let url = request.url(endpoint: endpoint, numOfDays: numOfDays)
            let ledgerText = numOfDays == 1 ? request.description : "\(request), \(numOfDays)-day"
            let headers = ["Authorization": "Bearer \(token.secret)", "Accept": "application/json", "User-Agent": "clarity-report"]
            var attempts: [FetchReport.Attempt] = []
            func done(_ result: FetchReport.Result, _ stop: FetchReport.Stop? = nil) -> (FetchReport.Entry, FetchReport.Stop?) {
                (FetchReport.Entry(request: request, attempts: attempts, result: result), stop)
            }
            while true {
                guard let slot = try store.reserveRequest(ledgerText, at: clock.now()) else {
                    return done(attempts.isEmpty ? .notAsked : .failed("no request left today to retry"), .budgetSpent)
                }
                let answer: HTTPResponse
                do {
                    answer = try await transport.get(url, headers: headers, timeout: policy.timeout)
                } catch let error as TransportError {
                    switch error {
                    case .timedOut:
                        attempts.append(.timedOut)
                        try store.recordOutcome(of: slot, status: nil, outcome: "timeout")
                        if attempts.count < 2 {
                            say("\(error); retrying in \(Int(policy.retryDelay)) s.")
                            try await sleeper.sleep(seconds: policy.retryDelay)
                            continue
                        }
                        return done(.failed("no answer, twice"), .apiFailing(request))
                    case .unreachable(let reason):
                        attempts.append(.unreachable)
                        try store.recordOutcome(of: slot, status: nil, outcome: "unreachable")
                        let shown = DailyFetch.printable(token.redacting(reason))
                        return done(.failed(shown), .unreachable(shown))
                    }
                }
                let status = answer.status
                attempts.append(.status(status))
                switch status {
                case 200..<300:
                    let result = try keep(answer.body, of: request, numOfDays: numOfDays)
                    try store.recordOutcome(of: slot, status: status, outcome: DailyFetch.outcomeWord(result))
                    return done(result)
                case 401, 403:
                    try store.recordOutcome(of: slot, status: status, outcome: "token refused")
                    return done(.failed("the token was refused"), .tokenRefused(status: status))
                case 429:
                    try store.recordOutcome(of: slot, status: status, outcome: "limit reached")
                    try store.markBudgetSpent(on: slot.day, at: clock.now())
                    return done(.failed("the daily limit is reached"), .limitReached)
                case 500..<600:
                    try store.recordOutcome(of: slot, status: status, outcome: "server error")
                    if attempts.count < 2 {
                        say("HTTP \(status); retrying in \(Int(policy.retryDelay)) s.")
                        try await sleeper.sleep(seconds: policy.retryDelay)
                        continue
                    }
                    return done(.failed("the API failed, twice"), .apiFailing(request))
                case 400:
                    try store.recordOutcome(of: slot, status: status, outcome: "bad request")
                    return done(.failed("the API refused the request's parameters"))
                default:
                    try store.recordOutcome(of: slot, status: status, outcome: "unexpected status")
                    return done(.failed("an answer the API does not give"), .unexpectedStatus(status))
                }
            }
        }

        /// Stores a 2xx body: through `ingest` when it parses, kept raw with the reason when it does not.
        private func keep(_ body: [UInt8], of request: FetchRequest, numOfDays: Int) throws -> FetchReport.Result {
            let pulledAt = clock.now()
            let submission = ResponseSubmission(
                bytes: body, pulledAt: pulledAt, numOfDays: numOfDays, declaredDimensions: request.dimensions,
                source: numOfDays == 1 ? "fetch: \(request)" : "fetch: \(request), \(numOfDays)-day")
            do {
                switch try store.ingest(submission, at: pulledAt) {
                case .ingested(let snapshot): return .stored(snapshot)
                case .duplicate(let existingID, _): return .alreadyStored(snapshotID: existingID)
                }
            } catch let error as IngestError {
                let reason = DailyFetch.printable(token.redacting(DailyFetch.parseProblem(error)))
                switch try store.keepUnparsed(submission, reason: reason, at: pulledAt) {
                case .ingested(let snapshot): return .keptUnparsed(snapshotID: snapshot.id, reason: reason)
                case .duplicate(let existingID, _): return .keptUnparsed(snapshotID: existingID, reason: reason)
                }
            }
        }
    }

    /// Refuses an endpoint that would carry the token in clear text over a network.
    static func checkSafe(_ endpoint: URL) throws(EndpointError) {
        let scheme = endpoint.scheme?.lowercased()
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(endpoint.host?.lowercased() ?? "")
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw EndpointError(
                message:
                    "the endpoint \(endpoint.absoluteString) is not an https URL; the token would cross the network in clear text. Use https (plain http only to 127.0.0.1 or localhost)."
            )
        }
    }

    /// The parser's complaint without `ingest`'s closing advice, which speaks of a store left unchanged (here the bytes are kept).
    static func parseProblem(_ error: IngestError) -> String {
        let advice = " The store is unchanged"
        let problem = error.message.range(of: advice).map { String(error.message[..<$0.lowerBound]) } ?? error.message
        return problem.hasSuffix(".") ? String(problem.dropLast()) : problem
    }

    /// The ledger's word for a stored result.
    private static func outcomeWord(_ result: FetchReport.Result) -> String {
        switch result {
        case .stored: return "stored"
        case .alreadyStored: return "already stored"
        case .keptUnparsed: return "kept unparsed"
        case .failed, .notAsked: return "failed"
        }
    }

    /// Text from the outside (answers, parse errors) made safe to print: control characters replaced, at most 300 characters.
    static func printable(_ text: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control ? "?" : scalar
                }))
        return cleaned.count > 300 ? String(cleaned.prefix(300)) + "..." : cleaned
    }

    /// The plan as it would run now and the day's budget, without asking anything.
    public static func dryRun(plan: FetchPlan, store: MetricStore, endpoint: URL, clock: any FetchClock) throws -> String {
        try checkSafe(endpoint)
        let now = clock.now()
        let budget = try store.requestBudget(on: now.day)
        let count = plan.requests.count
        var lines = [
            "Dry run: nothing is asked of the API.",
            "Plan \(plan.name): \(FetchReport.counted(count, "request")) for the last 24 hours (numOfDays=1):",
        ]
        for (index, request) in plan.requests.enumerated() {
            lines.append("  [\(index + 1)/\(count)] \(request): GET \(request.url(endpoint: endpoint).absoluteString)")
        }
        lines.append(FetchReport.describe(budget))
        let reset = now.day.advanced(by: 1).startSecond
        if budget.left == 0 {
            lines.append("A run now would ask nothing; the budget comes back at \(Instant(seconds: reset).iso).")
        } else if budget.left < count {
            lines.append(
                "A run now would ask the first \(FetchReport.counted(budget.left, "request")); the other \(count - budget.left) would wait for \(Instant(seconds: reset).iso)."
            )
        } else {
            lines.append("A run now would ask \(FetchReport.counted(count, "request")), leaving \(budget.left - count) for retries.")
        }
        let missed = try missedDays(plan: plan, store: store, now: now)
        if !missed.isEmpty {
            lines.append("Missed days the API still holds; after the plan, a run spends what is left on 2- and 3-day pulls to recover them:")
            lines += missed.map { "  \($0.day.iso) \($0.request) (until \(RecoveryHorizon.deadline(for: $0.day).iso))" }
        }
        return lines.joined(separator: "\n")
    }
}

/// Why an endpoint was refused before anything was sent.
public struct EndpointError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
