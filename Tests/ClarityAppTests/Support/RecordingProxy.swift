#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A loopback HTTP listener that a browser uses as its proxy: every request the browser makes, to any host, arrives
/// here first, is recorded by its request line, and is answered 404 without going anywhere.
final class RecordingProxy: @unchecked Sendable {
    let port: UInt16
    private let socket: Int32
    private let lock = NSLock()
    private var lines: [String] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init() throws {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw SocketFailure(call: "socket") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw SocketFailure(call: "bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        socket = listener
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in serve() }
    }

    struct SocketFailure: Error, CustomStringConvertible {
        let call: String
        var description: String { "\(call) failed: \(String(cString: strerror(errno)))" }
    }

    /// The request lines received so far, such as `GET http://beacon.example/x.png HTTP/1.1` or `CONNECT host:443 HTTP/1.1`.
    var requests: [String] { lock.withLock { lines } }

    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
        close(socket)
    }

    private func serve() {
        defer { finished.signal() }
        while !lock.withLock({ stopped }) {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 8_192)
            let count = recv(client, &buffer, buffer.count, 0)
            if count > 0 {
                let head = String(decoding: buffer[0..<count], as: UTF8.self)
                let line = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? head
                lock.withLock { lines.append(line) }
            }
            let answer = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
            _ = send(client, answer, answer.count, Int32(MSG_NOSIGNAL))
            close(client)
        }
    }
}
