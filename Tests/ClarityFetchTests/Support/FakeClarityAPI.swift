import ClarityFetch
import ClarityModel
import ClarityTestSupport
import Foundation

/// Answers like the Data Export API: checks the bearer token and builds a response for the dimensions asked from the store's sample files.
enum FakeClarityAPI {
    /// The token the fake API accepts.
    static let token = "eyJhbGciOiJSUzI1NiJ9.fetch-test-secret-7Qm2.c2lnbmF0dXJl"

    /// The shared sample responses.
    static let fixtures = Samples.folder

    private static func fixture(_ name: String) -> String {
        try! String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The dimensions a request names in `dimension1`...`dimension3`, as sent.
    static func dimensions(of request: LocalHTTPServer.Request) -> [String] {
        (1...3).compactMap { request.parameter("dimension\($0)") }
    }

    /// The key rows carry for a dimension: the API answers `URL` with `Url`.
    private static func rowKey(_ dimension: String) -> String { dimension == "URL" ? "Url" : dimension }

    /// A valid response body for the dimensions asked: the site totals sample, or a sample whose dimension keys are renamed.
    static func body(for request: LocalHTTPServer.Request) -> [UInt8] {
        let asked = dimensions(of: request)
        var text: String
        switch asked.count {
        case 0:
            text = fixture("20261117T013000Z_1d.json")
        case 1:
            text = fixture("20261117T013500Z_1d_Device.json").replacingOccurrences(of: "\"Device\":", with: "\"\(rowKey(asked[0]))\":")
        default:
            text = fixture("20261117T014500Z_1d_Browser_Device.json")
                .replacingOccurrences(of: "\"Browser\":", with: "\"#1\":")
                .replacingOccurrences(of: "\"Device\":", with: "\"#2\":")
                .replacingOccurrences(of: "\"#1\":", with: "\"\(rowKey(asked[0]))\":")
                .replacingOccurrences(of: "\"#2\":", with: "\"\(rowKey(asked[1]))\":")
        }
        return Array(text.utf8)
    }

    /// 401 without the right bearer token, else 200 with a valid body.
    static func answer(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Answer {
        guard request.headers["authorization"] == "Bearer \(token)" else {
            return .reply(status: 401, body: [])
        }
        return .reply(status: 200, body: body(for: request), headers: [("Content-Type", "application/json")])
    }
}
