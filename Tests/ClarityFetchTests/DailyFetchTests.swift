import ClarityFetch
import ClarityModel
import ClarityStore
import ClarityTestSupport
import Foundation
import Testing

/// The daily fetch against a real HTTP server on 127.0.0.1 through the URLSession transport.
@Suite struct DailyFetchTests {
    let clock = FixedClock("2026-11-17T01:30:00Z")
    let token = try! APIToken(FakeClarityAPI.token, origin: "test")
    var day: Day { clock.instant.day }

    /// What a run returned and logged.
    struct Run {
        let report: FetchReport
        let lines: [String]

        /// Every text a person may see: log lines, the summary, the stop message.
        var texts: [String] { lines + [report.summary, report.stop?.message ?? ""] }
    }

    private func fetch(
        _ server: LocalHTTPServer, into store: MetricStore, token: APIToken? = nil, plan: FetchPlan = .daily,
        timeout: Double = 10, sleeper: RecordingSleeper = RecordingSleeper()
    ) async throws -> Run {
        var lines: [String] = []
        let report = try await DailyFetch.run(
            plan: plan, store: store, transport: URLSessionTransport(), token: token ?? self.token, endpoint: server.url(),
            clock: clock, sleeper: sleeper, policy: FetchPolicy(timeout: timeout, retryDelay: 30), log: { lines.append($0) })
        return Run(report: report, lines: lines)
    }

    private func expectNoSecret(_ texts: [String], _ secret: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            #expect(!text.contains(secret), "a text shows the token: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func fullSuccessStoresNineResponses() async throws {
        let server = try LocalHTTPServer(answer: { request, _ in FakeClarityAPI.answer(request) })
        defer { server.stop() }
        let path = try temporaryStorePath()
        let store = try MetricStore(path: path)
        let run = try await fetch(server, into: store)

        #expect(run.report.exitCode == 0)
        #expect(run.report.completion == .allDone)
        #expect(run.report.stop == nil)
        #expect(
            server.requests.map { FakeClarityAPI.dimensions(of: $0).joined(separator: "+") }
                == ["", "Device", "Browser", "OS", "Country", "Source+Medium", "Channel", "URL", "Device+Browser"])
        #expect(server.requests.allSatisfy { $0.parameter("numOfDays") == "1" })
        #expect(server.requests.last?.query == "numOfDays=1&dimension1=Device&dimension2=Browser")
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(FakeClarityAPI.token)" })
        #expect(server.requests.allSatisfy { $0.path == "/export-data/api/v1/project-live-insights" })

        let snapshots = run.report.entries.compactMap { entry -> StoredSnapshot? in
            if case .stored(let snapshot) = entry.result { return snapshot }
            return nil
        }
        #expect(snapshots.count == 9)
        #expect(snapshots.last?.source == "fetch: Device+Browser")
        #expect(snapshots.last?.dimensions == DimensionSet([.device, .browser]))
        #expect(snapshots.first?.source == "fetch: site totals")
        #expect(snapshots.allSatisfy { $0.pulledAt == clock.instant && $0.numOfDays == 1 && $0.rowCount > 0 })
        #expect(try store.status().snapshots == 9)

        let ledger = try store.ledger(on: day)
        #expect(ledger.count == 9)
        #expect(ledger.allSatisfy { $0.status == 200 && $0.outcome == "stored" })
        #expect(ledger.map(\.request) == FetchPlan.daily.requests.map(\.description))
        #expect(run.report.budget.left == 1)
        let summary = run.report.summary.split(separator: "\n").map(String.init)
        #expect(summary.first == "Fetch daily for 2026-11-17 (UTC): 9 of 9 requests stored, all done.")
        #expect(summary.last == "Budget for 2026-11-17 (UTC): 9 of 10 requests used, 1 left.")

        expectNoSecret(run.texts, FakeClarityAPI.token)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data(FakeClarityAPI.token.utf8)) == nil, "the store file \(file) holds the token")
        }
    }

    @Test func refusedTokenStopsWithATokenMessage() async throws {
        let server = try LocalHTTPServer(answer: { request, _ in FakeClarityAPI.answer(request) })
        defer { server.stop() }
        let store = try MetricStore()
        let wrong = "eyJhbGciOiJSUzI1NiJ9.expired-secret-Pq93.c2ln"
        let run = try await fetch(server, into: store, token: try APIToken(wrong, origin: "test"))

        #expect(server.requests.count == 1)
        #expect(run.report.stop == .tokenRefused(status: 401))
        #expect(run.report.completion == .nothingFetched)
        #expect(run.report.exitCode == 4)
        #expect(run.report.entries.dropFirst().allSatisfy { $0.result == .notAsked })
        #expect(run.report.summary.contains("Stopped: the API refused the token (HTTP 401)"))
        #expect(try store.ledger(on: day).map(\.outcome) == ["token refused"])
        expectNoSecret(run.texts, wrong)
        expectNoSecret(run.texts, FakeClarityAPI.token)
    }

    @Test func rateLimitStopsAndMarksTheDaySpent() async throws {
        let server = try LocalHTTPServer(answer: { request, index in
            index < 2 ? FakeClarityAPI.answer(request) : .reply(status: 429, body: [])
        })
        defer { server.stop() }
        let store = try MetricStore()
        let first = try await fetch(server, into: store)

        #expect(server.requests.count == 3)
        #expect(first.report.stop == .limitReached)
        #expect(first.report.exitCode == 3)
        #expect(first.report.budget.spentAt == clock.instant)
        #expect(first.report.budget.left == 0)

        let second = try await fetch(server, into: store)
        #expect(server.requests.count == 3)
        #expect(second.report.stop == .budgetSpent)
        #expect(second.report.exitCode == 4)
        #expect(second.report.entries.allSatisfy { $0.result == .notAsked && $0.attempts.isEmpty })
    }

    @Test func serverErrorIsRetriedOnceInANewSlot() async throws {
        let server = try LocalHTTPServer(answer: { request, index in
            index == 0 ? .reply(status: 500, body: []) : FakeClarityAPI.answer(request)
        })
        defer { server.stop() }
        let store = try MetricStore()
        let sleeper = RecordingSleeper()
        let run = try await fetch(server, into: store, sleeper: sleeper)

        #expect(server.requests.count == 10)
        #expect(sleeper.delays == [30])
        #expect(run.report.entries[0].attempts == [.status(500), .status(200)])
        #expect(run.report.entries[0].result.isDone)
        #expect(run.report.exitCode == 0)
        let ledger = try store.ledger(on: day)
        #expect(ledger.count == 10)
        #expect(ledger.prefix(2).map(\.status) == [500, 200])
        #expect(ledger.first?.outcome == "server error")
        #expect(run.report.budget.left == 0)
    }

    @Test func secondServerErrorStopsTheRunAndKeepsTheBudget() async throws {
        let server = try LocalHTTPServer(answer: { request, index in
            index < 2 ? .reply(status: 503, body: Array("busy".utf8)) : FakeClarityAPI.answer(request)
        })
        defer { server.stop() }
        let store = try MetricStore()
        let run = try await fetch(server, into: store)

        #expect(server.requests.count == 2)
        #expect(run.report.stop == .apiFailing(.siteTotals))
        #expect(run.report.entries[0].result == .failed("the API failed, twice"))
        #expect(run.report.exitCode == 4)
        #expect(run.report.budget.left == 8)
    }

    @Test func badRequestFailsOneRequestAndAWrongEndpointStopsTheRun() async throws {
        let server = try LocalHTTPServer(answer: { _, index in
            .reply(status: index == 0 ? 400 : 404, body: Array("no".utf8))
        })
        defer { server.stop() }
        let run = try await fetch(server, into: try MetricStore())

        #expect(server.requests.count == 2)
        #expect(run.report.entries.prefix(2).map(\.attempts) == [[.status(400)], [.status(404)]])
        #expect(run.report.entries[0].result == .failed("the API refused the request's parameters"))
        #expect(run.report.stop == .unexpectedStatus(404))
        #expect(run.report.exitCode == 4)
    }

    @Test func bodyThatIsNotJSONIsKeptRaw() async throws {
        let page = Array("<html><body>Service Unavailable</body></html>".utf8)
        let server = try LocalHTTPServer(answer: { request, _ in
            request.parameter("dimension1") == "URL" ? .reply(status: 200, body: page) : FakeClarityAPI.answer(request)
        })
        defer { server.stop() }
        let store = try MetricStore()
        let run = try await fetch(server, into: store)

        #expect(server.requests.count == 9)
        let entry = try #require(run.report.entries.first { $0.request.description == "URL" })
        guard case .keptUnparsed(let snapshotID, let reason) = entry.result else {
            Issue.record("the URL response was not kept raw: \(entry.result)")
            return
        }
        #expect(reason.contains("not valid JSON"))
        #expect(!reason.contains("The store is unchanged"))
        #expect(try store.rawResponse(snapshotID: snapshotID)?.bytes == page)
        #expect(try store.status().unparsedSnapshots == 1)
        #expect(run.report.exitCode == 3)
        #expect(run.report.summary.contains("[8/9] URL: kept raw as snapshot \(snapshotID), it did not parse: "))
        #expect(try store.ledger(on: day).map(\.outcome).filter { $0 == "kept unparsed" }.count == 1)
    }

    @Test func timeoutIsRetriedOnce() async throws {
        let server = try LocalHTTPServer(answer: { request, index in
            index == 0 ? .silence : FakeClarityAPI.answer(request)
        })
        defer { server.stop() }
        let store = try MetricStore()
        let sleeper = RecordingSleeper()
        let run = try await fetch(server, into: store, timeout: 1, sleeper: sleeper)

        #expect(run.report.entries[0].attempts == [.timedOut, .status(200)])
        #expect(sleeper.delays == [30])
        #expect(run.report.exitCode == 0)
        #expect(server.requests.count == 10)
        let first = try #require(try store.ledger(on: day).first)
        #expect(first.outcome == "timeout")
        #expect(first.status == nil)
    }

    @Test func spentBudgetLeavesOnlyWhatIsLeft() async throws {
        let server = try LocalHTTPServer(answer: { request, _ in FakeClarityAPI.answer(request) })
        defer { server.stop() }
        let store = try MetricStore()
        for _ in 1...9 { _ = try store.reserveRequest("an earlier run", at: clock.instant) }
        let run = try await fetch(server, into: store)

        #expect(server.requests.count == 1)
        #expect(run.report.entries[0].result.isDone)
        #expect(run.report.entries.dropFirst().allSatisfy { $0.result == .notAsked })
        #expect(run.report.stop == .budgetSpent)
        #expect(run.report.exitCode == 3)
        #expect(try store.ledger(on: day).count == 10)
    }

    @Test func retryNeedsASlotOfItsOwn() async throws {
        let server = try LocalHTTPServer(answer: { _, _ in .reply(status: 500, body: []) })
        defer { server.stop() }
        let store = try MetricStore()
        for _ in 1...9 { _ = try store.reserveRequest("an earlier run", at: clock.instant) }
        let sleeper = RecordingSleeper()
        let run = try await fetch(server, into: store, sleeper: sleeper)

        #expect(server.requests.count == 1)
        #expect(run.report.entries[0].attempts == [.status(500)])
        #expect(run.report.entries[0].result == .failed("no request left today to retry"))
        #expect(run.report.stop == .budgetSpent)
        #expect(try store.ledger(on: day).count == 10)
    }

    @Test func unreachableEndpointStopsTheRun() async throws {
        var lines: [String] = []
        let report = try await LocalHTTPServer.withRefusingPort { port in
            try await DailyFetch.run(
                plan: .daily, store: try MetricStore(), transport: URLSessionTransport(), token: token,
                endpoint: URL(string: "http://127.0.0.1:\(port)/insights")!, clock: clock, sleeper: RecordingSleeper(),
                log: { lines.append($0) })
        }
        #expect(report.entries[0].attempts == [.unreachable])
        #expect(report.stop == .unreachable("the endpoint refused the connection"))
        #expect(report.exitCode == 4)
        expectNoSecret(lines + [report.summary], FakeClarityAPI.token)
    }

    @Test func tokenIsNeverSentInClearTextOverANetwork() async throws {
        let store = try MetricStore()
        let plain = URL(string: "http://www.clarity.ms/export-data/api/v1/project-live-insights")!
        await #expect(throws: EndpointError.self) {
            try await DailyFetch.run(
                plan: .daily, store: store, transport: URLSessionTransport(), token: token, endpoint: plain,
                clock: clock, sleeper: RecordingSleeper(), log: { _ in })
        }
        #expect(throws: EndpointError.self) { try DailyFetch.dryRun(plan: .daily, store: store, endpoint: plain, clock: clock) }
        #expect(try store.ledger(on: day).isEmpty)
    }

    @Test func redirectIsNotFollowed() async throws {
        let server = try LocalHTTPServer(answer: { _, _ in
            .reply(status: 302, body: [], headers: [("Location", "/elsewhere")])
        })
        defer { server.stop() }
        let response = try await URLSessionTransport().get(server.url(), headers: ["Authorization": "Bearer x"], timeout: 5)
        #expect(response.status == 302)
        #expect(server.requests.map(\.path) == ["/export-data/api/v1/project-live-insights"])
    }

    @Test func dryRunShowsThePlanAndTheBudgetLeft() throws {
        let store = try MetricStore()
        for _ in 1...3 { _ = try store.reserveRequest("an earlier run", at: clock.instant) }
        let endpoint = DailyFetch.defaultEndpoint
        let text = try DailyFetch.dryRun(plan: .daily, store: store, endpoint: endpoint, clock: clock)
        #expect(
            text == """
                Dry run: nothing is asked of the API.
                Plan daily: 9 requests for the last 24 hours (numOfDays=1):
                  [1/9] site totals: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1
                  [2/9] Device: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Device
                  [3/9] Browser: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Browser
                  [4/9] OS: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=OS
                  [5/9] Country: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Country
                  [6/9] Source+Medium: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Source&dimension2=Medium
                  [7/9] Channel: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Channel
                  [8/9] URL: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=URL
                  [9/9] Device+Browser: GET https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Device&dimension2=Browser
                Budget for 2026-11-17 (UTC): 3 of 10 requests used, 7 left.
                A run now would ask the first 7 requests; the other 2 would wait for 2026-11-18T00:00:00Z.
                """)
        #expect(
            try DailyFetch.dryRun(plan: .totals, store: try MetricStore(), endpoint: endpoint, clock: clock).hasSuffix(
                "A run now would ask 1 request, leaving 9 for retries."))
    }
}
