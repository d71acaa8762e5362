import Foundation
import Testing

/// The real demo store (`clarity-report demo`), made once per test run, and the Python MCP client beside these tests.
struct MCPDemoRun: Sendable {
    let folder: ScratchFolder
    let store: String
    let responses: [String]

    static let shared: Result<MCPDemoRun, any Error> = Result {
        let folder = try ScratchFolder("mcp-demo")
        let run = try CommandLineTool.built().run(["demo", "--out", folder.path("demo"), "--reports", folder.path("reports")])
        guard run.status == 0 else { throw MCPSession.Unexpected(description: "the demo failed: \(run)") }
        let responses = try FileManager.default.contentsOfDirectory(atPath: folder.path("demo/responses")).sorted().map {
            folder.path("demo/responses/\($0)")
        }
        return MCPDemoRun(folder: folder, store: folder.path("demo/clarity.sqlite"), responses: responses)
    }

    /// A copy of the demo store, for one test to serve.
    func copy(in scratch: ScratchFolder) throws -> String {
        let path = scratch.path("clarity.sqlite")
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: store + suffix) {
            try FileManager.default.copyItem(atPath: store + suffix, toPath: path + suffix)
        }
        return path
    }

    static let client = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("mcp-client.py").path

    /// Runs the Python client against `clarity-report mcp --store STORE` and returns its answers, in order.
    static func ask(store: String, script: [String: Any], in scratch: ScratchFolder, started: ((Process) throws -> Void)? = nil) throws -> [[String:
        Any]]
    {
        guard (try? ExternalTool.output("/usr/bin/env", ["python3", "-c", "import mcp.client.stdio; print('ok')"])) == "ok\n" else {
            throw MCPSession.Unexpected(
                description: "python3 cannot import mcp (the MCP client from PyPI); run scripts/install-deps.sh with CLARITY_WITH_BROWSER=1")
        }
        let scriptPath = scratch.path("script-\(UUID().uuidString).json")
        let outPath = scratch.path("answers-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: script).write(to: URL(fileURLWithPath: scriptPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", client, try CommandLineTool.built().url.path, store, scriptPath, outPath]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try started?(process)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: outPath),
            let answers = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else {
            throw MCPSession.Unexpected(description: "the Python MCP client failed (exit \(process.terminationStatus)): \(problem.suffix(3_000))")
        }
        return answers
    }
}

extension OneAtATime {
    @Suite("MCP server: the built binary driven by the Python mcp client")
    struct MCPStdioTests {
        @Test("over stdio, the tools' figures equal the --format json reports and bad arguments are MCP errors")
        func figuresMatchTheReports() throws {
            let demo = try MCPDemoRun.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("mcp-python")
            let store = try demo.copy(in: scratch)
            func report(_ arguments: [String]) throws -> String {
                let run = try tool.run(arguments + ["--store", store])
                try #require(run.status == 0, "\(run)")
                return run.stdout
            }
            func json(_ text: String) throws -> [String: Any] {
                try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
            }
            let weekly = try json(try report(["weekly", "--week", "2026-W47", "--format", "json"]))
            let monthly = try json(try report(["monthly", "--month", "2026-10", "--format", "json"]))
            let weeklyMarkdown = try report(["weekly", "--format", "md"])
            let monthlyMarkdown = try report(["monthly", "--format", "md"])
            let before = try Data(contentsOf: URL(fileURLWithPath: store))

            let answers = try MCPDemoRun.ask(
                store: store,
                script: [
                    "calls": [
                        ["list": "tools"], ["list": "resources"], ["list": "prompts"],
                        ["tool": "kpis", "arguments": ["week": "2026-W47"]],
                        ["tool": "kpis", "arguments": ["month": "2026-10"]],
                        ["tool": "segments", "arguments": ["limit": 5]],
                        [
                            "tool": "breakdown",
                            "arguments": [
                                "dimensions": "Browser", "week": "2026-W47",
                                "figures": [
                                    "sessions", "avgDailyUsers", "pagesPerSession", "scrollDepth", "activeTime", "totalTime",
                                    "deadClickRate", "rageClickRate", "quickbackRate", "excessiveScrollRate", "scriptErrorRate", "errorClickRate",
                                ],
                            ],
                        ],
                        ["tool": "release_impact", "arguments": ["version": "2.5.0"]],
                        ["tool": "report", "arguments": ["kind": "weekly", "week": "2026-W47"]],
                        ["tool": "report", "arguments": ["kind": "monthly", "format": "markdown"]],
                        ["resource": "clarity://reports/weekly/latest.md"],
                        ["prompt": "weekly_review", "arguments": ["week": "2026-W47"]],
                        ["tool": "kpis", "arguments": ["week": "2026-W10"]],
                        ["tool": "breakdown", "arguments": ["dimensions": "Planet"]],
                        ["tool": "series", "arguments": ["figure": "sessions", "from": "2023-01-01", "to": "2026-11-22"]],
                        ["tool": "release_impact", "arguments": ["version": "0.0.1"]],
                        ["tool": "series", "arguments": ["figure": "sessions", "granularity": "weekly", "from": "2026-09-28", "to": "2026-11-22"]],
                        ["tool": "coverage"],
                        ["tool": "releases"],
                    ]
                ], in: scratch)
            try #require(answers.count == 20)
            #expect(answers[0]["server"] as? String == "clarity-report")
            let tools = try #require(answers[1]["tools"] as? [[String: Any]])
            #expect(
                tools.map { $0["name"] as? String } == [
                    "coverage", "kpis", "series", "segments", "breakdown", "releases", "release_impact", "report",
                ])
            #expect(tools.allSatisfy { $0["readOnly"] as? Bool == true && ($0["inputSchema"] as? [String: Any])?["type"] as? String == "object" })
            #expect((answers[2]["resources"] as? [[String: Any]])?.count == 2)
            #expect((answers[3]["prompts"] as? [[String: Any]])?.first?["name"] as? String == "weekly_review")

            func structured(_ index: Int) -> [String: Any] { answers[index]["structured"] as? [String: Any] ?? [:] }
            // The text content carries the same JSON as the structured content.
            for index in [4, 5, 6, 7, 8, 9] {
                let texts = answers[index]["texts"] as? [String] ?? []
                try #require(texts.count == 2, "answer \(index)")
                let text = try json(texts[1])
                #expect(sameJSON(text, structured(index)), "answer \(index)")
            }
            #expect(sameJSON(structured(4)["kpis"], weekly["kpis"]))
            #expect(sameJSON(structured(5)["kpis"], monthly["kpis"]))
            #expect(sameJSON(structured(6)["frustrationSegments"], weekly["frustrationSegments"]))
            #expect(sameJSON(structured(6)["segmentMovers"], weekly["segmentMovers"]))
            let rows = structured(7)["rows"] as? [[String: Any]] ?? []
            let browsers = weekly["browsers"] as? [[String: Any]] ?? []
            #expect(rows.count == browsers.count && !rows.isEmpty)
            #expect(zip(rows, browsers).allSatisfy { sameFigures($0["kpis"], $1["kpis"]) })
            #expect(
                sameJSON(
                    structured(8),
                    (monthly["releases"] as? [[String: Any]])?.first { ($0["release"] as? [String: Any])?["version"] as? String == "2.5.0" }))
            #expect(sameJSON(structured(9)["model"], withoutLeftOut(weekly, answer: structured(9))))
            #expect(structured(10)["markdown"] as? String == monthlyMarkdown)
            #expect((answers[11]["contents"] as? [[String: Any]])?.first?["text"] as? String == weeklyMarkdown)
            #expect(((answers[12]["messages"] as? [[String: Any]])?.first?["text"] as? String)?.contains("Call kpis with week 2026-W47.") == true)

            let errors: [(Int, String)] = [
                (13, "no data for 2026-W10"), (14, "unknown dimension \"Planet\""), (15, "at most 1096 days (3 years)"),
                (16, "no release \"0.0.1\""),
            ]
            for (index, words) in errors {
                #expect(answers[index]["ok"] as? Bool == false)
                #expect(answers[index]["code"] as? Int == -32602, "\(answers[index])")
                #expect((answers[index]["message"] as? String)?.contains(words) == true, "\(answers[index])")
            }
            let sessions = (weekly["kpis"] as? [[String: Any]])?.first { $0["id"] as? String == "sessions" }
            let points = structured(17)["points"] as? [[String: Any]] ?? []
            #expect(points.count == 8)
            #expect(points.map { $0["label"] as? String ?? "" } == (weekly["historyLabels"] as? [String] ?? []))
            #expect(sameJSON(points.map { $0["perDay"] ?? NSNull() }, sessions?["history"]))
            let status = try json(try report(["status", "--json"]))
            #expect(structured(18)["latestPull"] as? String == status["latestPull"] as? String)
            let held = (status["coverage"] as? [[String: Any]] ?? []).map { ($0["dimensions"] as? [String] ?? []).joined(separator: "+") }
            let sets = structured(18)["coverage"] as? [[String: Any]] ?? []
            #expect(sets.count == 10)
            #expect(sets.map { $0["dimensions"] as? String ?? "" } == held)
            #expect(sets.map { $0["daysCovered"] as? Int } == (status["coverage"] as? [[String: Any]] ?? []).map { $0["daysCovered"] as? Int })
            let registry = try JSONSerialization.jsonObject(with: Data(try report(["release", "list", "--json"]).utf8)) as? [Any]
            #expect(registry?.count == 5)
            #expect(sameJSON(structured(19)["releases"], registry.map { Array($0.reversed()) }))
            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "serving changed the store file")
        }

        @Test("mcp is listed in --help, and without a store it exits 1 with the reason, writing nothing on standard output")
        func noStore() throws {
            let tool = try CommandLineTool.built()
            #expect(try tool.run(["--help"]).stdout.contains("  mcp"))
            let scratch = try ScratchFolder("mcp-no-store")
            let run = try tool.run(["mcp", "--store", scratch.path("missing.sqlite")])
            #expect(run.status == 1, "\(run)")
            #expect(run.stderr.contains("there is no store at this path"), "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path("missing.sqlite")))
        }

        @Test("an ingest running while the server answers breaks neither: every answer is whole, the new days show up")
        func ingestWhileServing() throws {
            let demo = try MCPDemoRun.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("mcp-ingest")
            let store = scratch.path("clarity.sqlite")
            // Responses pulled up to Nov 16 (days up to 2026-W46) first; W47's arrive while the server answers.
            let early = demo.responses.filter { ($0 as NSString).lastPathComponent.prefix(8) <= "20261116" }
            let late = demo.responses.filter { ($0 as NSString).lastPathComponent.prefix(8) > "20261116" }
            try #require(!early.isEmpty && !late.isEmpty)
            let built = try tool.run(["ingest", "--store", store] + early)
            try #require(built.status == 0, "\(built)")
            let reference =
                try JSONSerialization.jsonObject(
                    with: Data(try tool.run(["weekly", "--week", "2026-W46", "--format", "json", "--store", store]).stdout.utf8)) as? [String: Any]

            let ready = scratch.path("ready")
            let stop = scratch.path("stop")
            let loop: [[String: Any]] = [
                ["tool": "coverage"], ["tool": "kpis", "arguments": ["week": "2026-W46"]],
                ["tool": "breakdown", "arguments": ["dimensions": "Device", "week": "2026-W46"]],
            ]
            var ingest: CommandLineTool.Finished?
            let answers = try MCPDemoRun.ask(
                store: store, script: ["loop": ["calls": loop, "ready": ready, "stop": stop, "rounds": 300]], in: scratch
            ) { client in
                let deadline = Date().addingTimeInterval(120)
                while !FileManager.default.fileExists(atPath: ready) && client.isRunning && Date() < deadline { usleep(20_000) }
                ingest = try tool.run(["ingest", "--store", store] + late)
                _ = FileManager.default.createFile(atPath: stop, contents: Data())
            }
            let run = try #require(ingest)
            #expect(run.status == 0, "\(run)")
            let after =
                try JSONSerialization.jsonObject(
                    with: Data(try tool.run(["weekly", "--week", "2026-W46", "--format", "json", "--store", store]).stdout.utf8)) as? [String: Any]
            let rounds = answers.dropFirst()
            #expect(rounds.count >= 6 && rounds.count % 3 == 0)
            #expect(rounds.allSatisfy { $0["ok"] as? Bool == true }, "\(rounds.filter { $0["ok"] as? Bool != true }.prefix(3))")
            var lastDays: [String] = []
            for (index, answer) in rounds.enumerated() {
                let structured = answer["structured"] as? [String: Any] ?? [:]
                switch index % 3 {
                case 0: lastDays.append(structured["lastDay"] as? String ?? "")
                case 1:
                    #expect(sameJSON(structured["kpis"], reference?["kpis"]) || sameJSON(structured["kpis"], after?["kpis"]), "round \(index / 3)")
                default: #expect((structured["rows"] as? [Any])?.isEmpty == false)
                }
            }
            #expect(lastDays.first == "2026-11-15")
            #expect(lastDays.last == "2026-11-22")
            #expect(lastDays == lastDays.sorted(), "the store's last day went backwards: \(lastDays)")
            print("mcp during ingest: \(rounds.count / 3) rounds saw last days \(Array(Set(lastDays)).sorted())")
        }
    }
}
