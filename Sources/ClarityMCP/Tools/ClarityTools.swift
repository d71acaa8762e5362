import ClarityModel
import ClarityStore
import MCP

/// The tools the server offers; each call reads a frozen state of the store, and the pipelines it runs freeze their own.
struct ClarityTools: Sendable {
    let source: any ReportSource

    /// Runs a tool by name; bad arguments fail with `MCPError.invalidParams` saying what is valid.
    func call(_ name: String, _ values: [String: Value]?) throws -> CallTool.Result {
        let unknown = MCPError.invalidParams(
            "unknown tool \(ToolFailure.quoted(name)); the tools are \(ToolCatalog.all.map(\.name).joined(separator: ", ")).")
        guard let definition = ToolCatalog.all.first(where: { $0.name == name }) else { throw unknown }
        let arguments = try ToolArguments(tool: name, values: values, accepted: ToolCatalog.argumentNames(of: definition))
        let store: MetricStore
        do { store = try source.store.frozen() } catch { throw MCPError.internalError("\(name): \(error)") }
        do {
            switch name {
            case "coverage": return try coverage(arguments, store: store).result
            case "kpis": return try kpis(arguments, store: store).result
            case "series": return try series(arguments, store: store).result
            case "segments": return try segments(arguments, store: store).result
            case "breakdown": return try breakdown(arguments, store: store).result
            case "releases": return try releases(arguments, store: store).result
            case "release_impact": return try releaseImpact(arguments, store: store).result
            case "report": return try report(arguments, store: store).result
            default: throw unknown
            }
        } catch let error as MCPError {
            throw error
        } catch let error as ReportError {
            throw ToolFailure.invalid(name, error.description)
        } catch {
            throw MCPError.internalError("\(name): \(error)")
        }
    }

    var judgement: JudgementSettings {
        JudgementSettings(minimumSessions: source.settings.minimumSessions, significance: source.settings.significance)
    }

    /// The period asked for, else the latest complete week in the store.
    func period(_ arguments: ToolArguments, store: MetricStore) throws -> PeriodRequest {
        if let period = try PeriodRequest.read(arguments) { return period }
        if let week = try store.latestCompleteWeek() { return .week(week) }
        throw ToolFailure.invalid(
            arguments.tool, "no data: the store holds no day yet. Ingest responses with `clarity-report ingest` or `fetch` first.")
    }

    /// Every segment of a dimension set over some days, aggregate rows left out.
    func rows(_ store: MetricStore, _ dimensions: DimensionSet, in days: ClosedRange<Day>) throws -> [SegmentTotals] {
        try store.segmentTotals(in: days, dimensions: [dimensions]).filter { !$0.segment.isAggregate && $0.segment.dimensions == dimensions }
    }

    /// A segment as JSON shows it: its dimensions and values.
    struct SegmentValue: Encodable, Equatable {
        let dimension: String
        let value: String

        static func of(_ segment: Segment) -> [SegmentValue] {
            segment.values.map { SegmentValue(dimension: $0.dimension.name, value: $0.value ?? "") }
        }
    }
}
