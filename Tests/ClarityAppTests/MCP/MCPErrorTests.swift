import MCP
import Testing

/// Every tool's bad arguments come back as MCP errors (invalid params, -32602) that say what is valid.
@Suite("MCP server: errors that say what is valid")
struct MCPErrorTests {
    /// A call, and words its error message must hold.
    struct Case: CustomStringConvertible {
        let tool: String
        let arguments: [String: Value]
        let says: [String]
        var description: String { "\(tool) \(arguments)" }
    }

    static let noData = ["no data for", "the store holds site totals from 2026-05-18 to 2026-07-26", "weeks 2026-W21 to 2026-W30"]
    static let overThreeYears = ["spans 1097 days", "at most 1096 days (3 years)"]
    static let dimensions = ["unknown dimension \"Region\"", "Browser, Device, OS, Country, Source, Medium, Campaign, Channel, URL"]

    static let cases: [Case] = [
        Case(tool: "nope", arguments: [:], says: ["unknown tool \"nope\"", "coverage, kpis, series"]),
        Case(tool: "coverage", arguments: ["week": "2026-W30"], says: ["unknown argument \"week\"", "it takes no arguments"]),
        Case(tool: "kpis", arguments: ["week": "2020-W01"], says: noData),
        Case(tool: "kpis", arguments: ["month": "2026-12"], says: noData),
        Case(tool: "kpis", arguments: ["from": "2023-07-26", "to": "2026-07-26"], says: overThreeYears),
        Case(tool: "kpis", arguments: ["week": "W30"], says: ["is not an ISO week", "2026-W47"]),
        Case(tool: "kpis", arguments: ["week": "2026-W30", "month": "2026-07"], says: ["give one period"]),
        Case(tool: "kpis", arguments: ["from": "2026-07-20"], says: ["needs both from and to"]),
        Case(tool: "kpis", arguments: ["from": "2026-07-26", "to": "2026-07-20"], says: ["is after to"]),
        Case(tool: "kpis", arguments: ["segment": ["Region": "EU"]], says: dimensions.prefix(1) + ["Browser, Device"]),
        Case(tool: "kpis", arguments: ["segment": ["Device": "Toaster"]], says: ["no Device row for this segment", "breakdown tool lists"]),
        Case(tool: "kpis", arguments: ["figures": ["bounceRate"]], says: ["\"bounceRate\" is not a figure", "sessions, botSessions"]),
        Case(
            tool: "kpis", arguments: ["weeks": "2026-W30"], says: ["unknown argument \"weeks\"", "it takes figures, from, month, segment, to, week"]),
        Case(tool: "series", arguments: [:], says: ["figure is required", "rageClickRate"]),
        Case(tool: "series", arguments: ["figure": "sessions", "from": "2020-01-01", "to": "2020-02-01"], says: noData),
        Case(tool: "series", arguments: ["figure": "sessions", "from": "2023-07-26", "to": "2026-07-26"], says: overThreeYears),
        Case(tool: "series", arguments: ["figure": "sessions", "granularity": "hourly"], says: ["\"hourly\" is not one of daily, weekly"]),
        Case(tool: "series", arguments: ["figure": "sessions", "limit": 0], says: ["limit is 0", "from 1 to 400"]),
        Case(tool: "series", arguments: ["figure": "sessions", "segment": ["Browser": "Lynx"]], says: ["no Browser row for this segment"]),
        Case(tool: "segments", arguments: ["dimension": "Region"], says: dimensions),
        Case(tool: "segments", arguments: ["signal": "sadClick"], says: ["\"sadClick\" is not a signal", "deadClick, rageClick"]),
        Case(tool: "segments", arguments: ["week": "2026-W40"], says: noData),
        Case(
            tool: "segments", arguments: ["from": "2026-07-01", "to": "2026-07-07"],
            says: ["unknown argument \"from\", \"to\"", "it takes dimension, limit, month, signal, week"]),
        Case(tool: "segments", arguments: ["limit": 51], says: ["from 1 to 50"]),
        Case(tool: "breakdown", arguments: [:], says: ["dimensions is required", "Browser+URL"]),
        Case(tool: "breakdown", arguments: ["dimensions": "Region"], says: dimensions),
        Case(tool: "breakdown", arguments: ["dimensions": "Device+Campaign"], says: ["holds no Device+Campaign breakdown", "it holds Browser"]),
        Case(
            tool: "breakdown", arguments: ["dimensions": "Device", "month": "2025-01"],
            says: ["no data for 2025-01", "the Device breakdown from 2026-05-18"]),
        Case(tool: "breakdown", arguments: ["dimensions": "Device", "from": "2020-01-01", "to": "2026-07-26"], says: ["spans 2399 days"]),
        Case(tool: "breakdown", arguments: ["dimensions": "Device", "sort": "happiness"], says: ["\"happiness\" is not a figure"]),
        Case(tool: "breakdown", arguments: ["dimensions": "Device", "order": "up"], says: ["descending, ascending"]),
        Case(tool: "releases", arguments: ["limit": 500], says: ["from 1 to 200"]),
        Case(tool: "release_impact", arguments: [:], says: ["version is required"]),
        Case(tool: "release_impact", arguments: ["version": "9.9.9"], says: ["no release \"9.9.9\"", "\"2.6.0\", \"2.5.0\""]),
        Case(tool: "report", arguments: [:], says: ["kind is required: weekly or monthly"]),
        Case(tool: "report", arguments: ["kind": "daily"], says: ["\"daily\" is not weekly or monthly"]),
        Case(tool: "report", arguments: ["kind": "weekly", "week": "2020-W01"], says: noData),
        Case(tool: "report", arguments: ["kind": "monthly", "week": "2026-W30"], says: ["takes month"]),
        Case(tool: "report", arguments: ["kind": "weekly", "format": "pdf"], says: ["json, markdown"]),
        Case(tool: "report", arguments: ["kind": "weekly", "sections": ["everything"]], says: ["no section \"everything\"", "kpis"]),
    ]

    @Test("bad arguments", arguments: cases)
    func badArguments(_ call: Case) async throws {
        let session = try await MCPSession.open()
        let failure = try #require(await session.failure(call.tool, call.arguments), "\(call) was answered")
        #expect(failure.code == -32602, "\(call): \(failure.message)")
        for words in call.says {
            #expect(failure.message.contains(words), "\(call): \(failure.message)")
        }
        await session.close()
    }

    @Test("control characters in an echoed argument are written out, not passed on")
    func echoedArgumentsAreEscaped() async throws {
        let session = try await MCPSession.open()
        let failure = try #require(await session.failure("breakdown", ["dimensions": "Device", "order": "\u{1B}[2J\u{202E}up"]))
        #expect(failure.message.contains("\\u{1B}[2J\\u{202E}up"))
        #expect(!failure.message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        await session.close()
    }
}
