import ClarityModel
import ClarityStore
import Foundation
import Testing

@Suite struct RequestBudgetTests {
    let morning = Instant(iso: "2026-11-17T01:30:00Z")!

    @Test func tenSlotsADayThenNone() throws {
        let store = try MetricStore()
        var slots: [RequestSlot] = []
        while let slot = try store.reserveRequest("Device", at: morning) { slots.append(slot) }
        #expect(slots.map(\.sequence) == Array(1...10))
        #expect(slots.allSatisfy { $0.day == morning.day })
        let budget = try store.requestBudget(on: morning.day)
        #expect(budget.day == morning.day)
        #expect(budget.limit == 10)
        #expect(budget.used == 10)
        #expect(budget.spentAt == nil)
        #expect(budget.left == 0)
        let nextDay = Instant(seconds: morning.day.advanced(by: 1).startSecond)
        #expect(try store.reserveRequest("Device", at: nextDay)?.sequence == 1)
    }

    @Test func dayIsTheUTCDayOfTheReservation() throws {
        let store = try MetricStore()
        let lastSecond = Instant(iso: "2026-11-17T23:59:59Z")!
        let slot = try #require(try store.reserveRequest("OS", at: lastSecond))
        #expect(slot.day == Day(iso: "2026-11-17"))
        #expect(try store.reserveRequest("OS", at: Instant(iso: "2026-11-18T00:00:00Z")!)?.day == Day(iso: "2026-11-18"))
    }

    @Test func outcomeIsRecordedInTheLedger() throws {
        let store = try MetricStore()
        let first = try #require(try store.reserveRequest("Device+Browser", at: morning))
        _ = try store.reserveRequest("URL", at: morning)
        try store.recordOutcome(of: first, status: 200, outcome: "stored")
        let ledger = try store.ledger(on: morning.day)
        #expect(ledger.map(\.request) == ["Device+Browser", "URL"])
        #expect(ledger.map(\.status) == [200, nil])
        #expect(ledger.map(\.outcome) == ["stored", "reserved"])
        #expect(ledger.first?.requestedAt == morning)
    }

    @Test func spentDayAllowsNothingMore() throws {
        let store = try MetricStore()
        _ = try store.reserveRequest("Device", at: morning)
        try store.markBudgetSpent(on: morning.day, at: morning)
        let budget = try store.requestBudget(on: morning.day)
        #expect(budget.used == 1)
        #expect(budget.left == 0)
        #expect(budget.spentAt == morning)
        #expect(try store.reserveRequest("Device", at: morning) == nil)
    }

    @Test func racingStoresOnOneFileNeverExceedTheLimit() throws {
        let path = try temporaryStorePath()
        let stores = [try MetricStore(path: path), try MetricStore(path: path)]
        let granted = Granted()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let store = stores[worker % stores.count]
            while let slot = try! store.reserveRequest("worker \(worker)", at: morning) {
                granted.add(slot)
            }
        }
        #expect(granted.slots.count == 10)
        #expect(Set(granted.slots.map(\.sequence)) == Set(1...10))
        #expect(try MetricStore(path: path).ledger(on: morning.day).count == 10)
    }
}

/// Slots granted across threads.
private final class Granted: @unchecked Sendable {
    private let lock = NSLock()
    private var granted: [RequestSlot] = []

    func add(_ slot: RequestSlot) {
        lock.lock()
        granted.append(slot)
        lock.unlock()
    }

    var slots: [RequestSlot] {
        lock.lock()
        defer { lock.unlock() }
        return granted
    }
}
