import ClarityModel
import ClarityRender
import ClarityStore
import Foundation
import MCP
import Testing

@testable import ClarityApp

/// The MCP server over the hostile store and its benign twin: site text comes back as data in the JSON, and never
/// reaches a description, the prompt, the instructions or a summary.
@Suite("Hostile text through the MCP server")
struct HostileMCPTests {
    static func source(_ store: MetricStore) throws -> PipelineReports {
        PipelineReports(
            store: store, project: HostileStore.project, settings: HostileStore.settings(valueCount: HostileFixture.valueCount),
            releaseWindow: 7, templates: try TemplateSet())
    }

    static let calls: [(String, [String: Value])] = [
        ("coverage", [:]),
        ("kpis", ["week": "2026-W47"]),
        ("segments", ["week": "2026-W47", "limit": 3]),
        ("breakdown", ["dimensions": "URL", "week": "2026-W47", "limit": 5]),
        ("breakdown", ["dimensions": "Browser", "week": "2026-W47", "limit": 5, "sort": "rageClickRate"]),
        ("series", ["figure": "rageClickRate", "from": "2026-11-09", "to": "2026-11-22"]),
        ("releases", [:]),
        ("report", ["kind": "weekly", "week": "2026-W47", "sections": ["kpis", "headline"]]),
    ]

    @Test("summaries, tool descriptions, the prompt and the instructions are the same as the benign store's")
    func fixedText() async throws {
        let fixture = try HostileFixture.shared.get()
        let hostile = try await MCPSession.open(try Self.source(fixture.hostile))
        let benign = try await MCPSession.open(try Self.source(fixture.benign))
        #expect(try await hostile.client.listTools().tools == (try await benign.client.listTools().tools))
        #expect(try await hostile.client.listResources().resources == (try await benign.client.listResources().resources))
        #expect(
            try await hostile.client.getPrompt(name: "weekly_review").messages == (try await benign.client.getPrompt(name: "weekly_review").messages))
        for (tool, arguments) in Self.calls {
            let shown = try await hostile.call(tool, arguments).summary
            let twin = try await benign.call(tool, arguments).summary
            #expect(shown == twin, "\(tool)")
        }
        await hostile.close()
        await benign.close()
    }

    @Test("every payload comes back whole as a JSON string, and a payload segment can be asked for by its value")
    func payloadsAreData() async throws {
        let fixture = try HostileFixture.shared.get()
        let session = try await MCPSession.open(try Self.source(fixture.hostile))
        let payloads = Set(HostileFixture.payloads.map { HostileFixture.stored($0.text) })
        let urls = try await session.call("breakdown", ["dimensions": "URL", "week": "2026-W47", "limit": 100, "figures": ["sessions"]])
        let values = (urls.json["rows"] as? [[String: Any]] ?? []).compactMap { ($0["values"] as? [[String: Any]])?.first?["value"] as? String }
        #expect(Set(values) == payloads)
        #expect(urls.structured?.objectValue?["rows"]?.arrayValue?.count == payloads.count)
        // The SDK reads `data:` URL arguments as bytes; those payloads are matched all the same.
        for payload in HostileFixture.payloads.prefix(10) + HostileFixture.payloads.filter({ $0.text.hasPrefix("data:") }) {
            let text = HostileFixture.stored(payload.text)
            let device = try await session.call("kpis", ["week": "2026-W47", "segment": .object(["Device": .string(text)]), "figures": ["sessions"]])
            #expect((device.json["segment"] as? [[String: Any]])?.first?["value"] as? String == text, "\(payload.family)")
        }
        await session.close()
    }

    @Test("an answer that would pass 400,000 bytes shows fewer rows and says why")
    func boundedAnswers() async throws {
        let fixture = try HostileFixture.shared.get()
        let session = try await MCPSession.open(try Self.source(fixture.hostile))
        let result = try await session.client.callTool(
            name: "breakdown",
            arguments: [
                "dimensions": "URL", "week": "2026-W47", "limit": 100, "figures": .array(KPI.allCases.map { .string($0.rawValue) }),
            ]
        ).value
        guard case .text(let text, _, _)? = result.content.last else {
            Issue.record("no JSON text")
            return
        }
        #expect(text.utf8.count <= 400_000)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        let shown = (json["rows"] as? [Any])?.count ?? 0
        #expect(shown > 0 && shown < HostileFixture.valueCount, "\(shown) rows")
        let truncated = json["truncated"] as? [String: Any]
        #expect(truncated?["shown"] as? Int == shown)
        #expect(truncated?["total"] as? Int == HostileFixture.valueCount)
        #expect((truncated?["note"] as? String)?.contains("cut to stay under 400000 bytes") == true)
        await session.close()
    }
}
