import ClarityModel
import ClarityStore
import ClarityTestSupport
import Foundation
import Testing

@testable import ClarityApp

extension OneAtATime {
    @Suite("SMTP delivery to a real server on loopback")
    struct SMTPDeliveryTests {
        static let user = "reports"
        static let password = "pw-Zq7!never-printed"

        /// A folder with a configuration for the server, a password file and an outbox.
        struct Setup {
            let folder: ScratchFolder
            let config: String
            var outbox: String { folder.path("outbox") }

            init(port: Int, caFile: String, extra: String = "", passwordFile: Bool = false, timeout: Int = 5) throws {
                folder = try ScratchFolder("smtp")
                config = folder.path("clarity-report.toml")
                var smtp =
                    "[email.smtp]\nhost = \"localhost\"\nport = \(port)\nusername = \"\(SMTPDeliveryTests.user)\"\nca_file = \"\(caFile)\"\n"
                    + "timeout = \(timeout)\nretry_delay = 0\noutbox = \"outbox\"\n"
                if passwordFile {
                    let path = folder.path("smtp-password")
                    FileManager.default.createFile(
                        atPath: path, contents: Data((SMTPDeliveryTests.password + "\n").utf8), attributes: [.posixPermissions: 0o600])
                    smtp += "password_file = \"smtp-password\"\n"
                }
                try Data((extra + smtp).utf8).write(to: URL(fileURLWithPath: config))
            }

            func write(_ name: String, _ text: String) throws -> String {
                let path = folder.path(name)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                return path
            }

            /// The messages kept in the outbox, by name.
            func kept() throws -> [String: [UInt8]] {
                guard FileManager.default.fileExists(atPath: outbox) else { return [:] }
                var kept: [String: [UInt8]] = [:]
                for name in try FileManager.default.contentsOfDirectory(atPath: outbox) {
                    kept[name] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: outbox + "/" + name)))
                }
                return kept
            }

            /// Runs `clarity-report` with this configuration and the password in the environment.
            func run(_ arguments: [String], password: String? = SMTPDeliveryTests.password) throws -> CommandLineTool.Finished {
                try CommandLineTool.built().run(
                    arguments + ["--config", config],
                    environment: password.map { ["CLARITY_SMTP_PASSWORD": $0] } ?? [:])
            }

            /// The password appears in no output and no outbox file.
            func expectNoPassword(in runs: CommandLineTool.Finished...) throws {
                for run in runs {
                    #expect(!run.stdout.contains(SMTPDeliveryTests.password) && !run.stderr.contains(SMTPDeliveryTests.password))
                }
                for (name, bytes) in try kept() {
                    #expect(!String(decoding: bytes, as: UTF8.self).contains(SMTPDeliveryTests.password), "\(name)")
                }
            }
        }

        static let message =
            "From: UX reports <ux@lumen-books.example>\r\nTo: product@lumen-books.example,\r\n \"Zoë, Design\" <zoe@lumen-books.example>\r\n"
            + "Cc: cto@lumen-books.example\r\nBcc: audit@lumen-books.example,\r\n\tboard@lumen-books.example\r\nSubject: Weekly\r\n"
            + "MIME-Version: 1.0\r\n\r\nFigures\r\n.a line that starts with a dot\r\n..two dots\r\n.\r\nend\r\n"
        static let withoutBcc =
            "From: UX reports <ux@lumen-books.example>\r\nTo: product@lumen-books.example,\r\n \"Zoë, Design\" <zoe@lumen-books.example>\r\n"
            + "Cc: cto@lumen-books.example\r\nSubject: Weekly\r\n"
            + "MIME-Version: 1.0\r\n\r\nFigures\r\n.a line that starts with a dot\r\n..two dots\r\n.\r\nend\r\n"
        static let recipients = [
            "product@lumen-books.example", "zoe@lumen-books.example", "cto@lumen-books.example",
            "audit@lumen-books.example", "board@lumen-books.example",
        ]

        @Test(
            "over STARTTLS with AUTH PLAIN or LOGIN the server receives the file byte for byte, Bcc in the envelope only",
            arguments: ["PLAIN", "LOGIN"])
        func deliversTheFile(mechanism: String) throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password, mechanism: mechanism)
            let setup = try Setup(port: server.port, caFile: server.caFile, passwordFile: mechanism == "LOGIN")
            let file = try setup.write("weekly.eml", Self.message)
            let run = try setup.run(["send", file], password: mechanism == "LOGIN" ? nil : Self.password)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("delivered to 5 recipients"))
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].data == Array(Self.withoutBcc.utf8))
            #expect(!String(decoding: received[0].data, as: UTF8.self).lowercased().contains("bcc"))
            #expect(received[0].recipients == Self.recipients)
            #expect(received[0].mailFrom == "ux@lumen-books.example")
            #expect(received[0].tls && received[0].authenticated)
            #expect(server.authLog == "\(mechanism) \(Self.user) True\n")
            #expect(try setup.kept().isEmpty)
            try setup.expectNoPassword(in: run)
        }

        @Test("--dry-run prints the envelope and size and connects to nothing, without a password")
        func dryRun() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let setup = try Setup(port: server.port, caFile: server.caFile)
            let file = try setup.write("weekly.eml", Self.message)
            let run = try setup.run(["send", "--dry-run", file], password: nil)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("\(Self.withoutBcc.utf8.count) bytes to transmit (Bcc header removed)"))
            #expect(run.stdout.contains("MAIL FROM:<ux@lumen-books.example>"))
            #expect(run.stdout.contains("RCPT TO:<board@lumen-books.example> (Bcc)"))
            #expect(run.stdout.contains("RCPT TO:<cto@lumen-books.example> (Cc)"))
            #expect(try server.received().isEmpty && server.authLog.isEmpty)
        }

        @Test("a wrong password is a clear error and the message is kept in the outbox, the password nowhere")
        func wrongPassword() throws {
            let server = try SMTPTestServer(user: Self.user, password: "the-right-one")
            let setup = try Setup(port: server.port, caFile: server.caFile)
            let file = try setup.write("weekly.eml", Self.message)
            let run = try setup.run(["send", file])
            #expect(run.status == 75, "\(run)")
            #expect(run.stderr.contains("refused the login of \"reports\""), "\(run)")
            #expect(run.stderr.contains("535"))
            #expect(run.stderr.contains("Check email.smtp.username and the password"))
            #expect(try server.received().isEmpty)
            let kept = try setup.kept()
            #expect(kept.count == 1)
            #expect(kept.values.first == Array(Self.message.utf8))
            #expect(server.authLog == "PLAIN reports False\n", "a refused login is not retried")
            try setup.expectNoPassword(in: run)
        }

        @Test("with the server down the message is kept (exit 75), and `send --outbox` delivers it once the server is back")
        func serverDownThenOutbox() throws {
            let stopped = try SMTPTestServer()
            let port = stopped.port
            stopped.stop()
            let caFile = stopped.caFile
            let setup = try Setup(port: port, caFile: caFile)
            let file = try setup.write("weekly.eml", Self.message)
            let down = try setup.run(["send", file])
            #expect(down.status == 75, "\(down)")
            #expect(down.stderr.contains("cannot reach localhost:\(port)"))
            #expect(down.stderr.contains("not delivered after 3 attempts"))
            #expect(try setup.kept().count == 1)
            let again = try setup.run(["send", file])
            #expect(again.status == 75)
            #expect(try setup.kept().count == 1, "the same message kept twice is one file")

            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let back = try Setup(port: server.port, caFile: server.caFile)
            try FileManager.default.createDirectory(atPath: back.outbox, withIntermediateDirectories: true)
            for (name, bytes) in try setup.kept() {
                try Data(bytes).write(to: URL(fileURLWithPath: back.outbox + "/" + name))
            }
            let retried = try back.run(["send", "--outbox"])
            #expect(retried.status == 0, "\(retried)")
            #expect(try server.received().map(\.data) == [Array(Self.withoutBcc.utf8)])
            #expect(try server.received().first?.recipients == Self.recipients)
            #expect(try back.kept().isEmpty)
            let empty = try back.run(["send", "--outbox"])
            #expect(empty.status == 0 && empty.stdout.contains("is empty"))
            try setup.expectNoPassword(in: down, again)
            try back.expectNoPassword(in: retried)
        }

        @Test("a missing password or a password file others may read stops the run (exit 1) before any connection, nothing kept")
        func passwordProblems() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let setup = try Setup(port: server.port, caFile: server.caFile)
            let file = try setup.write("weekly.eml", Self.message)
            let missing = try setup.run(["send", file], password: nil)
            #expect(missing.status == 1, "\(missing)")
            #expect(missing.stderr.contains("no password is given: set CLARITY_SMTP_PASSWORD, or email.smtp.password_file"))
            let open = try Setup(port: server.port, caFile: server.caFile, passwordFile: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open.folder.path("smtp-password"))
            let run = try open.run(["send", try open.write("weekly.eml", Self.message)], password: nil)
            #expect(run.status == 1, "\(run)")
            #expect(run.stderr.contains("is open to its group or to others (mode 0644); it holds a secret. Run: chmod 600"), "\(run)")
            #expect(try server.received().isEmpty && server.authLog.isEmpty)
            #expect(try setup.kept().isEmpty && open.kept().isEmpty)
            try open.expectNoPassword(in: missing, run)
        }

        @Test("a server that never answers times out, is retried, and the message is kept (exit 75)")
        func timeout() throws {
            let server = try SMTPTestServer(silent: true)
            let setup = try Setup(port: server.port, caFile: server.caFile, timeout: 1)
            let started = Date()
            let run = try setup.run(["send", try setup.write("weekly.eml", Self.message)])
            #expect(run.status == 75, "\(run)")
            #expect(run.stderr.contains("not delivered after 3 attempts"), "\(run)")
            #expect(run.stderr.lowercased().contains("timed out") || run.stderr.lowercased().contains("timeout"), "\(run)")
            #expect(Date().timeIntervalSince(started) < 15)
            #expect(try setup.kept().count == 1)
        }

        @Test("a 451 is retried and the message delivered exactly once")
        func deferredThenDelivered() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password, deferOnce: true)
            let setup = try Setup(port: server.port, caFile: server.caFile)
            let run = try setup.run(["send", try setup.write("weekly.eml", Self.message)])
            #expect(run.status == 0, "\(run)")
            #expect(run.stderr.contains("451 4.3.0 Try again later"))
            #expect(run.stdout.contains("(2 attempts)"))
            #expect(try server.received().count == 1)
            #expect(try setup.kept().isEmpty)
        }

        @Test("a 10 MB message arrives whole")
        func tenMegabytes() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let setup = try Setup(port: server.port, caFile: server.caFile)
            var generator = SeededGenerator(seed: 0x5A7F)
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            var body: [UInt8] = []
            body.reserveCapacity(10_500_000)
            while body.count < 10_000_000 {
                if body.count % 7 == 0 { body.append(UInt8(ascii: ".")) }
                for _ in 0..<75 { body.append(alphabet[Int(generator.next() % 64)]) }
                body += [0x0D, 0x0A]
            }
            let bytes = Array("From: ux@lumen-books.example\r\nTo: product@lumen-books.example\r\nSubject: Big\r\n\r\n".utf8) + body
            let file = setup.folder.path("big.eml")
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let started = Date()
            let run = try setup.run(["send", file])
            let seconds = Date().timeIntervalSince(started)
            #expect(run.status == 0, "\(run)")
            let received = try server.received()
            #expect(received.count == 1)
            #expect(received.first?.data == bytes)
            print("10 MB message (\(bytes.count) bytes) sent in \(String(format: "%.2f", seconds)) s")
        }

        @Test("a lone CR or LF in a recipient header is refused before any connection, and nothing is kept")
        func lineBreakInRecipientRefused() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let setup = try Setup(port: server.port, caFile: server.caFile)
            let good = try setup.write("good.eml", Self.message)
            let bad = try setup.write(
                "bad.eml", "From: ux@lumen-books.example\r\nTo: product@lumen-books.example\rRCPT TO:<evil@attacker.example>\r\n\r\nHi\r\n")
            let run = try setup.run(["send", good, bad])
            #expect(run.status == 1, "\(run)")
            #expect(run.stderr.contains("bad.eml: line 2 holds a lone CR, which is refused"), "\(run)")
            #expect(try server.received().isEmpty, "a bad message stops the run before the good one is sent")
            #expect(server.authLog.isEmpty)
            #expect(try setup.kept().isEmpty)
        }

        @Test("weekly --send delivers the email it writes with --out, [email] bcc in the envelope only; a line break in --to is refused")
        func weeklySend() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let email =
                "[email]\nto = [\"product@lumen-books.example\"]\nbcc = [\"audit@lumen-books.example\"]\nfrom = \"UX reports <ux@lumen-books.example>\"\n"
            let setup = try Setup(port: server.port, caFile: server.caFile, extra: email)
            let week = ISOWeek(label: "2026-W47")!
            let storePath = setup.folder.path("clarity.sqlite")
            try ingestDemo(into: try MetricStore(path: storePath), days: week.firstDay.advanced(by: -7)...week.lastDay)
            let out = setup.folder.path("weekly.eml")
            let weekly = ["weekly", "--store", storePath, "--week", "2026-W47", "--format", "eml", "--send", "--templates", repositoryTemplates]
            let run = try setup.run(weekly + ["--out", out])
            #expect(run.status == 0, "\(run)")
            let written = read(out)
            #expect(written.contains("\r\nBcc: audit@lumen-books.example\r\n"), "the file keeps Bcc for `sendmail -t` and `send`")
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].data == Array(written.replacingOccurrences(of: "\r\nBcc: audit@lumen-books.example\r\n", with: "\r\n").utf8))
            #expect(received[0].recipients == ["product@lumen-books.example", "audit@lumen-books.example"])
            let store = String(decoding: try Data(contentsOf: URL(fileURLWithPath: storePath)), as: UTF8.self)
            #expect(!store.contains(Self.password))
            try setup.expectNoPassword(in: run)

            let injected = try setup.run(weekly + ["--to", "product@lumen-books.example\r\nRCPT TO:<evil@attacker.example>"])
            #expect(injected.status == 64, "\(injected)")
            #expect(injected.stderr.contains("line break"), "\(injected)")
            #expect(try server.received().count == 1)
            #expect(try setup.kept().isEmpty)
        }

        @Test("monthly --send delivers the summary with its PDF attached, the same PDF `--format pdf` writes")
        func monthlySend() throws {
            let server = try SMTPTestServer(user: Self.user, password: Self.password)
            let email = "[email]\nto = [\"ceo@lumen-books.example\"]\nfrom = \"UX reports <ux@lumen-books.example>\"\n"
            let setup = try Setup(port: server.port, caFile: server.caFile, extra: email)
            let month = Month(label: "2026-10")!
            let storePath = setup.folder.path("clarity.sqlite")
            try ingestDemo(into: try MetricStore(path: storePath), days: month.firstDay.advanced(by: -31)...month.lastDay)
            let out = setup.folder.path("monthly.eml")
            let monthly = ["monthly", "--store", storePath, "--month", "2026-10", "--templates", repositoryTemplates]
            let run = try setup.run(monthly + ["--format", "eml", "--send", "--out", out])
            #expect(run.status == 0, "\(run)")
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].data == Array(read(out).utf8))
            #expect(received[0].recipients == ["ceo@lumen-books.example"])
            let pdfPath = setup.folder.path("monthly.pdf")
            let pdf = try setup.run(monthly + ["--format", "pdf", "--out", pdfPath])
            #expect(pdf.status == 0, "\(pdf)")
            // Python's email package, an independent MIME parser, takes the attachment out of what the server received.
            let check = try ExternalTool.output(
                "/usr/bin/env",
                [
                    "python3", "-c",
                    """
                    import email, sys
                    message = email.message_from_bytes(open(sys.argv[1], 'rb').read())
                    part = next(p for p in message.walk() if p.get_content_type() == 'application/pdf')
                    text = next(p for p in message.walk() if p.get_content_type() == 'text/plain').get_payload(decode=True).decode()
                    same = part.get_payload(decode=True) == open(sys.argv[2], 'rb').read()
                    print(part.get_filename(), part.get_content_disposition(), same, 'October 2026: sessions' in text, message.defects == [])
                    """, out, pdfPath,
                ])
            #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "monthly-2026-10.pdf attachment True True True")
            try setup.expectNoPassword(in: run)
            let refused = try setup.run(monthly + ["--format", "pdf", "--send"])
            #expect(refused.status == 64 && refused.stderr.contains("--send needs --format eml"), "\(refused)")
        }
    }
}
