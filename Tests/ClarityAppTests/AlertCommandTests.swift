import ClarityDemo
import ClarityModel
import ClarityStore
import Foundation
import Testing

/// `clarity-report alert` run as cron runs it, on the demo's store, posting to a real HTTP server on loopback.
@Suite(.serialized) struct AlertCommandTests {
    static let secretPath = "/services/T0000/B0000/s3cr3tT0kenXYZ"

    /// The demo's Sep 1 – Nov 22 with its releases, built once and copied for each test.
    static let template: String = {
        let folder = scratchFolder("alert-template")
        let path = folder + "/clarity.sqlite"
        let store = try! MetricStore(path: path)
        try! ingestDemo(into: store, days: Day(iso: "2026-09-01")!...Day(iso: "2026-11-22")!)
        for release in DemoSite().releases {
            try! store.addRelease(Release(version: release.version, instant: Instant(seconds: release.day.startSecond + 14 * 3600), source: .manual))
        }
        return path
    }()

    /// A folder with a copy of the demo store, a configuration and a webhook file pointing at `server`.
    static func setUp(server: WebhookServer?, kind: String = "slack") throws -> String {
        let folder = scratchFolder("alert")
        try FileManager.default.copyItem(atPath: template, toPath: folder + "/clarity.sqlite")
        let config = """
            [project]
            name = "Lumen Books"
            site = "https://shop.lumen-books.example"

            [email]
            view_in_browser_base_url = "https://reports.lumen-books.example/ux"

            [alert]
            webhook_file = "webhook"
            webhook_kind = "\(kind)"
            retries = 2
            retry_delay = 0

            """
        try config.write(toFile: folder + "/clarity-report.toml", atomically: true, encoding: .utf8)
        if let server {
            FileManager.default.createFile(
                atPath: folder + "/webhook", contents: Data((server.url(secretPath) + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        }
        return folder
    }

    static func noSecret(_ run: CommandLineTool.Finished) -> Bool {
        !(run.stdout + run.stderr).contains("s3cr3t") && !(run.stdout + run.stderr).contains("/services/")
    }

    @Test func theDayAfterTheCheckoutReleaseRaisesTheSafariCheckoutAlert() throws {
        let folder = try Self.setUp(server: nil)
        let tool = try CommandLineTool.built()
        let run = try tool.run(["alert", "--day", "2026-11-18", "--dry-run"], in: folder)
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.contains("1. Rage clicks on /checkout in Safari: 40.5% on Wed Nov 18, usual for a Wednesday"), "\(run)")
        #expect(run.stdout.contains("new on Wed Nov 18, the day after 2.6.0 shipped"))
        #expect(run.stdout.contains("Recordings → Filters: Rage clicks; Browser is Safari; Visited URL contains /checkout."))
        #expect(run.stdout.contains("Weekly page: https://reports.lumen-books.example/ux/weekly-2026-W47.html"))
        // --dry-run records nothing.
        #expect(try SQLiteShell.query(folder + "/clarity.sqlite", "SELECT COUNT(*) FROM alert_anomaly") == "0")
        // A quiet day finds nothing and exits 0; the JSON model carries the evidence.
        let quiet = try tool.run(["alert", "--day", "2026-11-10", "--dry-run", "--format", "json"], in: folder)
        #expect(quiet.status == 0, "\(quiet)")
        #expect(quiet.stdout.contains("\"findings\" : [\n\n  ]") || quiet.stdout.contains("\"findings\" : []"))
    }

    @Test func slackWebhookIsRetriedOn5xxPostedOnceAndRepeatedOnRequest() throws {
        let server = try WebhookServer { $0 == 0 ? 503 : 200 }
        let folder = try Self.setUp(server: server)
        let tool = try CommandLineTool.built()
        let first = try tool.run(["alert", "--day", "2026-11-18", "--webhook"], in: folder)
        #expect(first.status == 2, "\(first)")
        #expect(server.requests.count == 2)
        #expect(first.stderr.contains("HTTP 503; retrying"))
        #expect(Self.noSecret(first), "\(first)")
        let request = try #require(server.requests.last)
        #expect(request.method == "POST" && request.path == Self.secretPath)
        #expect(request.headers["content-type"]?.hasPrefix("application/json") == true)
        let payload = try #require(request.json as? [String: Any])
        #expect((payload["text"] as? String)?.hasPrefix("1 anomaly on Wed Nov 18, 2026: Rage clicks on /checkout in Safari: 40.5%") == true)
        let blocks = try #require(payload["blocks"] as? [[String: Any]])
        #expect(blocks.first?["type"] as? String == "header")
        let sections = blocks.filter { $0["type"] as? String == "section" }.compactMap { $0["text"] as? [String: Any] }
        #expect(sections.allSatisfy { $0["type"] as? String == "plain_text" })
        #expect(sections.contains { ($0["text"] as? String)?.contains("Recordings → Filters: Rage clicks; Browser is Safari") == true })
        // The same day again: already reported, nothing posted, exit 0, said as still ongoing.
        let second = try tool.run(["alert", "--day", "2026-11-18", "--webhook"], in: folder)
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("Still ongoing, already reported:"))
        #expect(server.requests.count == 2)
        // The next day it continues: still not re-sent; --repeat sends it again.
        let next = try tool.run(["alert", "--day", "2026-11-19", "--webhook"], in: folder)
        #expect(next.status == 0, "\(next)")
        #expect(server.requests.count == 2)
        let repeated = try tool.run(["alert", "--day", "2026-11-19", "--webhook", "--repeat"], in: folder)
        #expect(repeated.status == 2, "\(repeated)")
        #expect(server.requests.count == 3)
        #expect(Self.noSecret(second) && Self.noSecret(next) && Self.noSecret(repeated))
    }

    @Test func teamsWebhookFromTheEnvironmentGetsAnAdaptiveCard() throws {
        let server = try WebhookServer { _ in 200 }
        let folder = try Self.setUp(server: nil, kind: "teams")
        try "[alert]\nwebhook_kind = \"teams\"\nretry_delay = 0\n[project]\nsite = \"https://shop.lumen-books.example\"\n"
            .write(toFile: folder + "/clarity-report.toml", atomically: true, encoding: .utf8)
        let tool = try CommandLineTool.built()
        let run = try tool.run(
            ["alert", "--day", "2026-11-18", "--webhook"], environment: ["CLARITY_ALERT_WEBHOOK": server.url(Self.secretPath)], in: folder)
        #expect(run.status == 2, "\(run)")
        #expect(Self.noSecret(run), "\(run)")
        let payload = try #require(server.requests.first?.json as? [String: Any])
        #expect(payload["type"] as? String == "message")
        let attachment = try #require((payload["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        let texts = (card["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.contains("Rage clicks on /checkout in Safari: 40.5% on Wed Nov 18") })
    }

    @Test func aRefusedPostIsAnErrorThatRecordsNothing() throws {
        let server = try WebhookServer { $0 == 0 ? 404 : 200 }
        let folder = try Self.setUp(server: server)
        let tool = try CommandLineTool.built()
        let refused = try tool.run(["alert", "--day", "2026-11-18", "--webhook"], in: folder)
        #expect(refused.status == 1, "\(refused)")
        #expect(server.requests.count == 1)  // a 4xx is not retried
        #expect(refused.stderr.contains("the webhook answered HTTP 404 after 1 attempt"))
        #expect(Self.noSecret(refused), "\(refused)")
        let retried = try tool.run(["alert", "--day", "2026-11-18", "--webhook"], in: folder)
        #expect(retried.status == 2, "\(retried)")
        #expect(server.requests.count == 2)
    }

    @Test func twoRunsAtOnceSendOnce() throws {
        let server = try WebhookServer { _ in 200 }
        let folder = try Self.setUp(server: server)
        let tool = try CommandLineTool.built()
        let runs = try (0..<2).map { _ in try tool.start(["alert", "--day", "2026-11-18", "--webhook"], in: folder) }.map { $0.wait() }
        #expect(runs.map(\.status).sorted() == [0, 2], "\(runs)")
        #expect(server.requests.count == 1)
    }

    @Test func aWebhookFileOthersCanReadIsRefusedBeforeAnythingIsRecorded() throws {
        let server = try WebhookServer { _ in 200 }
        let folder = try Self.setUp(server: server)
        chmod(folder + "/webhook", 0o644)
        let run = try CommandLineTool.built().run(["alert", "--day", "2026-11-18", "--webhook"], in: folder)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("chmod 600"))
        #expect(Self.noSecret(run))
        #expect(server.requests.isEmpty)
        #expect(try SQLiteShell.query(folder + "/clarity.sqlite", "SELECT COUNT(*) FROM alert_anomaly") == "0")
    }

    @Test func theEmailIsAShortMessageForSend() throws {
        let folder = try Self.setUp(server: nil)
        let run = try CommandLineTool.built().run(
            [
                "alert", "--day", "2026-11-18", "--dry-run", "--format", "eml", "--out", folder + "/alert.eml",
                "--to", "ux@example.com", "--from", "reports@example.com",
            ], in: folder)
        #expect(run.status == 2, "\(run)")
        // Python's email package reads it as any mail client would.
        let parsed = try ExternalTool.output(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import email, email.policy, sys
                message = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
                print(message['Subject'])
                print(message['To'])
                print(message.get_body(('plain',)).get_content())
                print(message.get_body(('html',)).get_content())
                """, folder + "/alert.eml",
            ])
        #expect(parsed.hasPrefix("Lumen Books alert: 1 anomaly on Wed Nov 18, 2026: Rage clicks on /checkout in Safari: 40.5%"), "\(parsed)")
        #expect(parsed.contains("\nux@example.com\n"))
        #expect(parsed.contains("Recordings → Filters: Rage clicks; Browser is Safari; Visited URL contains /checkout."))
        #expect(parsed.contains("<a href=\"https://reports.lumen-books.example/ux/weekly-2026-W47.html\">Weekly page</a>"))
    }

    @Test func theNextWeeklyReportSaysTheAnomalyIsStillOngoing() throws {
        let folder = try Self.setUp(server: nil)
        let tool = try CommandLineTool.built()
        let before = try tool.run(["weekly", "--week", "2026-W47", "--format", "md"], in: folder)
        #expect(!before.stdout.contains("Daily alerts"), "\(before)")
        let alert = try tool.run(["alert", "--day", "2026-11-18"], in: folder)
        #expect(alert.status == 2, "\(alert)")
        let weekly = try tool.run(["weekly", "--week", "2026-W47", "--format", "md"], in: folder)
        #expect(weekly.status == 0, "\(weekly)")
        #expect(
            weekly.stdout.contains("**Daily alerts**\n\n- Rage clicks on /checkout in Safari: 40.5% on Wed Nov 18, usual for a Wednesday"),
            "\(weekly)")
        #expect(weekly.stdout.contains(": still ongoing (since Wed Nov 18)."))
        let json = try tool.run(["weekly", "--week", "2026-W47", "--format", "json"], in: folder)
        #expect(json.stdout.contains("\"status\" : \"ongoing\""))
        // The email says it in both parts, as a mail client shows them.
        let email = try tool.run(
            [
                "weekly", "--week", "2026-W47", "--format", "eml", "--to", "ux@example.com", "--from", "reports@example.com", "--out",
                folder + "/weekly.eml",
            ],
            in: folder)
        #expect(email.status == 0, "\(email)")
        let parts = try ExternalTool.output(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import email, email.policy, sys
                message = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
                print(message.get_body(('plain',)).get_content())
                print('=====')
                print(message.get_body(('html',)).get_content())
                """, folder + "/weekly.eml",
            ]
        ).components(separatedBy: "=====")
        #expect(parts.count == 2)
        let text = parts.first ?? ""
        #expect(text.contains("\nDAILY ALERTS\n* Rage clicks on /checkout in Safari: 40.5% on Wed Nov 18"), "\(text)")
        #expect(text.contains(": still ongoing (since Wed Nov 18).\n"))
        #expect(parts.last?.contains("still ongoing (since Wed Nov 18)") == true)
    }

}
