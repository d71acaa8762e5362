import Foundation

/// An HTTP answer: its status and body, whatever they are.
public struct HTTPResponse: Sendable, Equatable {
    public let status: Int
    public let body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Why no HTTP answer came.
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing arrived within the timeout; the API may still have counted the request.
    case timedOut(seconds: Double)
    /// The endpoint could not be reached at all (name, connection, TLS).
    case unreachable(String)

    public var description: String {
        switch self {
        case .timedOut(let seconds): return "no answer within \(Int(seconds.rounded())) s"
        case .unreachable(let reason): return reason
        }
    }
}

/// Sends GET requests; the fetch asks nothing else of the network.
public protocol HTTPTransport: Sendable {
    /// Sends one GET; throws `TransportError` when no answer came, returns any status that did.
    func get(_ url: URL, headers: [String: String], timeout: Double) async throws -> HTTPResponse
}
