/// One line of `doctor`: what was checked, how it stands, and what to do when it is not fine.
public struct HealthFinding: Sendable, Equatable, Encodable {
    /// How a check stands; the worst level of a report decides its exit code.
    public enum Level: String, Sendable, Equatable, Comparable, Encodable {
        case ok
        case warning
        case problem

        var rank: Int {
            switch self {
            case .ok: return 0
            case .warning: return 1
            case .problem: return 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public let check: String
    public let level: Level
    public let message: String

    public init(_ check: String, _ level: Level, _ message: String) {
        self.check = check
        self.level = level
        self.message = message
    }
}
