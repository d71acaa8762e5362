import ClarityTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
        (socket, port) = try LoopbackSocket.listen(backlog: 64)
        Thread.detachNewThread { [self] in serve() }
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
