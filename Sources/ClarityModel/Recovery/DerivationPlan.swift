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

    /// Plans the derivation of one day from a multi-day window and the other snapshots of the same dimensions.
    ///
    /// The window's other slots must be covered exactly by other snapshots, each pulled within `tolerance` of the end
    /// of the first slot it covers: 1-day snapshots, or a shorter multi-day one pulled with the window (a 3-day pull
    /// minus a 2-day pull of the same moment is the 3rd day). When no day of the window lacks a 1-day snapshot, or
    /// no missing day can be isolated, the refusal says why.
    ///
    /// - Parameters:
    ///   - window: the 2- or 3-day snapshot's window.
    ///   - available: other snapshots of the same dimensions; those that fit no slot are ignored.
    ///   - tolerance: the most seconds a subtracted pull may be off its slot's end.
    public static func plan(
        _ window: SnapshotWindow, available: [DayAttribution.Candidate],
        tolerance: Int64 = DerivationPlan.tolerance
    ) -> Result<DerivationPlan, DerivationRefusal> {
        guard window.numOfDays > 1 else { return .failure(.notMultiDay) }
        let slots = window.slots
        let others = available.filter { $0.window != window && $0.window.numOfDays < window.numOfDays }
        let missing = slots.indices.filter { index in
            !others.contains { $0.window.numOfDays == 1 && $0.window.attributedDay == slots[index].attributedDay }
        }
        guard !missing.isEmpty else { return .failure(.nothingMissing) }
        for target in missing {
            if let before = tile(slots, 0..<target, others, tolerance), let after = tile(slots, (target + 1)..<slots.count, others, tolerance) {
                return .success(DerivationPlan(day: slots[target].attributedDay!, subtracted: before + after))
            }
        }
        guard missing.count == 1 else { return .failure(.block(missing.map { slots[$0].attributedDay! }.sorted())) }
        let day = slots[missing[0]].attributedDay!
        // The one missing day cannot be isolated: name the neighbour whose pull is furthest off.
        var worst: (neighbour: Day, offset: Int64)?
        for slot in slots where slot.attributedDay != day {
            let offsets = others.filter { $0.window.numOfDays == 1 && $0.window.attributedDay == slot.attributedDay }
                .map { $0.window.pulledAt.seconds - slot.pulledAt.seconds }
            guard let offset = offsets.min(by: { abs($0) < abs($1) }), abs(offset) > tolerance else { continue }
            if worst == nil || abs(offset) > abs(worst!.offset) { worst = (slot.attributedDay!, offset) }
        }
        guard let worst else { return .failure(.block([day])) }
        return .failure(.misaligned(day: day, neighbour: worst.neighbour, offsetSeconds: worst.offset, tolerance: tolerance))
    }

    /// Plans a block when a window's missing days are consecutive and its other slots are covered: their sum is known, each day's is not.
    public static func planBlock(
        _ window: SnapshotWindow, available: [DayAttribution.Candidate],
        tolerance: Int64 = DerivationPlan.tolerance
    ) -> (days: ClosedRange<Day>, subtracted: [DayAttribution.Candidate])? {
        guard window.numOfDays > 1 else { return nil }
        let slots = window.slots
        let others = available.filter { $0.window != window && $0.window.numOfDays < window.numOfDays }
        let missing = slots.indices.filter { index in
            !others.contains { $0.window.numOfDays == 1 && $0.window.attributedDay == slots[index].attributedDay }
        }
        guard missing.count > 1, let first = missing.first, let last = missing.last, last - first + 1 == missing.count,
            let before = tile(slots, 0..<first, others, tolerance), let after = tile(slots, (last + 1)..<slots.count, others, tolerance)
        else { return nil }
        return (slots[last].attributedDay!...slots[first].attributedDay!, before + after)
    }

    /// Snapshots that cover a run of slots exactly, each aligned with the first slot it covers; nil when there are none.
    static func tile(_ slots: [SnapshotWindow], _ run: Range<Int>, _ available: [DayAttribution.Candidate], _ tolerance: Int64) -> [DayAttribution
        .Candidate]?
    {
        guard let first = run.first else { return [] }
        let fitting = available.filter { candidate in
            candidate.window.numOfDays <= run.count && abs(candidate.window.pulledAt.seconds - slots[first].pulledAt.seconds) <= tolerance
        }.sorted { a, b in
            // Shorter pieces first (a day's own pull over a longer window), then the closest pull, then the hash.
            let offA = abs(a.window.pulledAt.seconds - slots[first].pulledAt.seconds)
            let offB = abs(b.window.pulledAt.seconds - slots[first].pulledAt.seconds)
            if a.window.numOfDays != b.window.numOfDays { return a.window.numOfDays < b.window.numOfDays }
            if offA != offB { return offA < offB }
            return a.sha256 < b.sha256
        }
        for piece in fitting {
            if let rest = tile(slots, (first + piece.window.numOfDays)..<run.upperBound, available, tolerance) { return [piece] + rest }
        }
        return nil
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
