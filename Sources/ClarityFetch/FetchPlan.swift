import ClarityModel
import ClarityStore

import struct Foundation.URL
import struct Foundation.URLComponents
import struct Foundation.URLQueryItem

/// One request of a fetch plan: the last 24 hours, broken down by up to three dimensions.
public struct FetchRequest: Sendable, Hashable, CustomStringConvertible {
    /// The dimensions in the order they are sent as `dimension1`, `dimension2`, `dimension3`.
    public let order: [Dimension]

    /// The most dimensions the API accepts in one request.
    public static let mostDimensions = 3

    /// A request for dimensions in the order given; at most three, none twice.
    public init(_ order: [Dimension]) throws(PlanError) {
        guard order.count <= Self.mostDimensions else {
            throw PlanError(
                message:
                    "\(order.map(\.name).joined(separator: "+")) asks for \(order.count) dimensions; the API takes at most \(Self.mostDimensions) per request."
            )
        }
        guard Set(order).count == order.count else {
            throw PlanError(message: "\(order.map(\.name).joined(separator: "+")) names a dimension twice.")
        }
        self.order = order
    }

    /// The request for the site totals, without dimensions.
    public static let siteTotals = try! FetchRequest([])

    /// The dimension set the response is stored under.
    public var dimensions: DimensionSet { DimensionSet(order) }

    /// `Device+Browser`, or `site totals` when there is no dimension; used in logs, the ledger and snapshot sources.
    public var description: String { order.isEmpty ? "site totals" : order.map(\.name).joined(separator: "+") }

    /// The request URL: the endpoint with `numOfDays` (1 unless a 2- or 3-day window recovers a missed day) and one `dimensionN` parameter per dimension.
    public func url(endpoint: URL, numOfDays: Int = 1) -> URL {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)!
        var items = components.queryItems ?? []
        items.append(URLQueryItem(name: "numOfDays", value: String(numOfDays)))
        for (index, dimension) in order.enumerated() {
            items.append(URLQueryItem(name: "dimension\(index + 1)", value: dimension.name))
        }
        components.queryItems = items
        return components.url!
    }
}

/// The requests one daily fetch asks for, in order of priority: when the budget runs short, the first ones are asked.
public struct FetchPlan: Sendable, Equatable {
    public let name: String
    public let requests: [FetchRequest]

    /// A plan that fits in one day's budget and asks for no dimension set twice.
    public init(name: String, requests: [FetchRequest]) throws(PlanError) {
        guard !requests.isEmpty else { throw PlanError(message: "the plan \(name) asks for nothing.") }
        guard requests.count <= MetricStore.dailyRequestLimit else {
            throw PlanError(message: "the plan \(name) asks for \(requests.count) requests; the API allows \(MetricStore.dailyRequestLimit) a day.")
        }
        var seen: Set<DimensionSet> = []
        for request in requests where !seen.insert(request.dimensions).inserted {
            throw PlanError(message: "the plan \(name) asks for \(request) twice.")
        }
        self.name = name
        self.requests = requests
    }

    /// The default plan: site totals, each useful dimension alone, Source with Medium, and Device with Browser; one slot is left for a retry.
    public static let daily = try! FetchPlan(
        name: "daily",
        requests: [
            FetchRequest.siteTotals,
            try FetchRequest([.device]),
            try FetchRequest([.browser]),
            try FetchRequest([.os]),
            try FetchRequest([.country]),
            try FetchRequest([.source, .medium]),
            try FetchRequest([.channel]),
            try FetchRequest([.url]),
            try FetchRequest([.device, .browser]),
        ])

    /// One request for the site totals: the cheapest check that a new token works.
    public static let totals = try! FetchPlan(name: "totals", requests: [FetchRequest.siteTotals])

    /// The plans `--plan` can name.
    public static let builtIn = [daily, totals]

    /// The built-in plan of a name.
    public static func named(_ name: String) throws(PlanError) -> FetchPlan {
        guard let plan = builtIn.first(where: { $0.name == name.lowercased() }) else {
            throw PlanError(message: "no fetch plan is called \(name); the plans are \(builtIn.map(\.name).joined(separator: ", ")).")
        }
        return plan
    }
}

/// Why a plan or a request was refused.
public struct PlanError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
