/// What `doctor` found: whether tomorrow's reports will be right, check by check.
public struct HealthReport: Sendable, Equatable, Encodable {
    public let findings: [HealthFinding]

    public init(findings: [HealthFinding]) {
        self.findings = findings
    }

    /// The worst level found; ok for no finding.
    public var level: HealthFinding.Level { findings.map(\.level).max() ?? .ok }

    /// 0 healthy, 1 warnings, 2 problems: for cron to alert on.
    public var exitCode: Int32 { Int32(level.rank) }

    /// One line per check, then the verdict.
    public var text: String {
        let width = findings.map(\.check.count).max() ?? 0
        var lines = findings.map { finding in
            let mark: String
            switch finding.level {
            case .ok: mark = "ok     "
            case .warning: mark = "WARNING"
            case .problem: mark = "PROBLEM"
            }
            return "\(mark)  \(finding.check.padding(toLength: width, withPad: " ", startingAt: 0))  \(finding.message)"
        }
        switch level {
        case .ok: lines.append("Healthy: tomorrow's reports will rest on complete data.")
        case .warning: lines.append("Warnings: reports will be written, but see the lines marked WARNING.")
        case .problem: lines.append("Problems: fix the lines marked PROBLEM, or tomorrow's fetch or reports will fail.")
        }
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case findings, level, exitCode
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(findings, forKey: .findings)
        try container.encode(level, forKey: .level)
        try container.encode(exitCode, forKey: .exitCode)
    }
}
