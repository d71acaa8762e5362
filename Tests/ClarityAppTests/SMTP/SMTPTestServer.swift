import ClarityTestSupport
import Foundation

/// A real SMTP server on loopback (aiosmtpd, `smtp-server.py` beside this file) with STARTTLS from a CA made for it,
/// that records each accepted message's envelope and DATA to files.
final class SMTPTestServer: @unchecked Sendable {
    let folder: ScratchFolder
    let process: Process
    let port: Int

    /// The throw-away CA the server's certificate is signed by.
    var caFile: String { folder.path("ca.pem") }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp-server.py").path

    /// Starts the server and waits until it listens; `user` and `password` make AUTH required, `mechanism` offers only
    /// PLAIN or LOGIN, `deferOnce` answers the first DATA with 451, `silent` accepts connections and never answers.
    init(user: String? = nil, password: String? = nil, mechanism: String? = nil, deferOnce: Bool = false, silent: Bool = false) throws {
        folder = try ScratchFolder("smtp-server")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", Self.script, "--dir", folder.url.path]
        if let user, let password { arguments += ["--user", user, "--password", password] }
        if let mechanism { arguments += ["--mechanism", mechanism] }
        if deferOnce { arguments.append("--defer-once") }
        if silent { arguments.append("--silent") }
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let errors = folder.url.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while true {
            if let text = try? String(contentsOfFile: folder.path("port"), encoding: .utf8), let port = Int(text) {
                self.port = port
                return
            }
            guard process.isRunning, Date() < deadline else {
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                }
                throw NotStarted(log: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    struct NotStarted: Error, CustomStringConvertible {
        let log: String
        var description: String { "the test SMTP server did not start (is aiosmtpd installed? scripts/install-deps.sh installs it): \(log)" }
    }

    /// A message the server accepted: the envelope and the DATA bytes as received.
    struct Received {
        let mailFrom: String
        let recipients: [String]
        let tls: Bool
        let authenticated: Bool
        let data: [UInt8]
    }

    /// Every message accepted so far, in order.
    func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path(name)))) as? [String: Any] ?? [:]
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path(String(name.dropLast(5)) + ".eml")))
            return Received(
                mailFrom: envelope["mail_from"] as? String ?? "", recipients: envelope["rcpt_tos"] as? [String] ?? [],
                tls: envelope["tls"] as? Bool ?? false, authenticated: envelope["authenticated"] as? Bool ?? false, data: [UInt8](data))
        }
    }

    /// Each AUTH attempt: mechanism, login and whether it passed.
    var authLog: String { (try? String(contentsOfFile: folder.path("auth.log"), encoding: .utf8)) ?? "" }

    /// Stops the server this object started, and waits for it to exit.
    ///
    /// SIGKILL, because a process started from a Swift Testing thread inherits that thread's blocked SIGTERM.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
