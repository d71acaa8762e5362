import ClarityModel
import ClarityProcess
import ClarityTestSupport
import Foundation
import Testing

/// The built `clarity-report` executable, run as a separate process the way a user or cron job runs it.
struct CommandLineTool {
    let url: URL

    /// The executable beside the test bundle (`swift build --build-tests` and `swift test` build both into one folder).
    static func built() throws -> CommandLineTool {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("clarity-report"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clarity-report"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ToolMissing(looked: candidates.map(\.path))
        }
        return CommandLineTool(url: found)
    }

    struct ToolMissing: Error, CustomStringConvertible {
        let looked: [String]
        var description: String {
            "the clarity-report executable is not built (looked at \(looked.joined(separator: ", "))); run `swift build --build-tests`"
        }
    }

    /// Runs to completion and returns the exit status and both outputs.
    func run(_ arguments: [String], environment: [String: String] = [:], as user: UInt32? = nil, in directory: String? = nil) throws -> Finished {
        let running = try start(arguments, environment: environment, as: user, in: directory)
        return running.wait()
    }

    /// Starts the tool (in `directory` when given, else the tests' working directory) and returns at once; the caller waits for it or kills it.
    func start(_ arguments: [String], environment: [String: String] = [:], as user: UInt32? = nil, in directory: String? = nil) throws -> Running {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        var merged = ProcessInfo.processInfo.environment
        merged["CLARITY_REPORT_STORE"] = nil
        merged["CLARITY_REPORT_CONFIG"] = nil
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, folder: folder, arguments: arguments)
    }

    /// A process of the tool that has been started.
    final class Running: @unchecked Sendable {
        let process: Process
        let folder: URL
        let arguments: [String]

        init(process: Process, folder: URL, arguments: [String]) {
            self.process = process
            self.folder = folder
            self.arguments = arguments
        }

        var pid: Int32 { process.processIdentifier }

        /// Sends SIGKILL: no handler, no cleanup, the way a crash or an OOM kill ends a process.
        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
        }

        func wait() -> Finished {
            process.waitUntilExit()
            let out = (try? String(contentsOf: folder.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: folder)
            return Finished(
                status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                stdout: out, stderr: err, arguments: arguments)
        }
    }

    /// How a run ended.
    struct Finished: CustomStringConvertible {
        let status: Int32
        let killed: Bool
        let stdout: String
        let stderr: String
        let arguments: [String]

        var description: String {
            "clarity-report \(arguments.joined(separator: " ")) → \(killed ? "killed by signal \(status)" : "exit \(status)")\nstdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))"
        }
    }
}

/// The seeded generator the fault tests replay schedules with: the shared `SplitMix64`.
typealias SeededGenerator = SplitMix64

/// The shared scratch folder, under the name this target's tests have always used, for files that do not import
/// `ClarityTestSupport` themselves.
typealias ScratchFolder = ClarityTestSupport.ScratchFolder

/// Reads an SQLite file with the `sqlite3` shell, a reader independent of GRDB and of the store's own code.
enum SQLiteShell {
    static func query(_ path: String, _ sql: String) throws -> String {
        let run = try ExternalProgram.run(named: "sqlite3", ["-batch", "-noheader", "-separator", "\t", path, sql])
        guard run.succeeded else {
            throw ShellFailure(message: run.standardError)
        }
        return run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct ShellFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { "sqlite3 failed: \(message)" }
    }
}
