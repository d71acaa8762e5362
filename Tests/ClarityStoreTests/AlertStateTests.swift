import Foundation
import Testing

@testable import ClarityModel
@testable import ClarityStore

/// The alert state: an anomaly reported once while it lasts, closed when its figure is back, one delivery across runs.
@Suite struct AlertStateTests {
    static let day = Day(iso: "2026-11-18")!

    /// A finding as the rule would make it, only the fields the state reads mattering.
    static func finding(_ key: String, since: Day = day, on checked: Day = day) -> AlertFinding {
        let score = DailyScore(
            value: 0.3, sessions: 100, baselineDays: [], weekdayFactor: 1, median: 0.02, spread: 0.01, scale: 0.01,
            lowest: 0.01, highest: 0.03, z: 28, pValue: 1e-9)
        return AlertFinding(
            key: key, metric: "rageClickRate", metricLabel: "Rage clicks", segment: "Browser = Safari", dimensions: ["Browser"], values: ["Safari"],
            day: checked, value: 0.3, valueText: "30.0%", direction: "rises", score: score, usualText: "1.0%–3.0%", qValue: 1e-8,
            tests: 10, since: since, sinceText: "", releases: [], releaseText: "", text: "Rage clicks in Safari: 30.0%",
            recordingFilter: nil, watchFor: nil, weeklyPageURL: nil, accountsFor: [])
    }

    @Test func aContinuingAnomalyIsDeliveredOnceAndClosedWhenBack() throws {
        let store = try MetricStore()
        let now = Instant(seconds: Self.day.advanced(by: 1).startSecond)
        let first = try store.claimAlerts(day: Self.day, findings: [Self.finding("a")], tested: ["a", "b"], repeat: false, now: now)
        #expect(first.deliver == ["a"] && first.ongoing.isEmpty)
        // The same day again (a second run): nothing new.
        let again = try store.claimAlerts(day: Self.day, findings: [Self.finding("a")], tested: ["a"], repeat: false, now: now)
        #expect(again.deliver.isEmpty && again.ongoing == ["a": Self.day])
        // The next day it goes on: still not delivered, unless repeated.
        let next = Self.day.advanced(by: 1)
        let onward = try store.claimAlerts(day: next, findings: [Self.finding("a", on: next)], tested: ["a"], repeat: false, now: now)
        #expect(onward.deliver.isEmpty)
        let repeated = try store.claimAlerts(day: next, findings: [Self.finding("a", on: next)], tested: ["a"], repeat: true, now: now)
        #expect(repeated.deliver == ["a"])
        // A day whose data lacks the figure (not tested) leaves it open; the first tested day without it closes it.
        let untested = try store.claimAlerts(day: next.advanced(by: 1), findings: [], tested: [], repeat: false, now: now)
        #expect(untested.ended.isEmpty)
        let back = try store.claimAlerts(day: next.advanced(by: 2), findings: [], tested: ["a"], repeat: false, now: now)
        #expect(back.ended.map(\.key) == ["a"] && back.ended.first?.endedDay == next.advanced(by: 2))
        let records = try store.alertRecords(touching: Self.day...next.advanced(by: 6))
        #expect(records.count == 1)
        #expect(records.first?.firstDay == Self.day && records.first?.lastDay == next && records.first?.endedDay == next.advanced(by: 2))
        // Once closed, the same figure leaving its usual values again is a new anomaly.
        let later = next.advanced(by: 5)
        let anew = try store.claimAlerts(day: later, findings: [Self.finding("a", since: later, on: later)], tested: ["a"], repeat: false, now: now)
        #expect(anew.deliver == ["a"])
    }

    @Test func aFailedDeliveryGivesItsClaimBack() throws {
        let store = try MetricStore()
        let now = Instant(seconds: 0)
        let claim = try store.claimAlerts(day: Self.day, findings: [Self.finding("a")], tested: ["a"], repeat: false, now: now)
        try store.releaseAlerts(claim.inserted)
        let retry = try store.claimAlerts(day: Self.day, findings: [Self.finding("a")], tested: ["a"], repeat: false, now: now)
        #expect(retry.deliver == ["a"])
    }

    @Test func twoStoresClaimingAtOnceDeliverOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-alert-claim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        _ = try MetricStore(path: path)
        for round in 0..<20 {
            let day = Self.day.advanced(by: round * 2)
            let findings = [Self.finding("k\(round)", since: day, on: day)]
            let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let store = try MetricStore(path: path)
                        return try store.claimAlerts(day: day, findings: findings, tested: ["k\(round)"], repeat: false, now: Instant(seconds: 0))
                            .deliver.count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(delivered == 1, "round \(round)")
        }
    }
}
