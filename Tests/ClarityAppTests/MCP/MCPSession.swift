import ClarityDemo
import ClarityMCP
import ClarityModel
import ClarityRender
import ClarityStore
import Foundation
import MCP
import SystemPackage

@testable import ClarityApp

/// A store file of the demo site's first ten weeks (2026-W21 to W30) and its releases, built once per test run.
enum MCPDemoStore {
    static let days = DemoSite().firstDay...DemoSite().firstDay.advanced(by: 69)

    static let shared: Result<String, any Error> = Result {
        let folder = scratchFolder("mcp-store")
        let path = (folder as NSString).appendingPathComponent("clarity.sqlite")
        let store = try MetricStore(path: path)
        try ingestDemo(into: store, days: days)
        for release in DemoSite().releases {
            try store.addRelease(
                Release(version: release.version, instant: Instant(seconds: release.day.startSecond + 14 * 3600), note: release.note, source: .manual)
            )
        }
        return path
    }

    /// The pipelines over the store opened read-only, as `clarity-report mcp` opens it.
    static func source() throws -> PipelineReports {
        let loaded = LoadedConfiguration(
            configuration: ReportConfiguration(project: .init(name: demoProject.name, site: demoProject.site)), path: nil)
        return PipelineReports(store: try MetricStore(path: try shared.get(), access: .readOnly), loaded: loaded, templates: try TemplateSet())
    }
}

/// The Swift SDK's client talking to the server in this process over two pipes, with the stdio transport on both sides.
final class MCPSession: @unchecked Sendable {
    let client = Client(name: "clarity-tests", version: "1")
    let source: PipelineReports
    private let toServer = Pipe()
    private let toClient = Pipe()
    private var serving: Task<Void, any Error>?

    init(source: PipelineReports) {
        self.source = source
    }

    static func open(_ source: PipelineReports? = nil) async throws -> MCPSession {
        let session = MCPSession(source: try source ?? MCPDemoStore.source())
        try await session.connect()
        return session
    }

    private func connect() async throws {
        let serverTransport = StdioTransport(
            input: FileDescriptor(rawValue: toServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toClient.fileHandleForWriting.fileDescriptor))
        let clientTransport = StdioTransport(
            input: FileDescriptor(rawValue: toClient.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
        let server = ClarityServer(source: source, version: "test")
        serving = Task { try await server.serve(on: serverTransport) }
        _ = try await client.connect(transport: clientTransport)
    }

    /// Ends the session: the client goes, the server reads end of input and returns.
    func close() async {
        await client.disconnect()
        try? toServer.fileHandleForWriting.close()
        _ = await serving?.result
    }

    /// A tool's answer: the summary, the JSON text parsed by Foundation, and the structured content.
    struct Answer {
        let summary: String
        let json: [String: Any]
        let structured: Value?
    }

    func call(_ tool: String, _ arguments: [String: Value] = [:]) async throws -> Answer {
        let result = try await client.callTool(name: tool, arguments: arguments).value
        guard result.isError != true, result.content.count == 2,
            case .text(let summary, _, _) = result.content[0], case .text(let text, _, _) = result.content[1]
        else {
            throw Unexpected(description: "\(tool) answered \(result)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        return Answer(summary: summary, json: json, structured: result.structuredContent)
    }

    /// The MCP error a call fails with, as the client reads it.
    func failure(_ tool: String, _ arguments: [String: Value] = [:]) async -> (code: Int, message: String)? {
        do {
            _ = try await client.callTool(name: tool, arguments: arguments).value
            return nil
        } catch let error as MCPError {
            return (error.code, error.errorDescription ?? "")
        } catch {
            return (0, "\(error)")
        }
    }

    struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }
}

/// A model's JSON as `--format json` prints it, parsed by Foundation for comparisons.
func reportJSON<T: Encodable>(_ model: T) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(try TemplateContext.json(model).utf8)) as? [String: Any] ?? [:]
}

/// Whether two parsed JSON values are equal (numbers by value).
func sameJSON(_ a: Any?, _ b: Any?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x as NSObject, let y as NSObject): return x.isEqual(y)
    default: return false
    }
}

/// True when `mcp` holds every field `report` holds, with the same values: the report's JSON rows leave out each KPI's
/// label, kind, polarity and empty history (read there from its top-level `kpis` by id), which the MCP rows carry.
func sameFigures(_ mcp: Any?, _ report: Any?) -> Bool {
    switch (mcp, report) {
    case (let x as [String: Any], let y as [String: Any]):
        return y.allSatisfy { key, value in sameFigures(x[key], value) }
    case (let x as [Any], let y as [Any]):
        return x.count == y.count && zip(x, y).allSatisfy { sameFigures($0, $1) }
    default:
        return sameJSON(mcp, report)
    }
}

/// `report` without the sections the `report` tool's answer names in `leftOut` (it leaves them out to stay under its size bound).
func withoutLeftOut(_ report: [String: Any], answer: [String: Any]) -> [String: Any] {
    var kept = report
    for key in answer["leftOut"] as? [String] ?? [] { kept.removeValue(forKey: key) }
    return kept
}
