import ClarityModel
import ClarityStore
import MCP

/// The period a tool call asks about: an ISO week, a calendar month, or a range of UTC days.
enum PeriodRequest: Equatable {
    case week(ISOWeek)
    case month(Month)
    case range(ClosedRange<Day>)

    /// The longest range one call may ask for: three years, a leap day included.
    static let maximumDays = 3 * 365 + 1

    /// The argument names a period is given with.
    static let argumentNames = ["week", "month", "from", "to"]

    var days: ClosedRange<Day> {
        switch self {
        case .week(let week): return week.firstDay...week.lastDay
        case .month(let month): return month.firstDay...month.lastDay
        case .range(let range): return range
        }
    }

    /// The period of the same kind and length just before this one.
    var previous: PeriodRequest {
        switch self {
        case .week(let week): return .week(week.previous)
        case .month(let month): return .month(month.previous)
        case .range(let range):
            let length = range.lowerBound.distance(to: range.upperBound) + 1
            return .range(range.lowerBound.advanced(by: -length)...range.upperBound.advanced(by: -length))
        }
    }

    var label: String {
        switch self {
        case .week(let week): return week.label
        case .month(let month): return month.label
        case .range(let range): return "\(range.lowerBound.iso)..\(range.upperBound.iso)"
        }
    }

    var title: String {
        switch self {
        case .month(let month): return month.title
        default: return Format.range(days.lowerBound, days.upperBound)
        }
    }

    /// The period as reports summarise it, with the days `covered` holds.
    func summary(covered: Set<Day>) -> PeriodSummary {
        PeriodSummary(label: label, title: title, days: Array(days), covered: covered)
    }

    /// Reads `week`, `month` or `from` and `to`; nil when none is given.
    static func read(_ arguments: ToolArguments) throws(MCPError) -> PeriodRequest? {
        let tool = arguments.tool
        let given = argumentNames.filter(arguments.has)
        let kinds = Set(given.map { $0 == "to" ? "from" : $0 })
        if kinds.count > 1 {
            throw ToolFailure.invalid(
                tool,
                "give one period: week (2026-W47), month (2026-11) or from and to (2026-11-01, 2026-11-30), not \(given.joined(separator: " and ")).")
        }
        if let text = try arguments.string("week") {
            guard let week = ISOWeek(label: text) else {
                throw ToolFailure.invalid(
                    tool, "week \(ToolFailure.quoted(text)) is not an ISO week; write it like 2026-W47 (weeks run 01 to 52 or 53).")
            }
            return .week(week)
        }
        if let text = try arguments.string("month") {
            guard let month = Month(label: text) else {
                throw ToolFailure.invalid(tool, "month \(ToolFailure.quoted(text)) is not a month; write it like 2026-11.")
            }
            return .month(month)
        }
        guard kinds.contains("from") else { return nil }
        guard let fromText = try arguments.string("from"), let toText = try arguments.string("to") else {
            throw ToolFailure.invalid(tool, "a date range needs both from and to, as YYYY-MM-DD (e.g. from 2026-11-01, to 2026-11-30).")
        }
        guard let from = Day(iso: fromText) else {
            throw ToolFailure.invalid(tool, "from \(ToolFailure.quoted(fromText)) is not a date; write it like 2026-11-01.")
        }
        guard let to = Day(iso: toText) else {
            throw ToolFailure.invalid(tool, "to \(ToolFailure.quoted(toText)) is not a date; write it like 2026-11-30.")
        }
        guard from <= to else { throw ToolFailure.invalid(tool, "from \(from.iso) is after to \(to.iso); give the earlier day as from.") }
        let length = from.distance(to: to) + 1
        guard length <= maximumDays else {
            throw ToolFailure.invalid(
                tool,
                "the range \(from.iso) to \(to.iso) spans \(length) days; one call covers at most \(maximumDays) days (3 years). Split it into shorter ranges, or use weekly points in series."
            )
        }
        return .range(from...to)
    }

    /// Fails, saying which days the store holds, when the store has no day of `dimensions` inside the period.
    func requireData(_ store: MetricStore, dimensions: DimensionSet = .none, tool: String) throws(MCPError) -> Set<Day> {
        let coverage: Coverage
        do { coverage = try store.coverage() } catch { throw MCPError.internalError("\(tool): \(error)") }
        let held = coverage.covered(dimensions)
        let inside = Set(held.filter { days.contains($0) })
        guard inside.isEmpty else { return inside }
        let what = dimensions.isEmpty ? "site totals" : "the \(dimensions.key) breakdown"
        guard let first = held.first, let last = held.last else {
            if dimensions.isEmpty {
                throw ToolFailure.invalid(
                    tool, "no data for \(label): the store holds no day yet. Ingest responses with `clarity-report ingest` or `fetch` first.")
            }
            let sets = coverage.days.keys.filter { !$0.isEmpty }.sorted().map(\.key)
            throw ToolFailure.invalid(
                tool,
                "the store holds no \(dimensions.key) breakdown on any day; it holds \(sets.isEmpty ? "no breakdown" : sets.joined(separator: ", "))."
            )
        }
        throw ToolFailure.invalid(
            tool,
            "no data for \(label) (\(title)): the store holds \(what) from \(first.iso) to \(last.iso), i.e. weeks \(ISOWeek(containing: first).label) to \(ISOWeek(containing: last).label) and months \(Month(containing: first).label) to \(Month(containing: last).label). Choose a period inside it."
        )
    }
}
