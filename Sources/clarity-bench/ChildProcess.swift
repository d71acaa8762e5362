import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One timed run of another program: its wall time, its peak resident memory, and how it ended.
struct ChildRun: Sendable {
    let seconds: Double
    /// Peak resident set size of the program alone (GNU time's `%M`, its `ru_maxrss`), in bytes.
    let peakBytes: Int
    /// User plus system CPU seconds of the program (GNU time's `%U` and `%S`): less disturbed than wall time by a busy machine.
    let cpuSeconds: Double
    let exitStatus: Int32
    /// The end of what the child wrote to standard error, for the error message when it failed.
    let errorText: String

    var succeeded: Bool { exitStatus == 0 }
}

/// Runs a program under GNU time, which reports the program's own peak memory.
///
/// Linux charges a process spawned with vfork or fork the parent's peak RSS until it execs, so `ru_maxrss` from our own
/// `wait4` would report this benchmark's memory (its responses and stores) for every child. GNU time is small when it
/// forks the program, so its figure is the program's.
enum ChildProcess {
    static let time = "/usr/bin/time"

    /// Runs `arguments[0]` (a path) with standard input from `input` (or /dev/null) and standard output to `output` (or /dev/null).
    static func run(_ arguments: [String], input: String? = nil, output: String? = nil, scratch: String) throws -> ChildRun {
        let errorPath = (scratch as NSString).appendingPathComponent("child-stderr.txt")
        let peakPath = (scratch as NSString).appendingPathComponent("child-peak.txt")
        try? FileManager.default.removeItem(atPath: peakPath)
        let command = [time, "--quiet", "--format", "%M %U %S", "--output", peakPath] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        var pid: pid_t = 0
        let start = monotonicSeconds()
        let spawned = posix_spawn(&pid, time, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchError("cannot start \(time) (Debian package `time`): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchError("waiting for \(arguments[0]) failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = monotonicSeconds() - start
        let exited = status & 0x7f == 0
        let exitStatus = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        let peakText = (try? String(contentsOfFile: peakPath, encoding: .utf8)) ?? ""
        // GNU time writes "Command exited with non-zero status N" above the figures when the program fails.
        let figures = peakText.split(separator: "\n").last?.split(separator: " ") ?? []
        guard figures.count == 3, let kilobytes = Int(figures[0]), let user = Double(figures[1]), let system = Double(figures[2]) else {
            throw BenchError("\(time) reported no figures for \(arguments[0]) (\(peakText.prefix(200))); stderr: \(errorText.suffix(300))")
        }
        return ChildRun(
            seconds: seconds, peakBytes: kilobytes * 1024, cpuSeconds: user + system, exitStatus: exitStatus,
            errorText: String(errorText.suffix(600)))
    }
}

/// Seconds on the monotonic clock, for intervals.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A benchmark step that could not be carried out, said so the person running it knows what to do.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
