/// The time window a snapshot's figures cover: the `numOfDays` × 24 hours before its pull.
public struct SnapshotWindow: Hashable, Sendable {
    public let pulledAt: Instant
    public let numOfDays: Int

    public init(pulledAt: Instant, numOfDays: Int) {
        self.pulledAt = pulledAt
        self.numOfDays = numOfDays
    }

    public var start: Instant { Instant(seconds: pulledAt.seconds - Int64(numOfDays) * 86_400) }

    /// The UTC day a 1-day snapshot belongs to (the day holding the middle of its window); nil for 2- and 3-day ones.
    public var attributedDay: Day? {
        guard numOfDays == 1 else { return nil }
        return Day(containing: pulledAt.seconds - 43_200)
    }

    /// Seconds of the window that fall inside a day.
    public func overlap(with day: Day) -> Int64 {
        let dayStart = day.startSecond
        let dayEnd = dayStart + 86_400
        return max(0, min(pulledAt.seconds, dayEnd) - max(start.seconds, dayStart))
    }
}

/// Picks which of several 1-day snapshots of the same dimensions stands for a day.
public enum DayAttribution {
    /// A candidate snapshot: its identity, window and content hash.
    public struct Candidate: Hashable, Sendable {
        public let id: Int64
        public let window: SnapshotWindow
        public let sha256: String

        public init(id: Int64, window: SnapshotWindow, sha256: String) {
            self.id = id
            self.window = window
            self.sha256 = sha256
        }
    }

    /// The candidate whose window overlaps the day most; ties go to the later pull, then to the larger hash.
    public static func choose(for day: Day, among candidates: [Candidate]) -> Candidate? {
        candidates.max { a, b in
            let overlapA = a.window.overlap(with: day)
            let overlapB = b.window.overlap(with: day)
            if overlapA != overlapB { return overlapA < overlapB }
            if a.window.pulledAt != b.window.pulledAt { return a.window.pulledAt < b.window.pulledAt }
            return a.sha256 < b.sha256
        }
    }
}
