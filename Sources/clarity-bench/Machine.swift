import ClarityModel
import Foundation

/// What the benchmark ran on, read from /proc and the tools themselves.
enum Machine {
    static func describe(shell: SQLiteShell, binary: String) throws -> [String] {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let model = field("model name", in: cpuinfo) ?? "unknown"
        let megahertz = field("cpu MHz", in: cpuinfo).map { " at \($0) MHz" } ?? ""
        let memory =
            field("MemTotal", in: meminfo).flatMap { Int($0.split(separator: " ").first ?? "") }.map {
                Format.fixed(Double($0) / 1_048_576, decimals: 1, grouped: true) + " GiB"
            } ?? "unknown"
        let sqliteVersion = try shell.output(of: "SELECT sqlite_version();", database: ":memory:").trimmingCharacters(in: .whitespacesAndNewlines)
        return [
            "CPU: \(model)\(megahertz), \(ProcessInfo.processInfo.activeProcessorCount) cores online (`nproc`)",
            "Memory: \(memory)",
            "OS: \(ProcessInfo.processInfo.operatingSystemVersionString)",
            "SQLite: \(sqliteVersion) (the `sqlite3` shell and GRDB link the same system library)",
            "clarity-report: \(binary)",
        ]
    }

    /// The value of the first `name : value` line of a /proc file.
    static func field(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
