/// Why a 2- or 3-day snapshot gave no day.
public enum DerivationRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// A 1-day snapshot has nothing to derive.
    case notMultiDay
    /// Every day of the window has its own 1-day snapshot.
    case nothingMissing
    /// Two or more days of the window lack a 1-day snapshot: their sum is known, not each day.
    case block([Day])
    /// The 1-day snapshot of a neighbouring day was pulled too far from the window's slot boundary.
    case misaligned(day: Day, neighbour: Day, offsetSeconds: Int64, tolerance: Int64)
    /// No segment is in the window and in every subtracted snapshot with a consistent session count.
    case noCommonSegment(day: Day)
    /// The day already has derived figures from another multi-day snapshot.
    case alreadyDerived(Day)

    public var description: String {
        switch self {
        case .notMultiDay:
            return "a 1-day snapshot derives nothing"
        case .nothingMissing:
            return "every day it covers already has a 1-day snapshot"
        case .block(let days):
            return
                "\(days.map(\.iso).joined(separator: " and ")) all lack a 1-day snapshot; together they are known, each alone is not, so nothing is derived"
        case .misaligned(let day, let neighbour, let offset, let tolerance):
            let side = offset > 0 ? "after" : "before"
            return
                "\(day.iso) is not derived: the 1-day snapshot of \(neighbour.iso) was pulled \(Self.duration(abs(offset))) \(side) the window's day boundary, more than the \(Self.duration(tolerance)) allowed. Pull the 2- or 3-day window within \(Self.duration(tolerance)) of that day's pull time"
        case .noCommonSegment(let day):
            return
                "\(day.iso) is not derived: no segment is in both the window and every 1-day snapshot subtracted with fewer sessions in the part than in the whole"
        case .alreadyDerived(let day):
            return "\(day.iso) is already derived from another multi-day snapshot"
        }
    }

    /// `2 h 05 min`, `45 min`.
    static func duration(_ seconds: Int64) -> String {
        let minutes = (seconds + 59) / 60
        if minutes < 60 { return "\(minutes) min" }
        let rest = minutes % 60
        return rest == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(rest < 10 ? "0" : "")\(rest) min"
    }
}
