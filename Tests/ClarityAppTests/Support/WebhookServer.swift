import Foundation
import Glibc

/// An incoming-webhook stand-in on 127.0.0.1: reads whole POSTs (headers and body), answers each with a scripted status.
///
/// Like the fetch tests' `LocalHTTPServer`, but it keeps the request bodies, which the alert tests inspect.
final class WebhookServer: @unchecked Sendable {
    struct Request: Sendable {
        let method: String
        let path: String
        /// Header names in lower case.
        let headers: [String: String]
        let body: [UInt8]

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Request] = []

    /// Listens on a free port; `status` gives the answer to the request of each index from 0.
    init(status: @escaping @Sendable (Int) -> Int) throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 && listen(socketFD, 16) == 0 && getsockname(socketFD, pointer, &length) == 0
            }
        }
        guard socketFD >= 0, ready else { throw ServerError(message: "cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))") }
        listener = socketFD
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(120)
        Thread { [self] in
            var served = 0
            while Date() < deadline {
                var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&waiting, 1, 100) > 0 else { continue }
                let client = accept(listener, nil, nil)
                guard client >= 0 else { continue }
                if let request = read(client) {
                    lock.lock()
                    received.append(request)
                    lock.unlock()
                    let code = status(served)
                    let reply = "HTTP/1.1 \(code) Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    _ = reply.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                    served += 1
                }
                close(client)
            }
            close(listener)
        }.start()
    }

    /// `http://127.0.0.1:PORT` and a path.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    private func read(_ client: Int32) -> Request? {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        var expected = 0
        while bytes.count < 4_000_000 {
            if let end = headerEnd, bytes.count >= end + expected { break }
            let got = recv(client, &chunk, chunk.count, 0)
            guard got > 0 else { return nil }
            bytes += chunk[..<got]
            if headerEnd == nil, let found = bytes.indices.dropLast(3).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) {
                headerEnd = found + 4
                let head = String(decoding: bytes[..<found], as: UTF8.self).lowercased()
                for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
                    expected = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let end = headerEnd else { return nil }
        let lines = String(decoding: bytes[..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Array(bytes[end...]))
    }

    struct ServerError: Error {
        let message: String
    }
}
