/// Which day a 2- or 3-day snapshot can give by subtraction, and the 1-day snapshots to subtract from it.
public struct DerivationPlan: Equatable, Sendable {
    /// The day the derivation gives: the one slot of the window no 1-day snapshot covers.
    public let day: Day
    /// The 1-day snapshots of the window's other slots, latest first.
    public let subtracted: [DayAttribution.Candidate]

    public init(day: Day, subtracted: [DayAttribution.Candidate]) {
        self.day = day
        self.subtracted = subtracted
    }

    /// How far apart, in seconds, a 1-day pull and the slot it stands for may be and still be subtracted (2 hours).
    ///
    /// A shift of t seconds moves t seconds of traffic between the derived day and its neighbour, so the tolerance
    /// bounds the error: at 2 hours, at most a twelfth of a day's traffic, and usually far less since cron runs at night.
    public static let tolerance: Int64 = 7_200

    /// Plans the derivation of one day from a multi-day window and the 1-day snapshots of the same dimensions.
    ///
    /// - Parameters:
    ///   - window: the 2- or 3-day snapshot's window.
    ///   - available: 1-day snapshots of the same dimensions (other days are ignored).
    ///   - tolerance: the most seconds a subtracted pull may be off its slot's end.
    public static func plan(_ window: SnapshotWindow, available: [DayAttribution.Candidate],
                            tolerance: Int64 = DerivationPlan.tolerance) -> Result<DerivationPlan, DerivationRefusal> {
        guard window.numOfDays > 1 else { return .failure(.notMultiDay) }
        let slots = window.slots
        var missing: [Day] = []
        var subtracted: [DayAttribution.Candidate] = []
        for slot in slots {
            let day = slot.attributedDay!
            let sameDay = available.filter { $0.window.numOfDays == 1 && $0.window.attributedDay == day }
            guard !sameDay.isEmpty else {
                missing.append(day)
                continue
            }
            let closest = sameDay.min { a, b in
                let offA = abs(a.window.pulledAt.seconds - slot.pulledAt.seconds)
                let offB = abs(b.window.pulledAt.seconds - slot.pulledAt.seconds)
                if offA != offB { return offA < offB }
                return a.sha256 < b.sha256
            }!
            subtracted.append(closest)
        }
        guard let day = missing.first else { return .failure(.nothingMissing) }
        guard missing.count == 1 else { return .failure(.block(missing.sorted())) }
        for (slot, candidate) in zip(slots.filter { $0.attributedDay != day }, subtracted) {
            let offset = candidate.window.pulledAt.seconds - slot.pulledAt.seconds
            if abs(offset) > tolerance {
                return .failure(.misaligned(day: day, neighbour: slot.attributedDay!, offsetSeconds: offset, tolerance: tolerance))
            }
        }
        return .success(DerivationPlan(day: day, subtracted: subtracted))
    }
}

extension SnapshotWindow {
    /// The window's 24-hour slots as 1-day windows, latest first: slot k ends k days before the pull.
    public var slots: [SnapshotWindow] {
        (0..<numOfDays).map { SnapshotWindow(pulledAt: Instant(seconds: pulledAt.seconds - Int64($0) * 86_400), numOfDays: 1) }
    }

    /// The days the window's slots stand for, in order.
    public var slotDays: [Day] { slots.compactMap(\.attributedDay).sorted() }
}
