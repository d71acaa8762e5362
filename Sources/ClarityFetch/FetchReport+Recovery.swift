import ClarityModel
import ClarityStore

extension FetchReport {
    /// One 2- or 3-day pull asked to recover a missed day, and what came of it.
    public struct Recovery: Sendable, Equatable, CustomStringConvertible {
        public let request: FetchRequest
        public let day: Day
        public let numOfDays: Int
        public let attempts: [Attempt]
        public let result: Result
        /// Why the day was not derived; nil when it was.
        public let problem: String?

        /// True when the day now stands in the store, derived.
        public var recovered: Bool { problem == nil }

        /// `2026-11-16 site totals: recovered from a 2-day pull, snapshot 12 (HTTP 200)`.
        public var description: String {
            let tries = attempts.isEmpty ? "" : " (\(attempts.map(\.description).joined(separator: ", then ")))"
            let what: String
            if let problem {
                what = "not recovered: \(problem)"
            } else if case .stored(let snapshot) = result {
                what = "recovered from a \(numOfDays)-day pull, snapshot \(snapshot.id)"
            } else {
                what = "recovered from a \(numOfDays)-day pull"
            }
            return "\(day.iso) \(request): \(what)\(tries)"
        }
    }

    /// A missed day still within the API's reach after the run.
    public struct PendingDay: Sendable, Equatable, CustomStringConvertible {
        public let request: FetchRequest
        public let day: Day
        /// The first instant at which no pull reaches the day any more.
        public let until: Instant
        /// Why it was not recovered in this run.
        public let reason: String

        /// `2026-11-15 Device: until 2026-11-18T12:00:00Z; no request left today`.
        public var description: String { "\(day.iso) \(request): until \(until.iso); \(reason)" }
    }
}
