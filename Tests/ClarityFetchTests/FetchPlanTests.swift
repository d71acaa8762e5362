import ClarityFetch
import ClarityModel
import Foundation
import Testing

@Suite struct FetchPlanTests {
    let endpoint = URL(string: "https://www.clarity.ms/export-data/api/v1/project-live-insights")!

    @Test func defaultPlanAsksNineRequestsLeavingOneForARetry() {
        #expect(
            FetchPlan.daily.requests.map(\.description) == [
                "site totals", "Device", "Browser", "OS", "Country", "Source+Medium", "Channel", "URL", "Device+Browser",
            ])
        #expect(FetchPlan.daily.requests.count == 9)
    }

    @Test func requestURLNamesDimensionsInPlanOrder() throws {
        let request = try FetchRequest([.device, .browser])
        #expect(
            request.url(endpoint: endpoint).absoluteString
                == "https://www.clarity.ms/export-data/api/v1/project-live-insights?numOfDays=1&dimension1=Device&dimension2=Browser")
        #expect(request.dimensions == DimensionSet([.browser, .device]))
        #expect(FetchRequest.siteTotals.url(endpoint: endpoint).query == "numOfDays=1")
        #expect(try FetchRequest([.country]).url(endpoint: endpoint).query == "numOfDays=1&dimension1=Country")
        #expect(try FetchRequest([.url]).url(endpoint: endpoint).query == "numOfDays=1&dimension1=URL")
    }

    @Test func endpointQueryIsKept() throws {
        let proxied = URL(string: "http://127.0.0.1:8080/insights?project=a%20b")!
        #expect(
            try FetchRequest([.os]).url(endpoint: proxied).absoluteString == "http://127.0.0.1:8080/insights?project=a%20b&numOfDays=1&dimension1=OS")
    }

    @Test func requestWithFourDimensionsIsRefused() {
        #expect(throws: PlanError.self) { try FetchRequest([.device, .browser, .os, .country]) }
        #expect(throws: PlanError.self) { try FetchRequest([.device, .device]) }
        #expect(throws: Never.self) { try FetchRequest([.device, .browser, .os]) }
    }

    @Test func planBeyondTheDailyLimitOrAskingTwiceIsRefused() throws {
        let eleven = Array(repeating: FetchRequest.siteTotals, count: 11)
        #expect(throws: PlanError.self) { try FetchPlan(name: "big", requests: eleven) }
        let twice = [try FetchRequest([.device, .browser]), try FetchRequest([.browser, .device])]
        let error = #expect(throws: PlanError.self) { try FetchPlan(name: "twice", requests: twice) }
        #expect(error?.message == "the plan twice asks for Browser+Device twice.")
        #expect(throws: PlanError.self) { try FetchPlan(name: "empty", requests: []) }
    }

    @Test func plansAreFoundByName() throws {
        #expect(try FetchPlan.named("daily") == .daily)
        #expect(try FetchPlan.named("Totals").requests == [.siteTotals])
        let error = #expect(throws: PlanError.self) { try FetchPlan.named("weekly") }
        #expect(error?.message == "no fetch plan is called weekly; the plans are daily, totals.")
    }
}
