import Foundation

/// Runs another program (git, sqlite3, python3, the built tool) and collects what it prints.
///
/// Standard output and standard error are read at the same time, each on its own thread: a child that fills one pipe
/// (64 KiB on Linux) while the parent waits on the other would otherwise block forever.
public enum ExternalProgram {
    /// How a run ended and what it wrote.
    public struct Output: Sendable, CustomStringConvertible {
        /// The exit status, or the signal number when `signalled`.
        public let status: Int32
        public let signalled: Bool
        public let stdout: Data
        public let stderr: Data

        public var succeeded: Bool { status == 0 && !signalled }
        public var standardOutput: String { String(decoding: stdout, as: UTF8.self) }
        public var standardError: String { String(decoding: stderr, as: UTF8.self) }

        public var description: String {
            "\(signalled ? "killed by signal" : "exit") \(status)\nstdout: \(standardOutput.prefix(2_000))\nstderr: \(standardError.prefix(2_000))"
        }
    }

    /// Runs `executable` (a path) to completion; `environment` replaces the inherited one when given, and `input`
    /// is written to its standard input (else it inherits ours).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, input: Data? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errors = Pipe()
        let feed = input.map { _ in Pipe() }
        process.standardOutput = output
        process.standardError = errors
        if let feed { process.standardInput = feed }
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { collected.set(errors: errorHandle.readDataToEndOfFile()) }
        if let feed, let input {
            let writer = feed.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                // A child that exits without reading its input closes the pipe; the write then fails, which is fine.
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let standardOutput = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: standardOutput, stderr: collected.errors)
    }

    /// `run` through `/usr/bin/env`, so `name` is found on the PATH.
    public static func run(
        named name: String, _ arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, input: Data? = nil
    ) throws -> Output {
        try run("/usr/bin/env", [name] + arguments, environment: environment, directory: directory, input: input)
    }

    /// Standard error as read on its own thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        var errors: Data { lock.withLock { data } }
        func set(errors: Data) { lock.withLock { data = errors } }
    }
}
