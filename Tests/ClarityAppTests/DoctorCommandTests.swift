import ClarityDemo
import ClarityModel
import ClarityStore
import Foundation
import Testing

/// `clarity-report doctor` run as cron would, on stores and settings that are healthy, need a look, or will fail.
@Suite("doctor")
struct DoctorCommandTests {
    static let token = "eyJhbGciOiJSUzI1NiJ9.doctor-test-secret-4Kp1.c2lnbmF0dXJl"

    /// A folder with a store fetched an hour ago (every planned breakdown of one day), a 0600 token file and a configuration.
    static func healthyFolder(smtp: Bool = true, templates: String = "") throws -> String {
        let folder = scratchFolder("doctor")
        let store = try MetricStore(path: folder + "/store.sqlite")
        let now = Instant(seconds: Int64(Date().timeIntervalSince1970) - 3_600)
        for response in DemoSite().responses(on: Day(iso: "2026-06-01")!) {
            _ = try store.ingest(ResponseSubmission(bytes: response.bytes, pulledAt: now, numOfDays: 1, source: response.fileName), at: now)
        }
        let slot = try #require(try store.reserveRequest("site totals", at: now))
        try store.recordOutcome(of: slot, status: 200, outcome: "stored")
        FileManager.default.createFile(atPath: folder + "/token", contents: Data(token.utf8), attributes: [.posixPermissions: 0o600])
        var config = "[fetch]\ntoken_file = \"token\"\n"
        if smtp { config += "[email.smtp]\nhost = \"localhost\"\nsecurity = \"none\"\n" }
        if !templates.isEmpty { config += "[report]\ntemplates = \"\(templates)\"\n" }
        try config.write(toFile: folder + "/clarity-report.toml", atomically: true, encoding: .utf8)
        return folder
    }

    static func doctor(_ folder: String, _ extra: [String] = []) throws -> CommandLineTests.Run {
        try CommandLineTests.run(
            ["doctor", "--store", folder + "/store.sqlite", "--config", folder + "/clarity-report.toml"] + extra,
            environment: ["CLARITY_API_TOKEN": ""])
    }

    @Test("a fresh fetch, a private token, SMTP set and the font installed: every line ok, exit 0, the store's bytes unchanged")
    func healthy() throws {
        let folder = try Self.healthyFolder()
        let before = FileManager.default.contents(atPath: folder + "/store.sqlite")
        let run = try Self.doctor(folder)
        #expect(run.status == 0, "\(run.out)\(run.error)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("ok ") }, "\(run.out)")
        #expect(lines.last == "Healthy: tomorrow's reports will rest on complete data.")
        #expect(run.out.contains("store integrity         quick_check ok"))
        #expect(run.out.contains("schema                  v7 (v7-alert-anomalies)"))
        #expect(FileManager.default.contents(atPath: folder + "/store.sqlite") == before)
        #expect(!run.out.contains(Self.token))
    }

    @Test("no SMTP server set: a warning, exit 1, and the JSON says the same")
    func warning() throws {
        let folder = try Self.healthyFolder(smtp: false)
        let run = try Self.doctor(folder)
        #expect(run.status == 1, "\(run.out)\(run.error)")
        #expect(run.out.contains("WARNING  smtp"))
        let json = try Self.doctor(folder, ["--json"])
        #expect(json.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(document?["level"] as? String == "warning")
        #expect(document?["exitCode"] as? Int == 1)
        let findings = document?["findings"] as? [[String: Any]] ?? []
        #expect(findings.first { $0["check"] as? String == "smtp" }?["level"] as? String == "warning")
    }

    @Test("a token file others may read and a missing template folder are problems, exit 2, each saying what to do")
    func problems() throws {
        let folder = try Self.healthyFolder(templates: "no-such-templates")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder + "/token")
        let run = try Self.doctor(folder)
        #expect(run.status == 2, "\(run.out)\(run.error)")
        #expect(run.out.contains("PROBLEM  token"))
        #expect(run.out.contains("chmod 600"))
        #expect(run.out.contains("PROBLEM  templates"))
        #expect(run.out.contains("no-such-templates, which does not exist"))
        #expect(run.out.hasSuffix("Problems: fix the lines marked PROBLEM, or tomorrow's fetch or reports will fail.\n"))
    }

    @Test("no store at the path is one problem line, and nothing is created")
    func noStore() throws {
        let folder = try Self.healthyFolder()
        let run = try CommandLineTests.run(["doctor", "--store", folder + "/absent.sqlite", "--config", folder + "/clarity-report.toml"])
        #expect(run.status == 2)
        #expect(run.out.contains("PROBLEM  store"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/absent.sqlite"))
    }
}
