import ClarityProcess
import ClarityTestSupport
import Foundation
import Testing

/// Runs the built `clarity-report` binary as cron or a person would, and checks what it prints and how it exits.
@Suite("The command line")
struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = Samples.folder

    struct Run {
        let status: Int32
        let out: String
        let error: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary =
            ProcessInfo.processInfo.environment["CLARITY_REPORT_BINARY"] ?? repository.appendingPathComponent(".build/debug/clarity-report").path
        let run = try ExternalProgram.run(binary, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        return Run(status: run.status, out: run.standardOutput, error: run.standardError)
    }

    @Test("ingest shows progress, names a bad file's problem, ends with a summary and exits non-zero; the good files are kept")
    func ingestSummary() throws {
        let folder = scratchFolder("cli-ingest")
        let store = folder + "/store.sqlite"
        let good = Self.samples.appendingPathComponent("20261117T013000Z_1d.json").path
        let bad = folder + "/20261118T013000Z_1d.json"
        try Data("[{\"metricName\": \"Traffic\", \"information\": [{\"totalSessionCount\": \"12\"".utf8).write(to: URL(fileURLWithPath: bad))
        let run = try Self.run(["ingest", good, bad, good, "--store", store])
        #expect(run.status == 1)
        #expect(run.out.contains("[1/3] \(good): ingested"))
        #expect(run.out.contains("[3/3] \(good): duplicate of snapshot 1"))
        #expect(run.out.contains("Summary: 1 ingested (36 rows), 1 duplicate, 1 failed."), "\(run.out)")
        #expect(run.error.contains("[2/3] \(bad): line 1, column"), "\(run.error)")
        #expect(run.error.contains("truncated"))
        let status = try Self.run(["status", "--json", "--store", store])
        #expect(status.out.contains("\"snapshots\" : 1"))
    }

    @Test("--store works before and after the subcommand")
    func storeOptionAnywhere() throws {
        let folder = scratchFolder("cli-store")
        let store = folder + "/s.sqlite"
        _ = try Self.run(["ingest", Self.samples.appendingPathComponent("20261117T013500Z_1d_Device.json").path, "--store", store])
        let before = try Self.run(["--store", store, "status"])
        let after = try Self.run(["status", "--store", store])
        #expect(before.status == 0 && after.status == 0)
        #expect(before.out == after.out)
        #expect(before.out.contains("Device           1 of 1 days"), "\(before.out)")
        let fromEnvironment = try Self.run(["status"], environment: ["CLARITY_REPORT_STORE": store])
        #expect(fromEnvironment.out == before.out)
    }

    @Test("bad options say what is wrong and what to write instead")
    func badOptions() throws {
        let week = try Self.run(["weekly", "--week", "2026-W99", "--store", scratchFolder("cli-week") + "/s.sqlite"])
        #expect(week.status != 0)
        #expect(week.error.contains("--week \"2026-W99\" is not an ISO week; write it like 2026-W47"), "\(week.error)")
        let ingest = try Self.run([
            "ingest", Self.samples.appendingPathComponent("20261117T013000Z_1d.json").path, "--days", "5", "--store",
            scratchFolder("cli-days") + "/s.sqlite",
        ])
        #expect(ingest.error.contains("--days must be 1, 2 or 3"))
        let empty = try Self.run(["weekly", "--store", scratchFolder("cli-empty") + "/s.sqlite"])
        #expect(empty.status != 0)
        #expect(empty.error.contains("there is no store at this path"), "\(empty.error)")
    }

    @Test("raw gives a response back byte for byte; an unknown snapshot id says where ids are and changes nothing")
    func raw() throws {
        let store = scratchFolder("cli-raw") + "/s.sqlite"
        let file = Self.samples.appendingPathComponent("20261117T013500Z_1d_Device.json")
        let ingest = try Self.run(["ingest", file.path, "--store", store])
        #expect(ingest.out.contains("as snapshot 1,"), "\(ingest.out)")
        let out = scratchFolder("cli-raw-out") + "/1.json"
        #expect(try Self.run(["raw", "1", "--store", store, "--out", out]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: file))
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let unknown = try Self.run(["raw", "9", "--store", store])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("the store has no snapshot 9; ingest prints each response's snapshot id"), "\(unknown.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    @Test("the help text lists every command")
    func help() throws {
        let help = try Self.run(["--help"])
        for command in ["ingest", "fetch", "status", "weekly", "log", "monthly", "release", "config", "templates", "demo"] {
            #expect(help.out.contains("  \(command)"), "\(command) missing from --help")
        }
    }
}
