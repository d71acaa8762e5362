import ClarityModel
import ClarityStore

/// What recovering missed days did in one run.
struct MissedDays {
    var recoveries: [FetchReport.Recovery]
    var pending: [FetchReport.PendingDay]
    var stop: FetchReport.Stop?
}

extension DailyFetch {
    /// Spends the budget the plan left on 2- and 3-day pulls that derive missed days: site totals first, then the plan's order.
    ///
    /// A day counts as missed from the first day the store holds for a dimension set, so a new store does not spend
    /// its first run on days before it began. Each pull is asked only when `DerivationPlan` says the window, pulled
    /// now, would give that day; otherwise the day is listed as pending with the reason. The ledger is asked for a slot
    /// before every request, so recovery never goes past the day's budget.
    static func recoverMissedDays(plan: FetchPlan, asking: Asking, say: (String) -> Void) async throws -> MissedDays {
        let store = asking.store
        let ordered = plan.requests.filter(\.dimensions.isEmpty) + plan.requests.filter { !$0.dimensions.isEmpty }
        var result = MissedDays(recoveries: [], pending: [], stop: nil)
        for request in ordered {
            for day in RecoveryHorizon.reachableDays(at: asking.clock.now()) {
                let covered = try store.coverage().covered(request.dimensions)
                guard let first = covered.first, day > first, !covered.contains(day) else { continue }
                let until = RecoveryHorizon.deadline(for: day)
                func pending(_ reason: String) {
                    result.pending.append(FetchReport.PendingDay(request: request, day: day, until: until, reason: reason))
                }
                if result.stop != nil {
                    pending("not asked, recovery stopped")
                    continue
                }
                let now = asking.clock.now()
                guard let numOfDays = RecoveryHorizon.windowReaching(day, at: now) else { continue }
                let window = SnapshotWindow(pulledAt: now, numOfDays: numOfDays)
                let available = try store.pulledSnapshots(
                    request.dimensions, pulledFrom: Instant(seconds: window.start.seconds - DerivationPlan.tolerance),
                    to: Instant(seconds: now.seconds + DerivationPlan.tolerance))
                switch DerivationPlan.plan(window, available: available) {
                case .success(let planned) where planned.day == day:
                    break
                case .success(let planned):
                    pending("a \(numOfDays)-day pull now would give \(planned.day.iso) instead")
                    continue
                case .failure(let refusal):
                    pending("a \(numOfDays)-day pull now would not derive it: \(refusal)")
                    continue
                }
                let (entry, stop) = try await asking.ask(request, numOfDays: numOfDays, say: { say("[recovery] \(day.iso) \(request): \($0)") })
                let problem = Self.recoveryProblem(entry.result, day: day)
                let recovery = FetchReport.Recovery(
                    request: request, day: day, numOfDays: numOfDays, attempts: entry.attempts, result: entry.result,
                    problem: problem)
                if entry.result != .notAsked { result.recoveries.append(recovery) }
                say("[recovery] \(recovery)")
                if let problem { pending(problem) }
                if let stop {
                    result.stop = stop
                    say("Recovery stopped: \(stop.message)")
                }
            }
        }
        return result
    }

    /// The days within the API's reach that each planned dimension set lacks since its first stored day, site totals first.
    static func missedDays(plan: FetchPlan, store: MetricStore, now: Instant) throws -> [(request: FetchRequest, day: Day)] {
        let coverage = try store.coverage()
        let ordered = plan.requests.filter(\.dimensions.isEmpty) + plan.requests.filter { !$0.dimensions.isEmpty }
        return ordered.flatMap { request -> [(request: FetchRequest, day: Day)] in
            let covered = coverage.covered(request.dimensions)
            guard let first = covered.first else { return [] }
            return RecoveryHorizon.reachableDays(at: now).filter { $0 > first && !covered.contains($0) }.map { (request, $0) }
        }
    }

    /// Why a recovery pull did not give its day, in words; nil when the day now stands derived.
    static func recoveryProblem(_ result: FetchReport.Result, day: Day) -> String? {
        switch result {
        case .stored(let snapshot):
            for recovery in snapshot.recoveries {
                if case .derived(let derived, _, _, _) = recovery, derived.day == day { return nil }
            }
            for recovery in snapshot.recoveries {
                if case .notDerived(_, let refusal) = recovery { return "pulled, but \(refusal)" }
            }
            return "pulled, but it derived no day"
        case .alreadyStored(let id): return "the API sent the bytes of snapshot \(id) again"
        case .keptUnparsed(_, let reason): return "the answer did not parse: \(reason)"
        case .failed(let reason): return reason
        case .notAsked: return "no request left today"
        }
    }
}
