import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The transport over URLSession: no cache, no cookies, and redirects refused so the token never follows one.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func get(_ url: URL, headers: [String: String], timeout: Double) async throws -> HTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        do {
            let prepared = request
            return try await Self.first(of: { try await self.send(prepared) }, orTimeoutAfter: timeout)
        } catch let error as URLError {
            throw error.code == .timedOut ? TransportError.timedOut(seconds: timeout) : TransportError.unreachable(Self.reason(error))
        }
    }

    private func send(_ request: URLRequest) async throws -> HTTPResponse {
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw TransportError.unreachable("the answer from \(request.url?.host ?? "the endpoint") was not HTTP")
        }
        return HTTPResponse(status: http.statusCode, body: [UInt8](data))
    }

    /// Races a request against its deadline and cancels the loser; URLSession on Linux does not honour a request's own timeout.
    private static func first(
        of operation: @escaping @Sendable () async throws -> HTTPResponse,
        orTimeoutAfter timeout: Double
    ) async throws -> HTTPResponse {
        try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let response = try await group.next() ?? nil else { throw TransportError.timedOut(seconds: timeout) }
            return response
        }
    }

    /// What a URL error means, in words; URLError's own text is often only a code on Linux.
    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: return "the endpoint's host name does not resolve"
        case .cannotConnectToHost: return "the endpoint refused the connection"
        case .notConnectedToInternet: return "this machine is not connected to a network"
        case .networkConnectionLost, .badServerResponse, .zeroByteResource:
            return "the endpoint closed the connection without a complete answer"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "the TLS connection to the endpoint failed"
        case .badURL, .unsupportedURL: return "the endpoint is not a usable http(s) URL"
        default: return "URL error \(error.code.rawValue)"
        }
    }
}

/// Refuses every redirect, so the answer is the 3xx itself and the Authorization header goes nowhere else.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
