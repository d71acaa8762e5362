import Foundation
import Glibc

/// A small HTTP/1.1 server on 127.0.0.1 for tests that talk to an HTTP API (the fake Data Export API): one connection at a time, one request per connection.
///
/// It listens on a free port the kernel picks, answers each request with what `answer` says, records what it was
/// asked, and stops by itself after `lifetime` seconds or `maxRequests` requests, whichever comes first.
public final class LocalHTTPServer: @unchecked Sendable {
    /// One request as the server read it.
    public struct Request: Sendable {
        public let path: String
        /// The raw query, as sent.
        public let query: String
        /// Header names in lower case.
        public let headers: [String: String]

        /// The value of a query parameter.
        public func parameter(_ name: String) -> String? {
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]).removingPercentEncoding : "" }
            }
            return nil
        }
    }

    /// What to do with a request.
    public enum Answer: Sendable {
        case reply(status: Int, body: [UInt8], headers: [(String, String)] = [])
        /// Say nothing until the client gives up and closes the connection (bounded by a few seconds).
        case silence
    }

    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false

    /// Starts listening and serving on a background thread; `answer` gets each request and its index from 0.
    public init(lifetime: Double = 300, maxRequests: Int = 40, answer: @escaping @Sendable (Request, Int) -> Answer) throws {
        (listener, port) = try LoopbackSocket.listen(backlog: 16)
        let deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in
            serve(until: deadline, maxRequests: maxRequests, answer: answer)
            close(listener)
        }
        thread.start()
    }

    /// `http://127.0.0.1:PORT` followed by a path.
    public func url(_ path: String = "/export-data/api/v1/project-live-insights") -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Every request served so far, in order.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Asks the serving thread to end; it does within a tenth of a second.
    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func serve(until deadline: Date, maxRequests: Int, answer: (Request, Int) -> Answer) {
        var served = 0
        while served < maxRequests, !isStopped, Date() < deadline {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            defer { close(client) }
            guard let request = readRequest(client) else { continue }
            lock.lock()
            received.append(request)
            lock.unlock()
            switch answer(request, served) {
            case .reply(let status, let body, let headers):
                var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                head += "\r\n"
                writeAll(client, Array(head.utf8) + body)
            case .silence:
                var hangup = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                _ = poll(&hangup, 1, 5_000)
            }
            served += 1
        }
    }

    private func readRequest(_ client: Int32) -> Request? {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while bytes.count < 65_536 {
            let got = recv(client, &chunk, chunk.count, 0)
            guard got > 0 else { return nil }
            bytes += chunk[..<got]
            if bytes.count >= 4, bytes.indices.dropLast(3).contains(where: { Array(bytes[$0..<$0 + 4]) == end }) { break }
        }
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        let target = requestLine[1].split(separator: "?", maxSplits: 1)
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(path: String(target[0]), query: target.count > 1 ? String(target[1]) : "", headers: headers)
    }

    private func writeAll(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 302: return "Found"
        case 401: return "Unauthorized"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }

    /// A port on 127.0.0.1 that is bound but not listening, so connections to it are refused; closed when `body` returns.
    public static func withRefusingPort<T>(_ body: (UInt16) async throws -> T) async throws -> T {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw ServerError(message: "socket: \(String(cString: strerror(errno)))") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 && getsockname(socketFD, pointer, &length) == 0
            }
        }
        guard bound else { throw ServerError(message: "bind: \(String(cString: strerror(errno)))") }
        return try await body(UInt16(bigEndian: address.sin_port))
    }

    public struct ServerError: Error {
        public let message: String
    }
}
