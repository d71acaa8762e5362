import Foundation

/// One report the CLI writes, how to ask for it, and which floor it is held against.
struct ReportCase: Sendable {
    enum Floor: Sendable {
        case weekly, monthly
    }

    let name: String
    /// The subcommand, probed with `--help` before the report is timed.
    let command: String
    /// A word the subcommand's help must contain (e.g. the `eml` format) for the report to exist.
    let helpMentions: String?
    let floor: Floor
    /// The arguments after the binary, given the store and a fresh output folder.
    let arguments: @Sendable (_ store: String, _ output: String) -> [String]

    static let all: [ReportCase] = [
        ReportCase(name: "weekly HTML", command: "weekly", helpMentions: nil, floor: .weekly) { store, output in
            ["weekly", "--format", "html", "--store", store, "--out", (output as NSString).appendingPathComponent("weekly.html")]
        },
        ReportCase(name: "weekly email", command: "weekly", helpMentions: "eml", floor: .weekly) { store, output in
            [
                "weekly", "--format", "eml", "--to", "team@example.com", "--from", "reports@example.com", "--store", store,
                "--out", (output as NSString).appendingPathComponent("weekly.eml"),
            ]
        },
        ReportCase(name: "research log entry", command: "log", helpMentions: nil, floor: .weekly) { store, output in
            ["log", "--store", store, "--dir", (output as NSString).appendingPathComponent("research-log")]
        },
        ReportCase(name: "monthly HTML", command: "monthly", helpMentions: nil, floor: .monthly) { store, output in
            ["monthly", "--format", "html", "--store", store, "--out", (output as NSString).appendingPathComponent("monthly.html")]
        },
    ]

    /// Whether the binary has this report: its subcommand is listed in the help, and the subcommand's help mentions what it must.
    func isAvailable(in binary: String, scratch: String) throws -> Bool {
        guard try Self.subcommands(of: binary, scratch: scratch).contains(command) else { return false }
        guard let helpMentions else { return true }
        return try Self.help(binary, [command, "--help"], scratch: scratch).contains(helpMentions)
    }

    /// The subcommand names the binary's help lists.
    static func subcommands(of binary: String, scratch: String) throws -> Set<String> {
        let lines = try help(binary, ["--help"], scratch: scratch).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { return [] }
        return Set(
            lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line -> String? in
                // Entries are indented by two spaces; their wrapped descriptions by more.
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
                return String(name)
            })
    }

    private static func help(_ binary: String, _ arguments: [String], scratch: String) throws -> String {
        let path = (scratch as NSString).appendingPathComponent("help.txt")
        let run = try ChildProcess.run([binary] + arguments, output: path, scratch: scratch)
        guard run.succeeded else { throw BenchError("\(binary) \(arguments.joined(separator: " ")) failed: \(run.errorText)") }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
