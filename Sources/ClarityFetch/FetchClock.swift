import ClarityModel
import Foundation

/// Tells the fetch what time it is, so tests choose the day.
public protocol FetchClock: Sendable {
    func now() -> Instant
}

/// Waits between a failed request and its retry, so tests need not wait.
public protocol FetchSleeper: Sendable {
    func sleep(seconds: Double) async throws
}

/// The machine's clock, in whole UTC seconds.
public struct SystemClock: FetchClock {
    public init() {}

    public func now() -> Instant { Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }
}

/// Really waits, cancellably.
public struct TaskSleeper: FetchSleeper {
    public init() {}

    public func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
