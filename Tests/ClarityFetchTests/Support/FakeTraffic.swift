import ClarityFetch
import ClarityModel
import ClarityTestSupport
import Foundation

/// A site whose traffic is known minute by minute, so every 1-, 2- and 3-day window the fake API serves is consistent.
///
/// The figures of a window are the sums of its minutes, written the way the API writes them: counts as strings,
/// percentages rounded to two decimals, pages per session to four, scroll depth to two, times to whole seconds.
enum FakeTraffic {
    static let devices = ["Mobile", "PC"]

    /// One device's figures summed over whole minutes.
    struct Sums {
        var sessions = 0
        var bots = 0
        var rage = 0
        var pages = 0
        var scroll = 0
        var time = 0
        var active = 0

        static func + (a: Sums, b: Sums) -> Sums {
            Sums(
                sessions: a.sessions + b.sessions, bots: a.bots + b.bots, rage: a.rage + b.rage, pages: a.pages + b.pages,
                scroll: a.scroll + b.scroll, time: a.time + b.time, active: a.active + b.active)
        }
    }

    /// The traffic of one device in one minute since the epoch.
    static func minute(_ m: Int64, device: Int) -> Sums {
        let hour = (m / 60) % 24
        let busy = hour >= 8 && hour < 22 ? 2 : 1
        // Each day differs from the next, so no two windows give the same bytes.
        let sessions = busy * (1 + Int((m * 7 + Int64(device) * 3) % 4)) + device + Int((m / 1_440) % 5)
        return Sums(
            sessions: sessions, bots: m % 11 == 0 ? 1 : 0, rage: (m + Int64(device)) % 9 == 0 ? 1 : 0,
            pages: sessions * 2 + Int(m % 3), scroll: sessions * (40 + Int(m % 20)), time: sessions * (200 + Int(m % 50)),
            active: sessions * (60 + Int(m % 30)))
    }

    /// The sums of a window, per device.
    static func window(endingAt end: Instant, days: Int) -> [Sums] {
        let last = end.seconds / 60
        let first = last - Int64(days) * 1_440
        return devices.indices.map { device in
            (first..<last).reduce(Sums()) { $0 + minute($1, device: device) }
        }
    }

    /// The truth a 1-day pull at `end` would give for a segment: nil for the site, else the device's name.
    static func truth(endingAt end: Instant, days: Int = 1, device: String? = nil) -> Sums {
        let sums = window(endingAt: end, days: days)
        if let device { return sums[devices.firstIndex(of: device)!] }
        return sums.reduce(Sums(), +)
    }

    static func ratio(_ value: Double, places: Double) -> String {
        let rounded = (value * places).rounded() / places
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The response body for a request: site totals or a Device breakdown over the window ending at `now`.
    static func body(dimensions: [String], numOfDays: Int, now: Instant) -> [UInt8] {
        let sums = window(endingAt: now, days: numOfDays)
        let rows: [(label: String?, sums: Sums)] =
            dimensions == ["Device"]
            ? devices.indices.map { (devices[$0], sums[$0]) }
            : [(nil, sums.reduce(Sums(), +))]
        func key(_ label: String?) -> String { label.map { ", \"Device\": \"\($0)\"" } ?? "" }
        func metric(_ name: String, _ fields: (Sums) -> String) -> String {
            "{\"metricName\": \"\(name)\", \"information\": [" + rows.map { "{" + fields($0.sums) + key($0.label) + "}" }.joined(separator: ", ")
                + "]}"
        }
        let metrics = [
            metric("Traffic") { s in
                "\"totalSessionCount\": \"\(s.sessions)\", \"totalBotSessionCount\": \"\(s.bots)\", \"distinctUserCount\": \"\(s.sessions * 8 / 10)\", "
                    + "\"pagesPerSessionPercentage\": \(ratio(Double(s.pages) / Double(s.sessions), places: 10_000))"
            },
            metric("RageClickCount") { s in
                let percentage = ratio(100 * Double(s.rage) / Double(s.sessions), places: 100)
                return "\"sessionsCount\": \"\(s.sessions)\", \"sessionsWithMetricPercentage\": \(percentage), "
                    + "\"sessionsWithoutMetricPercentage\": \(ratio(100 - 100 * Double(s.rage) / Double(s.sessions), places: 100)), "
                    + "\"pagesViews\": \"\(s.rage * 3)\", \"subTotal\": \"\(s.rage * 2)\""
            },
            metric("ScrollDepth") { s in "\"averageScrollDepth\": \(ratio(Double(s.scroll) / Double(s.sessions), places: 100))" },
            metric("EngagementTime") { s in
                "\"totalTime\": \"\(Int((Double(s.time) / Double(s.sessions)).rounded()))\", \"activeTime\": \"\(Int((Double(s.active) / Double(s.sessions)).rounded()))\""
            },
        ]
        return Array(("[" + metrics.joined(separator: ",\n") + "]").utf8)
    }

    /// 401 without the right bearer token, else the window the request asks for, ending at the clock's time.
    static func answer(_ request: LocalHTTPServer.Request, clock: SteppingClock) -> LocalHTTPServer.Answer {
        guard request.headers["authorization"] == "Bearer \(FakeClarityAPI.token)" else { return .reply(status: 401, body: []) }
        let days = Int(request.parameter("numOfDays") ?? "") ?? 0
        guard (1...3).contains(days) else { return .reply(status: 400, body: []) }
        return .reply(
            status: 200, body: body(dimensions: FakeClarityAPI.dimensions(of: request), numOfDays: days, now: clock.now()),
            headers: [("Content-Type", "application/json")])
    }
}

/// A clock the test moves from one run to the next.
final class SteppingClock: FetchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Instant

    init(_ iso: String) { instant = Instant(iso: iso)! }

    func now() -> Instant { lock.withLock { instant } }

    func set(_ iso: String) { lock.withLock { instant = Instant(iso: iso)! } }
}
